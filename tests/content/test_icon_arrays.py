"""Icon arrays: "x out of 100" pictures that work for screen readers, on paper and in PDFs."""

import io
import re

import pytest
from django.urls import reverse

from content.rendering import markdown_to_plain_text, render_icon_array, render_markdown

pytestmark = pytest.mark.django_db


def test_shortcode_becomes_a_picture_with_the_same_facts_in_words():
    html = render_markdown("[icon-array 45 of 100 people had pain]")
    assert "<svg" in html
    assert len(re.findall(r"<circle ", html)) == 100
    assert len(re.findall(r'<circle [^>]*fill="#1d4f91"', html)) == 45
    assert "45 out of 100 people had pain. 55 out of 100 did not." in html


def test_picture_is_hidden_from_screen_readers_and_the_caption_is_read():
    """The caption carries the facts; a screen reader must not read 100 circles."""
    html = render_icon_array(2, "people felt light-headed", about=True)
    assert 'aria-hidden="true"' in html
    assert "<figcaption>About 2 out of 100 people felt light-headed." in html


def test_filled_and_open_circles_differ_without_colour():
    """Black-and-white print: filled versus hollow, not blue versus grey."""
    html = render_icon_array(3, "people had it")
    assert len(re.findall(r'fill="none"', html)) == 97


def test_no_inline_style_so_the_strict_csp_allows_it():
    html = render_icon_array(50, "people had it")
    assert "style=" not in html and "<script" not in html


def test_a_count_above_100_is_left_as_text_for_the_editor_to_fix():
    html = render_markdown("[icon-array 145 of 100 people had pain]")
    assert "<svg" not in html
    assert "icon-array 145" in html


def test_label_cannot_inject_markup():
    html = render_markdown("[icon-array 5 of 100 <b onmouseover=x()>people</b> had it]")
    assert "onmouseover" not in html


def test_plain_text_reads_the_caption_for_readability_checks():
    text = markdown_to_plain_text("[icon-array 10 of 100 people had it]")
    assert text.startswith("10 out of 100 people had it. 90 out of 100 did not.")


def test_option_page_shows_an_icon_array_where_a_study_counted_people(client, guide):
    """Minoxidil tablets: light-headedness in 1.7 of 100 people (Vañó-Galván 2021)."""
    html = client.get(reverse("content:option", kwargs={"slug": "minoxidil"})).content.decode()
    assert '<figure class="icon-array">' in html
    assert "About 2 out of 100 people felt light-headed or dizzy." in html


def test_icon_array_draws_in_a_weasyprint_pdf(tmp_path):
    """The same markup must render in the PDF engine the summaries use."""
    weasyprint = pytest.importorskip("weasyprint")
    pypdf = pytest.importorskip("pypdf")
    html = f"<html><body>{render_icon_array(30, 'people had it')}</body></html>"
    pdf = weasyprint.HTML(string=html).write_pdf()
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert "30 out of 100 people had it." in page.extract_text()
    # The circles are vector paths in the page's content stream.
    assert page.get_contents().get_data().count(b" c\n") > 100


def test_the_admin_help_texts_form_with_a_colon_draws_too():
    html = render_markdown("[icon-array 45 of 100: had pain during the injections]")
    assert '<figure class="icon-array">' in html
    assert "45 out of 100 had pain during the injections." in html


@pytest.mark.parametrize(("slug", "treated", "dummy"), [
    ("finasteride-dutasteride", "66 out of 100 men had more hair in their photos.",
     "7 out of 100 men had more hair in their photos."),
    ("minoxidil", "63 out of 100 women had at least a little new hair.",
     "39 out of 100 women had at least a little new hair."),
])
def test_standard_medicines_show_benefit_with_and_without_treatment(client, guide, slug, treated,
                                                                    dummy):
    """IPDAS QL3/QL5: an 'out of 100' chance of benefit, beside the dummy arm of the same trial."""
    html = client.get(reverse("content:option", kwargs={"slug": slug})).content.decode()
    assert treated in html and dummy in html
    assert html.index(treated) < html.index(dummy)
