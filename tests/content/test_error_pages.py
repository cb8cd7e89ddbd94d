"""Error pages in the site's style; the 500 page renders with no context and no database."""

import pytest
from django.template import loader
from django.test import Client

pytestmark = pytest.mark.django_db


def test_500_page_renders_without_request_or_database(django_assert_num_queries):
    """Django's handler500 renders it with an empty context, maybe while the DB is down."""
    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert "<h1>" in html and 'lang="en-GB"' in html


def test_unknown_page_gets_the_styled_404(settings, guide):
    settings.DEBUG = False
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
