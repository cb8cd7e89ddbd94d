"""Markdown to safe HTML for everything editors write.

Editors are trusted staff, but a pasted snippet or a compromised account must never put
script into a patient's browser, so every body goes through nh3 after Markdown.
"""

import html
import re

import markdown
import nh3

# Section titles are h2 on the guide page, so headings inside a body start at h3.
HEADING_BASE_LEVEL = 3

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


def render_markdown(text: str) -> str:
    """Return sanitised HTML for a Markdown body (script, iframe, on* and javascript: removed)."""
    if not text:
        return ""
    html = markdown.markdown(
        text,
        extensions=["tables", "sane_lists", "toc"],
        extension_configs={"toc": {"baselevel": HEADING_BASE_LEVEL}},
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


_BLOCK_END = re.compile(r"</(p|li|h[1-6]|dt|dd|td|th|caption|blockquote)>", re.IGNORECASE)


def markdown_to_plain_text(text: str) -> str:
    """Return the words of a Markdown body without markup, one sentence per block.

    A list item or heading without a full stop still reads as its own sentence, so
    readability formulas do not see a bulleted list as one very long sentence.
    """
    marked = _BLOCK_END.sub("\n", render_markdown(text))
    lines = (html.unescape(line).strip() for line in nh3.clean(marked, tags=set()).splitlines())
    sentences = [line if line[-1] in ".?!:" else f"{line}." for line in lines if line]
    return " ".join(sentences)
