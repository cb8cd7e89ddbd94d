"""Markdown to safe HTML for everything editors write.

Editors are trusted staff, but a pasted snippet or a compromised account must never put
script into a patient's browser, so every body goes through nh3 after Markdown.
"""

import html
import re

import markdown
import nh3
from django.template.loader import render_to_string

# Every body sits under an h2 (a section title, a profile question, an FAQ), so its
# headings start at h3: an editor's first heading becomes h3 whatever its number of
# "#", and a deeper one goes down one level at a time, never skipping one.
HEADING_BASE_LEVEL = 3
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "abbr", "blockquote", "code", "pre",
    "ul", "ol", "li", "dl", "dt", "dd", "a",
    "h3", "h4", "h5", "h6",
    "table", "caption", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
# No javascript:, data: or vbscript: links; relative links ("/guide/#evidence") stay.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


# An editor writes an icon array as a paragraph of its own, e.g.
#   [icon-array 45 of 100 people had pain during the injections]
#   [icon-array about 2 of 100 people felt light-headed]
#   [icon-array 45 of 100: had pain during the injections]   (the admin's example)
# It becomes a 10 × 10 picture with the same words as its text equivalent. The
# pattern is matched in the *sanitised* HTML, so the label is already escaped text.
_ICON_ARRAY = re.compile(
    r"<p>\[icon-array (?P<about>about )?(?P<count>\d{1,3}) (?:out )?of 100:? (?P<label>[^\]<]+)\]</p>"
)
ICON_ARRAY_SIDE = 10


def icon_array_text(count: int, label: str, *, about: bool = False) -> str:
    """The words an icon array stands for, framed both ways (IPDAS balanced framing)."""
    prefix = "About " if about else ""
    return (f"{prefix}{count} out of 100 {label}. "
            f"{prefix}{100 - count} out of 100 did not.")


def render_icon_array(count: int, label: str, *, about: bool = False) -> str:
    """An accessible icon array: SVG for the eye, a caption with the same facts in words.

    Filled and open circles differ in shape, not only colour, so the picture survives
    black-and-white printing; no inline style (the CSP forbids it), presentation
    attributes only, so WeasyPrint and every browser draw it the same.
    """
    dots = [
        {"x": 10 + 20 * (i % ICON_ARRAY_SIDE), "y": 10 + 20 * (i // ICON_ARRAY_SIDE),
         "filled": i < count}
        for i in range(ICON_ARRAY_SIDE * ICON_ARRAY_SIDE)
    ]
    return render_to_string(
        "content/_icon_array.html",
        {"dots": dots, "count": count, "others": 100 - count, "text": icon_array_text(count, label, about=about)},
    )


def _replace_icon_arrays(html_text: str) -> str:
    def replace(match: re.Match) -> str:
        count = int(match["count"])
        if count > 100:
            return match[0]  # left as written, so the editor sees it in the preview
        label = html.unescape(match["label"]).strip()
        return render_icon_array(count, label, about=bool(match["about"]))

    return _ICON_ARRAY.sub(replace, html_text)


def nest_headings(html_text: str, base_level: int = HEADING_BASE_LEVEL) -> str:
    """Renumber the headings of a body so the page outline has no skipped level.

    The written levels keep their order (a "####" under a "###" stays one deeper), but
    the first heading is `base_level` and each heading is at most one level below the
    one before it: "### A" then "##### B" becomes h3 then h4.
    """
    written: list[int] = []  # the written levels of the open headings, outermost first
    current = base_level

    def renumber(match: re.Match) -> str:
        nonlocal current
        closing, level = match[1], int(match[2])
        if not closing:
            while written and written[-1] >= level:
                written.pop()
            written.append(level)
            current = min(base_level - 1 + len(written), 6)
        return f"<{closing}h{current}"

    return _HEADING_TAG.sub(renumber, html_text)


def render_markdown(text: str) -> str:
    """Return sanitised HTML for a Markdown body (script, iframe, on* and javascript: removed)."""
    if not text:
        return ""
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    cleaned = nh3.clean(
        nest_headings(html),
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return _replace_icon_arrays(cleaned)


_BLOCK_END = re.compile(
    r"</(p|li|h[1-6]|dt|dd|td|th|caption|figcaption|blockquote)>", re.IGNORECASE
)


def markdown_to_plain_text(text: str) -> str:
    """Return the words of a Markdown body without markup, one sentence per block.

    A list item or heading without a full stop still reads as its own sentence, so
    readability formulas do not see a bulleted list as one very long sentence.
    """
    marked = _BLOCK_END.sub("\n", render_markdown(text).replace("</svg>", "</svg>\n"))
    lines = (html.unescape(line).strip() for line in nh3.clean(marked, tags=set()).splitlines())
    sentences = [line if line[-1] in ".?!:" else f"{line}." for line in lines if line]
    return " ".join(sentences)
