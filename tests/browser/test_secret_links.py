"""The patient's delete button in a real browser, on a page sent with no referrer.

"Referrer-Policy: no-referrer" makes Chromium post the form with "Origin: null" and no
Referer; Django's CSRF check would refuse that, so the delete view relies on the secret
in its URL instead (assessments.views.delete). This test is the proof that it works.
"""

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Assessment
from tests.assessments.factories import make_assessment

pytestmark = pytest.mark.browser


def test_patient_deletes_from_a_no_referrer_page(page: Page, live_server):
    assessment = make_assessment()
    posted = []
    page.on("request", lambda request: posted.append(request) if request.method == "POST" else None)

    response = page.goto(live_server.url + assessment.secret_summary_path())
    assert response.headers["referrer-policy"] == "no-referrer"
    page.get_by_role("link", name="Delete my answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your answers?")
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Delete your answers?")

    assert not Assessment.objects.filter(pk=assessment.pk).exists()
    headers = posted[0].all_headers()
    assert headers.get("origin") == "null"  # what made the CSRF check refuse it
    assert "referer" not in headers
    assert headers.get("sec-fetch-site") == "same-origin"
