"""One review status, everywhere (issue 23 point 3).

The summary page's top, its footer and "Please note", the PDF, the guide pages and
``manage.py clinical_status`` once said three different things on one page ("Reviewed by
Dr …", "Not yet reviewed by a clinician", "our guide as reviewed on 7 December" with 94
of 95 guide items unapproved). Each surface is rendered here with the rules approved or
not and the guide reviewed all, some or none, and must say the rules' status and the
guide's once each, in the same words.
"""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from assessments import pdf
from assessments.governance import services as governance
from content.approvals import registry
from content.approvals import services as content_approvals
from content.approvals.models import ContentChange
from content.models import Status
from content.review_status import GuideReview
from tests.assessments.factories import make_assessment

pytestmark = pytest.mark.django_db

RULES_SENTENCE = re.compile(r"Rules: [^.]*\.")
GUIDE_SENTENCE = re.compile(r"Guide: [^.]*\.")


def published_parts() -> int:
    return sum(model.objects.filter(status=Status.PUBLISHED).count()
               for model in registry.registered_models())


def review_guide(state: str, reviewer) -> str:
    """Approve none, one or every part of the shipped guide; the words expected."""
    total = published_parts()
    pending = list(ContentChange.objects.pending())
    chosen = {"none": [], "some": pending[:1], "all": pending}[state]
    for change in chosen:
        content_approvals.approve(change, reviewer=reviewer)
    return {
        "none": f"Guide: none of its {total} parts reviewed by a clinician yet.",
        "some": f"Guide: 1 of {total} parts reviewed by a clinician.",
        "all": f"Guide: all {total} parts reviewed by a clinician.",
    }[state]


def pdf_text(assessment) -> str:
    reader = PdfReader(io.BytesIO(pdf.render_summary_pdf(assessment=assessment)))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def said(pattern: re.Pattern, text: str) -> list[str]:
    return pattern.findall(" ".join(re.sub(r"<[^>]+>", " ", text).split()))


@pytest.mark.usefixtures("guide")
@pytest.mark.parametrize("rules_approved", [False, True], ids=["rules-unreviewed",
                                                                "rules-reviewed"])
@pytest.mark.parametrize("guide_state", ["none", "some", "all"])
def test_every_surface_says_the_same_status_once(client, reviewer, guide_state,
                                                 rules_approved):
    guide_words = review_guide(guide_state, reviewer)
    if rules_approved:
        approval = governance.approve_ruleset(reviewer=reviewer, note="", ip_address=None)
        day = timezone.localtime(approval.approved_at).strftime("%-d %B %Y")
        rules_words = ("Rules: reviewed by Dr Amara Okafor, Consultant dermatologist, "
                       f"GMC 7654321, on {day}.")
    else:
        rules_words = "Rules: not yet reviewed by a clinician."
    assessment = make_assessment()

    summary_page = client.get(assessment.secret_summary_path()).content.decode()
    guide_page = client.get(reverse("content:guide")).content.decode()
    home_page = client.get(reverse("content:home")).content.decode()
    document = pdf_text(assessment)
    out = io.StringIO()
    try:
        call_command("clinical_status", stdout=out)
    except SystemExit:
        pass
    status = json.loads(out.getvalue())

    # The summary page (top, "Please note", footer) and the PDF: each said once.
    for surface in (summary_page, document):
        assert said(RULES_SENTENCE, surface) == [rules_words]
        assert said(GUIDE_SENTENCE, surface) == [guide_words]
    # The guide's pages: the guide's status in the footer, once; no rules status.
    for surface in (guide_page, home_page):
        assert said(GUIDE_SENTENCE, surface) == [guide_words]
        assert said(RULES_SENTENCE, surface) == []
    # The release check reads out the same words.
    assert status["patients_read"] == [rules_words, guide_words]
    assert status["guide_pages_unapproved"] == published_parts() - {
        "none": 0, "some": 1, "all": published_parts()}[guide_state]
    # Nothing claims a review that did not happen.
    for surface in (summary_page, guide_page, home_page, document):
        assert "as reviewed on" not in surface
        assert "Not yet reviewed by a clinician" not in surface


def test_a_summary_keeps_the_rules_approval_it_was_made_under(client, reviewer):
    before = make_assessment()
    governance.approve_ruleset(reviewer=reviewer, note="", ip_address=None)
    page = client.get(before.secret_summary_path()).content.decode()
    assert said(RULES_SENTENCE, page) == ["Rules: not yet reviewed by a clinician."]


@pytest.mark.parametrize(("reviewed", "total", "state", "words"), [
    (0, 95, "none", "Guide: none of its 95 parts reviewed by a clinician yet."),
    (1, 95, "some", "Guide: 1 of 95 parts reviewed by a clinician."),
    (95, 95, "all", "Guide: all 95 parts reviewed by a clinician."),
    (0, 0, "none", "Guide: none of its 0 parts reviewed by a clinician yet."),
])
def test_guide_review_words(reviewed, total, state, words):
    review = GuideReview(reviewed=reviewed, total=total)
    assert (review.state, review.sentence) == (state, words)


def test_the_footer_follows_an_approval_at_once(client, guide, reviewer):
    """An approval saves the item, which drops the cached site content."""
    assert "Guide: none of its" in client.get(reverse("content:home")).content.decode()
    content_approvals.approve(ContentChange.objects.pending().first(), reviewer=reviewer)
    assert "Guide: 1 of " in client.get(reverse("content:home")).content.decode()
