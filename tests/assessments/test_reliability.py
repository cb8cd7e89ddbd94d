"""Nothing lost under load: concurrent submissions, code collisions, failed submissions."""

import http.cookiejar
import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from assessments import intake, services
from assessments.models import Assessment, Draft

from .questionnaire_helpers import MALE_ANSWERS, step_post, walk_all_steps

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DRAFT_INPUT = re.compile(r'name="draft" value="([^"]+)"')


class Browser:
    """A cookie-keeping HTTP client for a live server (one per simulated patient)."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[int, str, str]:
        with self.opener.open(self.base_url + path, timeout=60) as response:
            return response.status, response.url, response.read().decode()

    def post(self, path: str, data: dict, page: str) -> tuple[int, str, str]:
        fields = {"csrfmiddlewaretoken": CSRF_INPUT.search(page).group(1), **data}
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        request = urllib.request.Request(self.base_url + path, data=body, method="POST")
        request.add_header("Referer", self.base_url + path)
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.url, response.read().decode()


def submit_one(base_url: str) -> str:
    """One patient, start to summary; returns the summary page's URL."""
    browser = Browser(base_url)
    _, _, page = browser.get("/questionnaire/")
    _, url, page = browser.post("/questionnaire/", {}, page)
    for step in intake.STEPS:
        draft = Draft(token=DRAFT_INPUT.search(page).group(1))
        data = step_post(step, MALE_ANSWERS, draft)
        _, url, page = browser.post(f"/questionnaire/step/{step.number}/", data, page)
    assert url.endswith("/questionnaire/review/"), url
    draft_token = DRAFT_INPUT.search(page).group(1)
    status, url, page = browser.post("/questionnaire/review/", {"draft": draft_token}, page)
    assert status == 200 and "/summary/" in url, url
    return url


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_submissions_are_all_stored(live_server, settings, guide):
    """50 patients submit at once against a threaded live server: 50 stored, 50 codes."""
    settings.HAIRTX_RATE_LIMITS = {scope: (10_000, 3600) for scope in settings.HAIRTX_RATE_LIMITS}
    with ThreadPoolExecutor(max_workers=10) as pool:
        urls = list(pool.map(lambda _: submit_one(live_server.url), range(50)))

    assert len(set(urls)) == 50
    assert Assessment.objects.count() == 50
    codes = set(Assessment.objects.values_list("reference_code", flat=True))
    assert len(codes) == 50
    assert not Draft.objects.in_progress().exists()


@pytest.mark.django_db
def test_reference_code_collision_is_retried(client, monkeypatch, guide):
    first = services.assessment_submit(draft=walk_all_steps(client, MALE_ANSWERS))
    codes = iter([first.reference_code, first.reference_code, "ZZZZ2222"])
    monkeypatch.setattr(services, "new_reference_code", lambda: next(codes))

    second = services.assessment_submit(draft=walk_all_steps(client, MALE_ANSWERS))

    assert second.reference_code == "ZZZZ2222"
    assert Assessment.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_failure_mid_submission_leaves_nothing_half_written(client, monkeypatch, guide):
    """If ending the draft fails after the assessment row is written, both roll back."""
    draft = walk_all_steps(client, MALE_ANSWERS)

    def broken_save(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Draft, "save", broken_save)
    with pytest.raises(RuntimeError):
        services.assessment_submit(draft=draft)

    assert not Assessment.objects.exists()
    kept = Draft.objects.get(pk=draft.pk)
    assert kept.answers == MALE_ANSWERS and not kept.is_submitted
