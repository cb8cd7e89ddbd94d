"""The decision recorded at the visit, its history, and the patient's follow-ups.

Stored beside the assessment, never in its answers or summary. None of it names the
patient: the decision holds a chosen option, a date, the SURE answers and a note; a
follow-up holds the scale's five answers, its score and one more answer. Both are
deleted with their assessment (the retention purge, or the patient's "delete").
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from . import regret
from .options import CHOSEN_OPTIONS, option_label

NOTE_MAX_LENGTH = 500  # like the review note
YES_NO = [("yes", "Yes"), ("no", "No")]
SURE_KEYS = ("sure_sure", "sure_understand", "sure_risks_benefits", "sure_encouragement")
# What staff type in (the rest of a decision is derived or stamped).
RECORDED_FIELDS = ("option", "decided_on", "notes", *SURE_KEYS)


def sure_score_of(answers) -> int:
    """The SURE score (0 to 4): how many of the four answers are "yes"."""
    return sum(getattr(answers, key) == "yes" for key in SURE_KEYS)


class DecisionFields(models.Model):
    """What staff record at the visit; shared by the decision and each of its revisions."""

    option = models.CharField("option chosen", max_length=32, choices=list(CHOSEN_OPTIONS.items()))
    decided_on = models.DateField("decided on")
    notes = models.CharField("notes", max_length=NOTE_MAX_LENGTH, blank=True)
    sure_sure = models.CharField("SURE: sure about the best choice", max_length=3, choices=YES_NO)
    sure_understand = models.CharField("SURE: knows the good and bad points", max_length=3,
                                       choices=YES_NO)
    sure_risks_benefits = models.CharField("SURE: clear what matters most", max_length=3,
                                           choices=YES_NO)
    sure_encouragement = models.CharField("SURE: enough support", max_length=3, choices=YES_NO)
    sure_score = models.PositiveSmallIntegerField(
        "SURE score at the decision", validators=[MaxValueValidator(4)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="recorded by", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    # Kept when the user account is deleted, so the history stays readable.
    recorded_by_name = models.CharField("recorded by (username)", max_length=150, blank=True)
    recorded_at = models.DateTimeField("recorded at", default=timezone.now)

    class Meta:
        abstract = True

    @property
    def option_label(self) -> str:
        return option_label(self.option)


class Decision(DecisionFields):
    """The decision of one assessment, as it stands now (its changes: ``revisions``)."""

    assessment = models.OneToOneField(
        "assessments.Assessment", verbose_name="assessment", on_delete=models.CASCADE,
        related_name="decision",
    )

    class Meta:
        verbose_name = "decision"
        verbose_name_plural = "decisions"
        ordering = ["-decided_on", "-id"]

    def __str__(self):
        return f"{self.option_label} on {self.decided_on:%Y-%m-%d}"


class DecisionRevision(DecisionFields):
    """One version of a decision, as recorded: who, when and what. Only ever added."""

    decision = models.ForeignKey(Decision, verbose_name="decision", on_delete=models.CASCADE,
                                 related_name="revisions")

    class Meta:
        verbose_name = "decision revision"
        verbose_name_plural = "decision revisions"
        ordering = ["-recorded_at", "-id"]

    def __str__(self):
        return f"{self.option_label}, recorded {self.recorded_at:%Y-%m-%d %H:%M}"


def _response_field(number: int, statement: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        f"item {number}: {statement}", choices=list(regret.RESPONSES.items()),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )


class FollowUp(models.Model):
    """The patient's answers to the regret scale at one wave (3 or 12 months)."""

    assessment = models.ForeignKey(
        "assessments.Assessment", verbose_name="assessment", on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    wave = models.PositiveSmallIntegerField("months after the decision")
    # The option the regret is about, as it stood when the patient answered.
    option = models.CharField("option chosen", max_length=32)
    regret_1 = _response_field(1, regret.ITEMS[0][1])
    regret_2 = _response_field(2, regret.ITEMS[1][1])
    regret_3 = _response_field(3, regret.ITEMS[2][1])
    regret_4 = _response_field(4, regret.ITEMS[3][1])
    regret_5 = _response_field(5, regret.ITEMS[4][1])
    regret_score = models.PositiveSmallIntegerField(
        "regret score (0 none to 100)", validators=[MaxValueValidator(100)]
    )
    hair_change = models.CharField(regret.HAIR_CHANGE_QUESTION, max_length=10,
                                   choices=list(regret.HAIR_CHANGES.items()))
    answered_at = models.DateTimeField("answered", default=timezone.now)

    class Meta:
        verbose_name = "follow-up"
        verbose_name_plural = "follow-ups"
        ordering = ["assessment_id", "wave"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "wave"], name="one_follow_up_per_wave")
        ]

    def __str__(self):
        return f"Follow-up at {self.wave} months: regret {self.regret_score}"

    @property
    def responses(self) -> list[int]:
        return [getattr(self, key) for key in regret.ITEM_KEYS]
