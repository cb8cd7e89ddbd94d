"""The guide's shipped default content, in the project's own words.

Facts come from the project's clinical fact sheet; every statement that rests on a
study is listed in `references.py`. `load_guide` writes this into the database.
"""

from datetime import date

from content.models import Status

REVIEWED_ON = date(2026, 11, 26)
REVIEWED_BY = "hairtx clinical content team"

# Every shipped item starts published with the same review stamp.
EDITORIAL_DEFAULTS = {
    "status": Status.PUBLISHED,
    "last_reviewed_on": REVIEWED_ON,
    "reviewed_by": REVIEWED_BY,
}
