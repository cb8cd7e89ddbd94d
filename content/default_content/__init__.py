"""The guide's shipped default content, in the project's own words.

Facts come from the project's clinical fact sheet; every statement that rests on a
study is listed in `references.py`. `load_guide` writes this into the database.
"""

from datetime import date

from content.models import Status

# The date the writers last checked the shipped text against its sources, and who
# they are. Not a clinical review: nobody clinical has reviewed the guide yet (the
# "How this guide was made" page says so). Never name a clinician here who has not
# actually reviewed the text.
REVIEWED_ON = date(2026, 12, 2)
REVIEWED_BY = "hairtx writers (not clinicians)"

# Every shipped item starts published with the same stamp.
EDITORIAL_DEFAULTS = {
    "status": Status.PUBLISHED,
    "last_reviewed_on": REVIEWED_ON,
    "reviewed_by": REVIEWED_BY,
}
