"""The staff's decision form, the patient's follow-up forms and the reminder's choice."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments import intake
from assessments.forms import INVALID_CHOICE_MESSAGE, PlainTextField, error_links
from assessments.staff.forms import BoundedDateField

from . import regret
from .models import NOTE_MAX_LENGTH, SURE_KEYS
from .options import CHOSEN_OPTIONS

def _radios(label: str, choices, *, required_message: str, help_text: str = "",
            coerce=str) -> forms.TypedChoiceField:
    """Radios whose "nothing chosen" message says what to choose (the GOV.UK pattern the
    questionnaire uses)."""
    return forms.TypedChoiceField(
        label=label, help_text=help_text, choices=list(choices), coerce=coerce,
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": INVALID_CHOICE_MESSAGE},
    )


class ErrorSummaryForm(forms.Form):
    """A form whose errors are listed at the top, each linked to its question."""

    def error_links(self) -> list[dict]:
        return error_links(self)


class DecisionForm(ErrorSummaryForm):
    """What staff record at the visit, with the SURE test asked again there."""

    option = _radios("Option chosen", CHOSEN_OPTIONS.items(),
                     required_message="Select the option the patient chose, or Decided later")
    decided_on = BoundedDateField(
        label="Decided on",
        help_text="The day of the visit, for example 2026-12-07.",
        error_messages={"required": "Enter the day the decision was made."},
    )
    notes = PlainTextField(
        label="Notes (optional)",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"At most {NOTE_MAX_LENGTH} characters. Do not write the patient's name or "
                  "contact details.",
        error_messages={"max_length": "The notes can be at most %(limit_value)d characters "
                                      "(they have %(show_value)d). Please shorten them."},
    )

    def __init__(self, *args, summary_made_on: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.summary_made_on = summary_made_on
        # The SURE questions in the patient's own words: staff read them out.
        for key in SURE_KEYS:
            question = intake.QUESTIONS[key]
            self.fields[key] = _radios(
                question.label, [(c.value, c.label) for c in question.choices],
                required_message=question.error_message or "Select the patient's answer",
                help_text="Ask the patient and type in their answer.")

    def clean_decided_on(self) -> date:
        decided_on = self.cleaned_data["decided_on"]
        if decided_on > timezone.localdate():
            raise ValidationError("The decision date cannot be in the future.", code="future")
        if decided_on < self.summary_made_on:
            raise ValidationError(
                f"The decision date cannot be before the summary was made "
                f"({self.summary_made_on:%Y-%m-%d}).", code="before_summary")
        return decided_on


class RegretForm(ErrorSummaryForm):
    """The Decision Regret Scale's five statements, then how the hair has changed."""

    hair_change = _radios(regret.HAIR_CHANGE_QUESTION, regret.HAIR_CHANGES.items(),
                          required_message="Select how your hair has changed, or Too early to tell")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hair_change = self.fields.pop("hair_change")
        for key, statement in regret.ITEMS:
            self.fields[key] = _radios(
                statement, regret.RESPONSES.items(), coerce=int,
                required_message="Select how much you agree or disagree with this statement")
        self.fields["hair_change"] = hair_change  # after the scale, as the issue asks

    @property
    def responses(self) -> list[int]:
        return [self.cleaned_data[key] for key in regret.ITEM_KEYS]


class FollowUpCodeForm(forms.Form):
    code = forms.CharField(
        label="Your reference code",
        max_length=20,
        help_text="It is on your summary, for example ABCD-2345. Capitals, spaces and the "
                  "dash do not matter.",
        error_messages={"required": "Please type your reference code.",
                        "max_length": "A reference code has 8 letters and numbers."},
    )


class ReminderForm(forms.Form):
    with_link = forms.BooleanField(
        label="Put the link to my summary in the calendar file",
        required=False,
        help_text="Without it, the file holds only your reference code and where to type it. "
                  "With it, anyone who can see your calendar can open your summary.",
    )
