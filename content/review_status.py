"""How much of the guide a clinician has reviewed, in the words every page uses.

One sentence for the footer of every page, the summary page, its PDF and
``manage.py clinical_status`` (issue 23 point 3: the page top, the footer and "Please
note" said three different things). The rules' half of the status is in
``assessments.governance.services.review_status``, which carries this one.
"""

from dataclasses import dataclass
from typing import Literal

from content.approvals import services as approvals


@dataclass(frozen=True)
class GuideReview:
    """How many published parts of the guide (sections, pages, rows, questions, sources)
    a clinical reviewer has approved as they stand now."""

    reviewed: int
    total: int

    @property
    def state(self) -> Literal["all", "some", "none"]:
        if self.total and self.reviewed == self.total:
            return "all"
        return "some" if self.reviewed else "none"

    @property
    def sentence(self) -> str:
        if self.state == "all":
            return f"Guide: all {self.total} parts reviewed by a clinician."
        if self.state == "some":
            return f"Guide: {self.reviewed} of {self.total} parts reviewed by a clinician."
        return f"Guide: none of its {self.total} parts reviewed by a clinician yet."


def guide_review() -> GuideReview:
    """Counted now: pages read it through the cached site content."""
    approved, unapproved = approvals.published_items_by_approval()
    return GuideReview(reviewed=len(approved), total=len(approved) + len(unapproved))
