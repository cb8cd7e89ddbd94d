"""Drafts, submitted assessments and the staff audit trail.

Nothing here identifies a patient: a draft and an assessment hold only answers, the
summary derived from them and random codes. The patient's secret link token and the
draft token are long random strings; the reference code is short so that a patient can
read it out to the clinic over the phone.
"""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from assessments.intake import SCHEMA_VERSION
from assessments.summary import LEANING_LABELS

# No 0/O, 1/I/L: a code read out over the phone cannot be misheard as another.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_token() -> str:
    """A secret for a URL: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,64}")


def is_token_shaped(value: str) -> bool:
    """Whether a string from a URL or form could be one of our tokens.

    Checked before any query, so junk (NUL bytes, which PostgreSQL refuses, or
    megabytes of text) never reaches the database.
    """
    return bool(_TOKEN_SHAPE.fullmatch(value))


def new_code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(raw: str) -> str:
    """What a person typed -> stored form: case, spaces and dashes forgiven."""
    return "".join(ch for ch in raw.upper() if ch.isascii() and ch.isalnum())


def format_code(code: str) -> str:
    """ABCD2345 -> ABCD-2345 (groups of four)."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def new_resume_code() -> str:
    return new_code(12)


def new_reference_code() -> str:
    return new_code(8)


class DraftQuerySet(models.QuerySet):
    def live(self):
        """Drafts not yet expired: in progress, or submitted and pointing to the summary."""
        return self.filter(expires_at__gt=timezone.now())

    def in_progress(self):
        return self.live().filter(assessment__isnull=True)

    def expired(self):
        return self.filter(expires_at__lte=timezone.now())


def draft_expiry():
    return timezone.now() + timedelta(days=settings.HAIRTX_DRAFT_DAYS)


class QuestionnaireProgress(models.Model):
    """How far one questionnaire got and when: the insights funnel, nothing about a person.

    Made with its draft and kept when the draft goes (submitted, or purged 14 days after
    the last save), so a funnel over 90 days still counts every start. It holds no
    answers, no token or code and no link to the assessment; the purge removes it with
    the assessments (HAIRTX_RETENTION_DAYS after it started).
    """

    started_at = models.DateTimeField("started", default=timezone.now)
    furthest_step = models.PositiveSmallIntegerField("furthest step reached", default=1)
    last_step_at = models.DateTimeField("furthest step reached at", default=timezone.now)
    reached_review_at = models.DateTimeField("first reached the review page", null=True)
    submitted_at = models.DateTimeField("submitted", null=True)

    class Meta:
        verbose_name = "questionnaire progress"
        verbose_name_plural = "questionnaire progress"
        indexes = [
            # Covers the funnel's one query: range on started_at, counts on the rest.
            models.Index(
                fields=["started_at", "furthest_step", "reached_review_at", "submitted_at"],
                name="progress_funnel",
            )
        ]

    def __str__(self):
        return f"Questionnaire started {self.started_at:%Y-%m-%d}, step {self.furthest_step}"


class Draft(models.Model):
    """Answers in progress, saved at every step so that nothing typed is lost.

    On submit the answers move to the assessment and the draft keeps only a pointer to
    it until it expires, so that Back, a reload, a second tab or the resume code still
    lead to the summary (issue 23) instead of "your session has ended".
    """

    token = models.CharField("draft token", max_length=64, unique=True, default=new_token)
    resume_code = models.CharField(
        "resume code",
        max_length=12,
        unique=True,
        default=new_resume_code,
        help_text="Shown to the patient as XXXX-XXXX-XXXX to continue on another visit.",
    )
    answers = models.JSONField("answers so far", default=dict, blank=True)
    furthest_step = models.PositiveSmallIntegerField("furthest step reached", default=1)
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("last saved", auto_now=True)
    expires_at = models.DateTimeField("expires", default=draft_expiry, db_index=True)
    progress = models.OneToOneField(
        QuestionnaireProgress,
        verbose_name="progress (for insights)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assessment = models.OneToOneField(
        "assessments.Assessment",
        verbose_name="submitted as",
        null=True,
        blank=True,
        # The patient deleting their summary (or retention) takes this pointer with it.
        on_delete=models.CASCADE,
        related_name="+",
    )

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = "draft"
        verbose_name_plural = "drafts"
        ordering = ["-updated_at"]

    def __str__(self):
        return f"Draft saved {self.updated_at:%Y-%m-%d %H:%M}"

    @property
    def resume_code_display(self) -> str:
        return format_code(self.resume_code)

    @property
    def is_submitted(self) -> bool:
        return self.assessment_id is not None

    def touch(self) -> None:
        """Each save pushes the expiry back: the clock runs from the last visit."""
        self.expires_at = draft_expiry()


