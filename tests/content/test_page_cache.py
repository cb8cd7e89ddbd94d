"""Public guide pages kept in memory until the content changes (issue 24, point 3)."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils.csp import LazyNonce

from content import page_cache
from content.models import FAQ, ClinicDetails, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_recheck(settings):
    """No look at the shared version during the test, however slow the machine."""
    settings.HAIRTX_CONTENT_RECHECK_SECONDS = 3600

PUBLIC_PAGES = ["content:home", "content:guide", "content:compare", "content:faq",
                "content:methods", "content:sources"]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_public_page_is_built_once_then_served_without_a_query(
        client, guide, name, django_assert_num_queries, no_recheck):
    url = reverse(name)
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content
    assert "default-src 'self'" in again["Content-Security-Policy"]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_kept_page_is_answered_before_the_session_stack_with_the_same_headers(
        client, guide, name, no_recheck):
    """hairtx.middleware.SessionFreeMiddleware gives the copy; nothing of the page's
    headers is lost on the way (the CSP nonce aside, which is each request's own)."""
    url = reverse(name)
    first = client.get(url)
    again = client.get(url)
    assert hasattr(first.wsgi_request, "session")  # built through the whole stack
    assert not hasattr(again.wsgi_request, "session")  # answered before it
    assert not hasattr(again.wsgi_request, "user")
    assert again.content == first.content
    assert set(again.headers) == set(first.headers)
    for header in ("Content-Type", "Content-Length", "X-Frame-Options", "Referrer-Policy",
                   "Permissions-Policy", "X-Content-Type-Options"):
        assert again[header] == first[header], header


def test_a_signed_in_editor_gets_the_public_copy_and_keeps_the_session(
        client, guide, editor, no_recheck):
    url = reverse("content:faq")
    client.get(url)
    client.force_login(editor)
    assert client.get(url).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200  # still signed in


def test_a_head_request_and_an_unknown_address_go_through_the_whole_stack(
        client, guide, no_recheck):
    url = reverse("content:guide")
    client.get(url)
    assert hasattr(client.head(url).wsgi_request, "session")
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404 and hasattr(missing.wsgi_request, "session")


def test_an_option_profile_is_kept_per_address(client, guide, django_assert_num_queries,
                                               no_recheck):
    prp, meso = reverse("content:option", args=["prp"]), reverse("content:option", args=["mesotherapy"])
    assert client.get(prp).content != client.get(meso).content
    with django_assert_num_queries(0):
        assert b"PRP" in client.get(prp).content


def test_publishing_a_change_shows_at_once(client, guide):
    url = reverse("content:faq")
    client.get(url)
    FAQ.objects.create(question="Is this a new question?", answer="Yes, it is.",
                       status=Status.PUBLISHED, order=99)
    assert "Is this a new question?" in client.get(url).text


def test_clinic_details_change_the_kept_pages(client, guide):
    client.get(reverse("content:home"))
    ClinicDetails.objects.create(name="Riverside Dermatology", status=Status.PUBLISHED)
    assert "Riverside Dermatology" in client.get(reverse("content:home")).text


def test_a_new_draft_does_not_empty_the_cache(guide, no_recheck):
    version = page_cache.content_version()
    FAQ.objects.create(question="Draft question?", answer="Not yet.", status=Status.DRAFT,
                       order=98)
    assert page_cache.content_version() == version


def test_a_change_made_by_another_server_shows_after_the_recheck(client, guide, settings):
    url = reverse("content:faq")
    client.get(url)
    FAQ.objects.filter(status=Status.PUBLISHED).update(question="Changed elsewhere?")
    cache.set(page_cache.VERSION_KEY, "another-server-published", timeout=None)
    settings.HAIRTX_CONTENT_RECHECK_SECONDS = 0  # the recheck interval has passed
    assert "Changed elsewhere?" in client.get(url).text


def test_previews_and_pages_with_a_message_are_never_kept(client, guide, editor, no_recheck):
    url = reverse("content:faq")
    client.get(url)
    FAQ.objects.filter(status=Status.PUBLISHED).update(question="Not via a signal?")
    assert "Not via a signal?" not in client.get(url).text  # the kept page
    client.cookies["messages"] = "anything"
    assert "Not via a signal?" in client.get(url).text
    del client.cookies["messages"]
    client.force_login(editor)
    assert "Not via a signal?" in client.get(url + "?preview=1").text


def test_each_response_carries_its_own_csp_nonce():
    """A kept page never replays an old nonce: it gets the request's own."""

    @page_cache.public_page
    def page_with_script(request):
        return HttpResponse(f'<script nonce="{request._csp_nonce}"></script>')

    def fetch():
        request = RequestFactory().get("/a-page-with-a-script/")
        request._csp_nonce = LazyNonce()
        return request, page_with_script(request)

    first_request, first = fetch()
    second_request, second = fetch()
    assert first.content == f'<script nonce="{first_request._csp_nonce}"></script>'.encode()
    assert second.content == f'<script nonce="{second_request._csp_nonce}"></script>'.encode()
    assert str(first_request._csp_nonce) != str(second_request._csp_nonce)


def test_error_pages_are_not_kept(client, guide):
    assert client.get(reverse("content:option", args=["no-such-option"])).status_code == 404
    assert ("page", "/options/no-such-option/", "en-gb") not in page_cache._local["values"]


def test_with_debug_on_pages_are_built_every_time(client, guide, settings):
    """While developing, a template edit shows on the next request."""
    settings.DEBUG = True
    url = reverse("content:faq")
    client.get(url)
    FAQ.objects.filter(status=Status.PUBLISHED).update(question="Edited without a signal?")
    assert "Edited without a signal?" in client.get(url).text
