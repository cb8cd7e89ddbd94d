"""Forms of the staff area: list filters, the review note and the export range."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from assessments.summary import LEANING_LABELS

DATE_ERRORS = {"invalid": "Enter a real date, for example 2026-11-25."}


class DateInput(forms.DateInput):
    """A native date picker; it posts ISO dates (YYYY-MM-DD), which DateField accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _check_range(form: forms.Form) -> None:
    start: date | None = form.cleaned_data.get("date_from")
    end: date | None = form.cleaned_data.get("date_to")
    if start and end and start > end:
        form.add_error(
            "date_to",
            ValidationError(
                "The “to” date must be the same as or after the “from” date.", code="date_order"
            ),
        )


class AssessmentFilterForm(forms.Form):
    """The filters above the list. Every field is optional; bad dates get a clear error."""

    q = forms.CharField(
        label="Reference code",
        required=False,
        max_length=20,
        help_text="For example ABCD-2345. Capitals, spaces and the dash do not matter.",
    )
    leaning = forms.ChoiceField(
        label="What to discuss",
        required=False,
        choices=[("", "Any")] + list(LEANING_LABELS.items()),
    )
    red_flags = forms.BooleanField(label="Only with red flags", required=False)
    not_reviewed = forms.BooleanField(label="Only not yet reviewed", required=False)
    date_from = forms.DateField(
        label="Submitted from", required=False, widget=DateInput, error_messages=DATE_ERRORS
    )
    date_to = forms.DateField(
        label="Submitted to (inclusive)",
        required=False,
        widget=DateInput,
        error_messages=DATE_ERRORS,
    )

    def clean(self):
        cleaned = super().clean()
        _check_range(self)
        return cleaned


class ReviewForm(forms.Form):
    note = forms.CharField(
        label="Review note (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="At most 500 characters. Do not write the patient's name or contact details.",
        error_messages={
            "max_length": "The note can be at most %(limit_value)d characters "
            "(it has %(show_value)d). Please shorten it.",
        },
    )


class ExportForm(forms.Form):
    date_from = forms.DateField(
        label="Submitted from",
        widget=DateInput,
        error_messages={**DATE_ERRORS, "required": "Enter the first day of the range."},
    )
    date_to = forms.DateField(
        label="Submitted to (inclusive)",
        widget=DateInput,
        error_messages={**DATE_ERRORS, "required": "Enter the last day of the range."},
    )

    def clean(self):
        cleaned = super().clean()
        _check_range(self)
        return cleaned
