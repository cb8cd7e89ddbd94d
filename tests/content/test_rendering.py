"""Markdown bodies are sanitised: an editor's paste can never run script in a patient's browser."""

import pytest

from content.rendering import markdown_to_plain_text, render_markdown

pytestmark = pytest.mark.django_db


def test_script_tags_and_their_content_are_removed():
    """A pasted <script> must not reach the page, not even as visible text."""
    html = render_markdown("Hello\n\n<script>alert('x')</script>")
    assert "<script" not in html
    assert "alert" not in html


def test_iframes_are_removed():
    """Embedded frames would load third-party pages and break the no-third-party rule."""
    assert "<iframe" not in render_markdown('<iframe src="https://example.com"></iframe>')


def test_event_handler_attributes_are_removed():
    """on* attributes are script too."""
    html = render_markdown('<a href="/guide/" onclick="steal()">guide</a> <b onmouseover="x()">b</b>')
    assert "onclick" not in html
    assert "onmouseover" not in html
    assert 'href="/guide/"' in html


def test_javascript_links_are_removed():
    """A javascript: URL in Markdown or raw HTML must not survive as a link target."""
    html = render_markdown('[click](javascript:alert(1)) <a href="JavaScript:alert(2)">x</a>')
    assert "javascript:" not in html.lower()


def test_ordinary_markdown_survives():
    """Sanitising must keep what editors legitimately write: lists, emphasis, links."""
    html = render_markdown("Some **bold** text.\n\n- one\n- [two](/compare/)")
    assert "<strong>bold</strong>" in html
    assert "<li>one</li>" in html
    assert 'href="/compare/"' in html


def test_body_headings_never_compete_with_the_page_h1():
    """Each page has one h1 and section titles are h2, so body headings start at h3."""
    html = render_markdown("# Big\n\n## Smaller")
    assert "<h1" not in html and "<h2" not in html
    assert "<h3>Big</h3>" in html


def test_plain_text_makes_each_list_item_a_sentence():
    """Readability is measured per sentence; a list must not count as one long sentence."""
    assert markdown_to_plain_text("Triggers:\n\n- illness\n- stress") == "Triggers: illness. stress."
