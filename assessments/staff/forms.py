"""Forms of the staff area: list filters, the review note and the export range."""

from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from assessments.plain_text import remove_invisible_controls
from assessments.staff.insights import Period
from assessments.summary import LEANING_LABELS


class DateInput(forms.DateInput):
    """A native date picker; it posts ISO dates (YYYY-MM-DD), which DateField accepts."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


# Dates outside these never match an assessment, and near date.max the arithmetic on
# them overflows (9999-12-31 + 1 day): they are refused next to the field instead.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2099, 12, 31)
DATE_ERRORS = {
    "invalid": "Enter a real date, for example 2026-11-25.",
    "min_value": "Enter a date from 2000-01-01 to 2099-12-31.",
    "max_value": "Enter a date from 2000-01-01 to 2099-12-31.",
}
# Far more pages than 100,000 assessments fill; a bigger number is a made-up link.
LAST_PAGE = 100_000


class BoundedDateField(forms.DateField):
    """A DateField that takes only dates from EARLIEST_DATE to LATEST_DATE."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", DateInput)
        kwargs["error_messages"] = {**DATE_ERRORS, **kwargs.get("error_messages", {})}
        super().__init__(**kwargs)
        self.validators += [MinValueValidator(EARLIEST_DATE), MaxValueValidator(LATEST_DATE)]

    def widget_attrs(self, widget):
        # The date picker offers only these days too.
        return {**super().widget_attrs(widget), "min": EARLIEST_DATE.isoformat(),
                "max": LATEST_DATE.isoformat()}


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
    date_from = BoundedDateField(label="Submitted from", required=False)
    date_to = BoundedDateField(label="Submitted to (inclusive)", required=False)
    # Set by the Newer/Older links, not shown as a control; its error is shown above.
    page = forms.IntegerField(
        label="Page number",
        required=False,
        min_value=1,
        max_value=LAST_PAGE,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "The page number must be a whole number.",
            "min_value": f"The page number must be from 1 to {LAST_PAGE:,}.",
            "max_value": f"The page number must be from 1 to {LAST_PAGE:,}.",
        },
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

    def clean_note(self) -> str:
        return remove_invisible_controls(self.cleaned_data["note"])


class ExportForm(forms.Form):
    """The export range; the page offers the last 90 days, so the first press works."""

    date_from = BoundedDateField(
        label="Submitted from",
        error_messages={"required": "Enter the first day of the range."},
    )
    date_to = BoundedDateField(
        label="Submitted to (inclusive)",
        error_messages={"required": "Enter the last day of the range."},
    )

    def clean(self):
        cleaned = super().clean()
        _check_range(self)
        return cleaned

    EXPORT_DEFAULT_DAYS = 90

    @classmethod
    def default_range(cls) -> dict[str, date]:
        """The last 90 days, today included. Rows, not counts: unlike insights, an export
        needs no whole weeks (it is audited and shows what each row is)."""
        today = timezone.localdate()
        return {"date_from": today - timedelta(days=cls.EXPORT_DEFAULT_DAYS - 1),
                "date_to": today}


class InsightsForm(forms.Form):
    """The insights period, widened to whole weeks (Monday to Sunday). Both dates
    optional: the default is the 13 weeks up to the "to" date (or this week)."""

    MAX_DAYS = 3 * 366

    date_from = BoundedDateField(
        label="From", required=False,
        help_text="Counts are for whole weeks, Monday to Sunday.",
    )
    date_to = BoundedDateField(label="To (inclusive)", required=False)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        end = cleaned.get("date_to") or timezone.localdate()
        start = cleaned.get("date_from") or Period.default(end).date_from
        cleaned["date_from"], cleaned["date_to"] = start, end
        _check_range(self)
        if not self.errors and (end - start).days + 1 > self.MAX_DAYS:
            self.add_error("date_from", ValidationError(
                "Choose a range of at most three years.", code="range_too_long"))
        return cleaned

    def period(self) -> Period:
        return Period(self.cleaned_data["date_from"], self.cleaned_data["date_to"])
