"""Plain language: every published guide section reads at Flesch-Kincaid grade 9 or lower."""

import pytest
import textstat

from content.models import Section
from content.rendering import markdown_to_plain_text

pytestmark = pytest.mark.django_db

MAX_GRADE = 9


def test_every_published_section_reads_at_grade_nine_or_lower(guide):
    """IPDAS and NHS guidance: patients must be able to read the guide without help."""
    too_hard = {}
    for section in Section.objects.published():
        grade = textstat.flesch_kincaid_grade(markdown_to_plain_text(section.body))
        if grade > MAX_GRADE:
            too_hard[section.slug] = grade
    assert too_hard == {}
