"""Word-level differences between two versions of a text, for the reviewer's screen.

Words, runs of spaces and punctuation are compared as tokens with difflib, so a changed
word shows as that word struck out and the new one underlined, not as a whole line.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def tokens(text: str) -> list[str]:
    # Line ends compare alike (CRLF from a browser, LF from the shipped text).
    return _TOKEN.findall((text or "").replace("\r\n", "\n"))


def word_diff_html(before: str, after: str) -> SafeString:
    """`after` as HTML with removed words in <del> and added words in <ins>; escaped."""
    old, new = tokens(before), tokens(after)
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # every piece above is escaped


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    before: str
    after: str
    html: SafeString
    added_words: int
    removed_words: int


def field_diffs(before: dict, after: dict, labels: dict[str, str]) -> list[FieldDiff]:
    """One entry per field whose value differs, in the model's field order."""
    diffs = []
    for name, label in labels.items():
        old, new = before.get(name) or "", after.get(name) or ""
        if old == new:
            continue
        matcher = difflib.SequenceMatcher(a=tokens(old), b=tokens(new), autojunk=False)
        added = removed = 0
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op in ("delete", "replace"):
                removed += sum(1 for t in tokens(old)[a1:a2] if t.strip())
            if op in ("insert", "replace"):
                added += sum(1 for t in tokens(new)[b1:b2] if t.strip())
        diffs.append(FieldDiff(name, label, old, new, word_diff_html(old, new), added, removed))
    return diffs
