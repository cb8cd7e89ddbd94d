"""Invisible control characters in what people type: removed on the way in, shown on
the way out.

Bidirectional overrides (U+202E turns "gpj.exe" into "exe.jpg" on screen) and
zero-width characters make text read differently from what it is, so a note or an answer
could mislead the staff member reading it. Nothing a patient or a nurse means to type
needs them, so forms remove them; text stored before that is shown to staff with each
such character as a visible marker.
"""

import re

# Bidirectional embeddings, overrides, isolates and marks; zero-width spaces, joiners and
# the byte-order mark; other invisible format characters that hide or reorder text.
_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b-\u200f"  # zero-width space, non-joiner, joiner; left-to-right, right-to-left mark
    "\u202a-\u202e"  # embeddings and overrides
    "\u2060-\u2064"  # word joiner and invisible operators
    "\u2066-\u2069"  # isolates
    "\ufeff"  # zero-width no-break space (byte-order mark)
    "\U000e0000-\U000e007f"  # tag characters
)
INVISIBLE_CONTROLS = re.compile(f"[{_INVISIBLE}]")


def remove_invisible_controls(text: str) -> str:
    return INVISIBLE_CONTROLS.sub("", text)


def show_invisible_controls(text: str) -> str:
    """Each invisible control as a visible marker such as [U+202E]."""
    return INVISIBLE_CONTROLS.sub(lambda match: f"[U+{ord(match.group()):04X}]", text)
