"""Error pages in the site's style; the 500 page renders with no context and no database."""

import pytest
from django.template import loader
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["500.html", "503.html"])
def test_500_and_503_pages_render_without_request_or_database(page, django_assert_num_queries):
    """Django's handler500 renders the 500 page with an empty context, maybe while the DB
    is down; the 503 page is rendered the same way, because the DB is down."""
    with django_assert_num_queries(0):
        html = loader.get_template(page).render()
    assert "<h1>" in html and 'lang="en-GB"' in html and "</html>" in html


def test_unknown_page_gets_the_styled_404(settings, guide):
    settings.DEBUG = False
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
