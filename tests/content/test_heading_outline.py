"""Guide headings in order (issue 23 point 8): an editor's "###" is an h3 in the page
outline, and no guide page skips a heading level (WCAG 1.3.1, 2.4.6)."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from content.models import FAQ, Section
from content.rendering import nest_headings, render_markdown
from tests.content.pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def outline(html: str) -> list[int]:
    parser = _Outline()
    parser.feed(html)
    return parser.levels


def skipped_levels(levels: list[int]) -> list[tuple[int, int]]:
    return [(before, after) for before, after in zip(levels, levels[1:]) if after > before + 1]


def test_an_editors_h3_is_an_h3():
    html = render_markdown("Intro.\n\n### What happens\n\nText.\n\n#### Detail\n\nMore.")
    assert outline(html) == [3, 4]
    assert "<h3>What happens</h3>" in html


@pytest.mark.parametrize(("written", "expected"), [
    ("# A\n\n## B\n\n### C", [3, 4, 5]),  # relative depth is kept
    ("### A\n\n##### B", [3, 4]),  # a skipped level is closed up
    ("#### A\n\n### B\n\n#### C", [3, 3, 4]),  # a shallower heading after a deeper one
    ("###### A", [3]),
])
def test_headings_never_skip_a_level_whatever_the_editor_writes(written, expected):
    assert outline(render_markdown(written)) == expected


def test_nest_headings_keeps_text_and_closing_tags_in_step():
    assert nest_headings("<h5>A</h5><p>x</p><h6>B</h6>") == "<h3>A</h3><p>x</p><h4>B</h4>"


@pytest.mark.parametrize(("name", "kwargs"), PUBLIC_PAGES)
def test_no_guide_page_skips_a_heading_level(client, guide, name, kwargs):
    levels = outline(client.get(reverse(name, kwargs=kwargs)).content.decode())
    assert levels[0] == 1, levels
    assert not skipped_levels(levels), (name, kwargs, levels)


def test_an_edited_body_with_deep_headings_keeps_the_outline(client, guide):
    """What an editor writes in any body (here a section and an FAQ) cannot break it."""
    Section.objects.filter(slug="prp-explained").update(body="##### Deep\n\nText.\n\n# Top")
    FAQ.objects.update(answer="###### Very deep\n\nAnswer.")
    for name in ("content:guide", "content:faq"):
        levels = outline(client.get(reverse(name)).content.decode())
        assert not skipped_levels(levels), (name, levels)
