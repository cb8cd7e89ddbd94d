"""The summary page while the background worker makes the PDF (issue 24): with
JavaScript the link appears by itself once the PDF is stored; without, the plain link
answers "being prepared"."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from playwright.sync_api import Page, expect

from assessments.models import Assessment
from tests.assessments.factories import make_assessment
from worker.models import WorkerHeartbeat

pytestmark = pytest.mark.browser


@pytest.fixture
def preparing(settings):
    """A worker is running and the summary's PDF is not stored yet."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    WorkerHeartbeat.objects.create(worker_id="browser-test", host="test", pid=1)
    return make_assessment()


def test_the_pdf_link_appears_by_itself_when_the_pdf_is_stored(page: Page, live_server,
                                                                preparing):
    page.goto(live_server.url + preparing.secret_summary_path())
    status = page.get_by_role("status").filter(has_text="PDF")
    expect(status).to_have_text("The PDF is being prepared. It is usually ready in a few seconds.")
    link = page.get_by_role("link", name="Download the PDF")
    expect(link).to_be_hidden()
    name = default_storage.save("summaries/browser-test.pdf", ContentFile(b"%PDF-1.7 test"))
    Assessment.objects.filter(pk=preparing.pk).update(pdf_name=name)  # the worker's job
    expect(link).to_be_visible(timeout=10_000)
    expect(status).to_have_text("Your PDF is ready.")


def test_without_javascript_the_link_says_try_again(browser, live_server, preparing):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + preparing.secret_summary_path())
        page.get_by_role("link", name="Download the PDF").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your PDF is being prepared")
        page.get_by_role("link", name="Back to your summary").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Your summary to discuss with a doctor")
    finally:
        context.close()