class AssessmentQuerySet(models.QuerySet):
    def for_reference(self, raw_code: str):
        return self.filter(reference_code=normalise_code(raw_code))

    def with_red_flags(self):
        return self.filter(has_red_flags=True)

    def not_reviewed(self):
        return self.filter(reviewed_at__isnull=True)

    def older_than(self, days: int):
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))


class Assessment(models.Model):
    """A submitted questionnaire with the summary the rules produced from it."""

    reference_code = models.CharField(
        "reference code",
        max_length=8,
        unique=True,
        default=new_reference_code,
        help_text="What the patient reads out to the clinic, shown as XXXX-XXXX.",
    )
    token = models.CharField("patient link token", max_length=64, unique=True, default=new_token)
    answers = models.JSONField("answers")
    summary = models.JSONField("summary")
    ruleset_version = models.CharField("rules version", max_length=32)
    # The answers keep the intake schema they were given in (rows from before schema 3
    # are "2"); intake_versions.read_answers reads either.
    intake_schema = models.CharField("intake schema", max_length=8, default=SCHEMA_VERSION)
    leaning = models.CharField("what to discuss", max_length=32, db_index=True)
    has_red_flags = models.BooleanField("red flags", default=False, db_index=True)
    guide_reviewed_on = models.DateField("guide reviewed on", null=True, blank=True)
    created_at = models.DateTimeField("submitted", default=timezone.now, db_index=True)
    # Copies of what the insights page groups by, so it never parses the summary JSON:
    # the local day (set on save from created_at) and the SURE score.
    created_on = models.DateField("submitted on (local day)", editable=False)
    sure_score = models.PositiveSmallIntegerField("SURE score", null=True, editable=False)
    pdf_name = models.CharField("stored PDF", max_length=200, blank=True)
    reviewed_at = models.DateTimeField("reviewed", null=True, blank=True, db_index=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="reviewed by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_note = models.CharField("review note", max_length=500, blank=True)
    # The clinician's sign-off of the ruleset that made this summary; empty when the
    # ruleset running at the time was not approved (the summary says so).
    ruleset_approval = models.ForeignKey(
        "assessments.RulesetApproval",
        verbose_name="ruleset approval",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessments",
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = "assessment"
        verbose_name_plural = "assessments"
        ordering = ["-created_at", "-id"]
        indexes = [
            # The staff list's filters, each served newest first from one index.
            models.Index(fields=["has_red_flags", "-created_at"], name="assessment_flags_newest"),
            models.Index(
                fields=["-created_at"],
                condition=models.Q(reviewed_at__isnull=True),
                name="assessment_unreviewed_newest",
            ),
            # Insights: each chart reads one of these, never the table.
            models.Index(fields=["created_on", "leaning"], name="assessment_day_leaning"),
            models.Index(fields=["created_on", "sure_score"], name="assessment_day_sure"),
            models.Index(
                fields=["created_on", "reviewed_at", "created_at"], name="assessment_day_review"
            ),
        ]
        permissions = [
            ("review_assessment", "Can mark an assessment reviewed"),
            ("export_assessments", "Can export de-identified assessments"),
            ("view_insights", "Can see clinic insights (aggregates only)"),
        ]

    def __str__(self):
        return f"Assessment {self.reference_display}"

    def save(self, *args, **kwargs):
        if self.created_on is None:
            self.created_on = timezone.localdate(self.created_at)
        super().save(*args, **kwargs)

    # Deliberately not get_absolute_url: Django offers that URL to every admin user
    # ("View on site" and the /admin/r/<content type>/<id>/ shortcut, which checks only
    # is_staff), and this one is the patient's secret link.
    def secret_summary_path(self) -> str:
        """The patient's own link (/summary/<token>/): only ever sent to the patient."""
        return reverse("assessments:summary", args=[self.token])

    @property
    def reference_display(self) -> str:
        return format_code(self.reference_code)

    @property
    def leaning_label(self) -> str:
        """The leaning in words ("Standard treatments first"); the stored value if unknown."""
        return LEANING_LABELS.get(self.leaning, self.leaning)

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None


class AssessmentSignal(models.Model):
    """One red flag, caution or readiness need in an assessment's summary, for insights.

    Written with the assessment (from its summary) so that "which red flags fire most"
    is an indexed GROUP BY, not a scan of every summary's JSON. ``created_on`` repeats
    the assessment's day so the date range needs no join.
    """

    class Kind(models.TextChoices):
        RED_FLAG = "red_flag", "red flag"
        CAUTION = "caution", "caution"
        NEED = "need", "readiness need"

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="signals", verbose_name="assessment"
    )
    created_on = models.DateField("submitted on (local day)")
    kind = models.CharField("kind", max_length=10, choices=Kind.choices)
    code = models.CharField("rule id or need", max_length=40)

    class Meta:
        verbose_name = "assessment signal"
        verbose_name_plural = "assessment signals"
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "kind", "code"], name="unique_assessment_signal"
            )
        ]
        indexes = [
            models.Index(fields=["kind", "created_on", "code"], name="signal_kind_day_code")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.code}"


