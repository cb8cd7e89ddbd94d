"""Plain language: everything patients read in the guide is at Flesch-Kincaid grade 8 or lower.

IPDAS and NHS guidance: grade 8 or lower. Checked per guide section, per option-profile
field, per FAQ answer, per comparison-grid cell, and for the default declaration of
interest, so no one long paragraph can hide behind short ones.
"""

import pytest
import textstat

from content.models import (
    DEFAULT_DECLARATION_OF_INTEREST,
    FAQ,
    ComparisonRow,
    OptionProfile,
    Section,
)
from content.rendering import markdown_to_plain_text

pytestmark = pytest.mark.django_db

MAX_GRADE = 8


def _grade(markdown_text: str) -> float:
    return textstat.flesch_kincaid_grade(markdown_to_plain_text(markdown_text))


def _too_hard(texts: dict[str, str]) -> dict[str, float]:
    return {key: grade for key, text in texts.items() if (grade := _grade(text)) > MAX_GRADE}


def test_every_published_section_reads_at_grade_eight_or_lower(guide):
    """Both articles: the guide and "How this guide was made"."""
    sections = {s.slug: s.body for s in Section.objects.published()}
    assert len(sections) > 20
    assert _too_hard(sections) == {}


def test_every_option_profile_field_reads_at_grade_eight_or_lower(guide):
    fields = {
        f"{option.slug}.{name}": getattr(option, name)
        for option in OptionProfile.objects.published()
        for name in ("summary", *OptionProfile.PROFILE_FIELDS)
    }
    assert len(fields) == 7 * 10
    assert _too_hard(fields) == {}


def test_every_faq_answer_reads_at_grade_eight_or_lower(guide):
    answers = {faq.slug: faq.answer for faq in FAQ.objects.published()}
    assert answers
    assert _too_hard(answers) == {}


def test_every_comparison_cell_reads_at_grade_eight_or_lower(guide):
    cells = {
        f"{row.slug}.{name}": getattr(row, name)
        for row in ComparisonRow.objects.published()
        for name in ComparisonRow.OPTION_FIELDS
    }
    assert cells
    assert _too_hard(cells) == {}


def test_default_declaration_of_interest_reads_at_grade_eight_or_lower():
    assert _grade(DEFAULT_DECLARATION_OF_INTEREST) <= MAX_GRADE


def test_the_check_can_fail():
    """A dense clinical sentence must score above the limit, or the tests above prove nothing."""
    dense = ("Intralesional administration of heterogeneous multicomponent formulations "
             "demonstrated inconsistent efficacy across methodologically heterogeneous "
             "investigations.")
    assert _grade(dense) > MAX_GRADE
