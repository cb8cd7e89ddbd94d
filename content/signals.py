"""A new content version (content.page_cache) whenever what patients read may change."""

from django.db.models.signals import post_delete, post_save

from content import page_cache
from content.models import ClinicDetails, ContentChange, Status
from content.selectors import EDITORIAL_MODELS


def content_changed(sender, instance, created=False, **kwargs):
    # A new draft is not on any public page yet; everything else may be (publishing,
    # taking off the site, a clinical decision, which alters the footer's review note).
    if created and getattr(instance, "status", Status.PUBLISHED) != Status.PUBLISHED:
        return
    page_cache.content_changed()


def connect():
    for model in (*EDITORIAL_MODELS, ClinicDetails, ContentChange):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"changed-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"changed-{model}-d")
