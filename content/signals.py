"""Drop the cached site-wide values whenever an editor changes content."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from content.context_processors import SITE_CONTENT_CACHE_KEY
from content.models import ClinicDetails, ContentChange
from content.selectors import EDITORIAL_MODELS


def forget_site_content(**kwargs):
    cache.delete(SITE_CONTENT_CACHE_KEY)


def connect():
    # A decision on a guide change alters what the footer says about clinical review.
    for model in (*EDITORIAL_MODELS, ClinicDetails, ContentChange):
        post_save.connect(forget_site_content, sender=model, dispatch_uid=f"forget-{model}")
        post_delete.connect(forget_site_content, sender=model, dispatch_uid=f"forget-{model}-d")
