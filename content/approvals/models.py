"""A proposed change to one piece of guide content and the clinical reviewer's decision.

One row per proposal, never deleted: the row keeps who proposed what and when, and who
approved or sent it back, when and why, so the history holds both steps. The content
row itself also gets a history entry when an approved change is applied
(django-simple-history, with the change's number in the reason).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentChangeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ContentChange.State.PENDING)

    def approved(self):
        return self.filter(state=ContentChange.State.APPROVED)

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        )


class ContentChange(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for a clinical reviewer")
        APPROVED = "approved", _("Approved")
        SENT_BACK = "sent_back", _("Sent back to the editor")
        SUPERSEDED = "superseded", _("Replaced by a later proposal")

    class Outcome(models.TextChoices):
        # What approval does, not a status: ``services.STATUS_ONCE_APPROVED`` says which
        # status each leaves the item in (the values once matched the statuses' by chance).
        PUBLISH = "publish", _("Publish (patients see it)")
        UNPUBLISH = "unpublish", _("Take off the public site")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, verbose_name=_("kind of content")
    )
    object_id = models.PositiveBigIntegerField(_("item id"))
    item = GenericForeignKey("content_type", "object_id")
    item_label = models.CharField(_("item"), max_length=300)

    values = models.JSONField(
        _("proposed values"), help_text=_("Every patient-facing field as it would be published.")
    )
    fingerprint = models.CharField(_("fingerprint of the values"), max_length=64, db_index=True)
    outcome = models.CharField(
        _("what approval does"), max_length=10, choices=Outcome.choices, default=Outcome.PUBLISH
    )
    summary = models.CharField(_("what changed, in the editor's words"), max_length=300, blank=True)

    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PENDING, db_index=True
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", verbose_name=_("proposed by"),
        help_text=_("Empty for the shipped default content (written by load_guide)."),
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    # Values patients saw when the decision was made: what the reviewer's diff showed.
    values_before = models.JSONField(_("values before the decision"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", verbose_name=_("decided by"),
    )
    decided_by_name = models.CharField(_("reviewer's name"), max_length=200, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)

    objects = ContentChangeQuerySet.as_manager()

    class Meta:
        app_label = "content"
        verbose_name = _("guide change for clinical review")
        verbose_name_plural = _("guide changes for clinical review")
        ordering = ["-proposed_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]
        permissions = [("approve_contentchange", "Can approve or send back guide changes")]

    def __str__(self):
        return f"#{self.pk} {self.item_label} ({self.get_state_display()})"

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING
