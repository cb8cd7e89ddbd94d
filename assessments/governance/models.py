"""Reviewer profiles and ruleset approvals."""

from django.conf import settings
from django.db import models


class ReviewerProfile(models.Model):
    """What patients are told about a clinical reviewer, and nothing more."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile",
        verbose_name="user account",
    )
    full_name = models.CharField(
        "full name", max_length=200,
        help_text="As patients should read it, e.g. “Dr Amara Okafor”.",
    )
    profession = models.CharField(
        "profession", max_length=200, help_text="e.g. “Consultant dermatologist”."
    )
    registration_number = models.CharField(
        "registration number", max_length=100,
        help_text="With the register's name, e.g. “GMC 7654321”.",
    )

    class Meta:
        app_label = "assessments"
        verbose_name = "clinical reviewer profile"
        verbose_name_plural = "clinical reviewer profiles"
        ordering = ["full_name"]

    def __str__(self):
        return self.credentials

    @property
    def credentials(self) -> str:
        return f"{self.full_name}, {self.profession}, {self.registration_number}"


class RulesetApproval(models.Model):
    """A clinical reviewer's sign-off of one ruleset version. Rows are only ever added."""

    ruleset_version = models.CharField("ruleset version", max_length=32, db_index=True)
    fingerprint = models.CharField(
        "ruleset fingerprint", max_length=64, db_index=True,
        help_text="SHA-256 of every rule's inputs and texts: the exact rules approved.",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name="approved by",
    )
    # Copied from the profile at approval time: later profile edits do not rewrite history.
    reviewer_name = models.CharField("reviewer's name", max_length=200)
    reviewer_profession = models.CharField("reviewer's profession", max_length=200)
    reviewer_registration = models.CharField("reviewer's registration number", max_length=100)
    approved_at = models.DateTimeField("approved at", auto_now_add=True, db_index=True)
    note = models.TextField("note", blank=True)
    rules_snapshot = models.JSONField(
        "rules as approved", help_text="Every rule's title, trigger and texts, for later diffs."
    )

    class Meta:
        app_label = "assessments"
        verbose_name = "ruleset approval"
        verbose_name_plural = "ruleset approvals"
        ordering = ["-approved_at", "-pk"]
        permissions = [("approve_ruleset", "Can approve a ruleset version")]

    def __str__(self):
        return f"Ruleset {self.ruleset_version} approved by {self.reviewer_name}"

    @property
    def credentials(self) -> str:
        return f"{self.reviewer_name}, {self.reviewer_profession}, {self.reviewer_registration}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Ruleset approvals are a record and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Ruleset approvals are a record and cannot be deleted.")
