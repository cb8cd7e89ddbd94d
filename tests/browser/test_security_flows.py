"""Security behaviour that only a real browser shows: what it sends, and when.

- The patient's delete button on a page sent with "Referrer-Policy: no-referrer":
  Chromium posts it with "Origin: null" and no Referer, which Django's CSRF check would
  refuse, so the delete view relies on the secret in its URL instead.
- The staff CSV export is a POST form with CSRF, and still downloads.
- A link on another site to a staff record opens a "continue?" page and writes nothing
  to the audit log (the browser's Sec-Fetch-Site says the navigation is cross-site).
"""

from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect

from assessments.models import Assessment, AuditEvent
from tests.assessments.factories import make_assessment
from tests.browser.helpers import PASSWORD, press

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


def _sign_in_as_nurse(page: Page, base_url: str) -> None:
    nurse = User.objects.create_user("nurse", password=PASSWORD)
    nurse.groups.add(Group.objects.get(name="Clinic staff"))
    page.goto(base_url + "/staff/login/")
    page.get_by_label("Username").fill("nurse")
    page.get_by_label("Password").fill(PASSWORD)
    press(page, "Sign in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Assessments")


def test_staff_export_is_a_post_that_downloads(page: Page, live_server, tmp_path):
    make_assessment()
    _sign_in_as_nurse(page, live_server.url)
    page.get_by_role("link", name="Export").click()
    today = date.today().isoformat()
    page.get_by_label("Submitted from").fill(today)
    page.get_by_label("Submitted to (inclusive)").fill(today)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").click()
    path = tmp_path / "export.csv"
    download_info.value.save_as(path)
    assert path.read_text().startswith("created_date,leaning,")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).count() == 1


def test_a_link_from_another_site_does_not_open_a_record(page: Page, live_server):
    assessment = make_assessment()
    _sign_in_as_nurse(page, live_server.url)
    record = f"{live_server.url}/staff/assessments/{assessment.reference_code}/"
    # A page on another site (served by Playwright, never by the network) links to it.
    page.route("http://elsewhere.example/", lambda route: route.fulfill(
        content_type="text/html", body=f'<a href="{record}">See this</a>'))
    page.goto("http://elsewhere.example/")
    page.get_by_role("link", name="See this").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Open this page?")
    assert not AuditEvent.objects.exists()
    page.get_by_role("link", name="Continue to the page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Assessment {assessment.reference_display}"
    )
    assert AuditEvent.objects.get().action == AuditEvent.Action.VIEW