class AuditEvent(models.Model):
    """One thing a staff member did with an assessment, or a step of clinical sign-off.

    Rows are only ever added.
    """

    class Action(models.TextChoices):
        VIEW = "view", "viewed"
        PRINT = "print", "opened print view"
        DOWNLOAD = "download", "downloaded PDF"
        REVIEW = "review", "marked reviewed"
        EXPORT = "export", "exported CSV"
        INSIGHTS_CSV = "insights_csv", "downloaded insights CSV"
        INSIGHTS_PDF = "insights_pdf", "downloaded insights PDF"
        SEARCH = "search", "searched"
        DELETE = "delete", "deleted (retention)"
        PATIENT_DELETE = "patient_delete", "deleted by the patient"
        # Clinical sign-off (assessments/governance, content/approvals)
        RULESET_APPROVE = "ruleset_approve", "approved the ruleset"
        CONTENT_SUBMIT = "content_submit", "proposed a guide change"
        CONTENT_APPROVE = "content_approve", "approved a guide change"
        CONTENT_SEND_BACK = "content_send_back", "sent a guide change back"
        CONTENT_PUBLISH = "content_publish", "published guide content"
        CONTENT_UNPUBLISH = "content_unpublish", "took guide content off the site"
        # Health-record exports (assessments/fhir)
        FHIR_DOWNLOAD = "fhir_download", "downloaded for health record (FHIR)"
        FHIR_EXPORT = "fhir_export", "exported FHIR bundles (NDJSON)"
        # The decision recorded at the visit (assessments/decisions)
        DECISION_RECORD = "decision_record", "recorded the decision"
        DECISION_CHANGE = "decision_change", "changed the decision"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="who",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField("who (username)", max_length=150, blank=True)
    action = models.CharField("what", max_length=20, choices=Action.choices)
    assessment = models.ForeignKey(
        Assessment,
        verbose_name="assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    # Kept when the assessment itself is deleted, so the trail stays readable.
    reference_code = models.CharField("reference code", max_length=16, blank=True)
    detail = models.CharField("detail", max_length=300, blank=True)
    ip_address = models.GenericIPAddressField("from address", null=True, blank=True)
    created_at = models.DateTimeField("when", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "audit event"
        verbose_name_plural = "audit log"
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.actor_name or 'system'} {self.get_action_display()} {self.reference_code}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only and cannot be deleted.")


class RateLimitCounter(models.Model):
    """Attempts per key in a fixed time window, counted in the shared database.

    Lives in the database, not in process memory, so every application server sees the
    same counts; the increment is a single UPDATE, atomic on SQLite and PostgreSQL.
    """

    key = models.CharField("key", max_length=200)
    window_start = models.DateTimeField("window start")
    count = models.PositiveIntegerField("attempts", default=0)

    class Meta:
        verbose_name = "rate-limit counter"
        verbose_name_plural = "rate-limit counters"
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="unique_ratelimit_window")
        ]
        indexes = [models.Index(fields=["window_start"])]

    def __str__(self):
        return f"{self.key} @ {self.window_start:%H:%M}: {self.count}"


# Clinical governance models live in their own module (assessments/governance/).
from assessments.governance.models import ReviewerProfile, RulesetApproval  # noqa: F401
from assessments.decisions.models import Decision, DecisionRevision, FollowUp  # noqa: F401, E402
