"""Reading JSON that someone else wrote, and quoting it back safely (``manage.py assess``).

``json.loads`` alone lets a hostile file crash its reader with a traceback: an integer
of 5,000 digits (Python refuses to convert more than 4,300), 100,000 nested brackets
(RecursionError), or data nested just deep enough to pass the parser and then exhaust
the recursion of the code that walks it (a QuestionnaireResponse with 500 levels of
``item``). And a message that quotes the file (a linkId, a resourceType) can carry
terminal control codes: ESC [2J clears the screen, so a file could fake "all good".
"""

import json

# An answers file or a QuestionnaireResponse is a few kilobytes.
MAX_BYTES = 1_000_000
# Answers nest 3 deep, a QuestionnaireResponse about 9 (groups, items, answers, codings).
MAX_DEPTH = 32


class Refused(ValueError):
    """The text is JSON we will not read; the message is one plain line."""


def loads(text: str):
    """``json.loads`` with limits on depth and number length; raises ``Refused`` (or
    ``json.JSONDecodeError`` for text that is not JSON at all)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise Refused(f"it nests brackets more than {MAX_DEPTH} deep") from None
    except ValueError:  # int() of more digits than sys.get_int_max_str_digits()
        raise Refused("it holds a number too long to read") from None
    if depth(data) > MAX_DEPTH:
        raise Refused(f"it nests brackets more than {MAX_DEPTH} deep")
    return data


def depth(data) -> int:
    """How deep lists and objects nest (a scalar is 0), without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, (dict, list)):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in children
                         if isinstance(child, (dict, list)))
    return deepest


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on or hide (controls, format
    characters, line breaks) written as its escape, e.g. ``\\x1b``."""
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)
