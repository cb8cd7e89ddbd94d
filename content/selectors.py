"""Read-only queries other apps may use (the questionnaire, the PDF).

`assessments` imports from here; nothing in `content` imports `assessments`.
"""

from datetime import date

from django.db.models import QuerySet
from django.urls import reverse

from content.models import (
    DEFAULT_DECLARATION_OF_INTEREST,
    FAQ,
    Article,
    ClinicDetails,
    ComparisonRow,
    OptionProfile,
    Reference,
    Section,
)

EDITORIAL_MODELS = (Article, Section, OptionProfile, ComparisonRow, FAQ, Reference)


def section_url(slug: str) -> str:
    """Link to a guide section, e.g. "/guide/#evidence". Does not check the slug exists."""
    return f"{reverse('content:guide')}#{slug}"


def section_title(slug: str) -> str:
    """Title of the published section, or "" when there is none with that slug."""
    return (
        Section.objects.published().filter(slug=slug).values_list("title", flat=True).first()
        or ""
    )


def section_titles() -> dict[str, str]:
    """Slug -> title of every published section, in one query (for pages with many links)."""
    return dict(Section.objects.published().values_list("slug", "title"))


def published_section_slugs() -> set[str]:
    return set(Section.objects.published().values_list("slug", flat=True))


def guide_reviewed_on() -> date | None:
    """Most recent review date of any published content, in one query."""
    per_model = [
        model.objects.published().exclude(last_reviewed_on=None).values_list(
            "last_reviewed_on", flat=True
        ).order_by()
        for model in EDITORIAL_MODELS
    ]
    combined = per_model[0].union(*per_model[1:]).order_by("-last_reviewed_on")
    return combined.first()


def clinic_details() -> ClinicDetails | None:
    """The clinic's details when published, else None (pages then say "hairtx")."""
    return ClinicDetails.objects.published().first()


def declaration_of_interest() -> str:
    """What the clinic sells, in its own words; the shipped default when no clinic is set up.

    Shown next to the guide and on every summary (IPDAS: conflicts of interest).
    """
    clinic = clinic_details()
    return (clinic.declaration_of_interest if clinic else "") or DEFAULT_DECLARATION_OF_INTEREST


def published_references() -> QuerySet[Reference]:
    return Reference.objects.published()
