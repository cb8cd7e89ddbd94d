"""The "How this guide was made" page: methods, authors, review, funding, updates.

IPDAS asks a decision aid to say how its evidence was found and rated, who wrote and
reviewed it, who paid, and when it will be updated. Nobody clinical has reviewed this
guide yet, and the page says so plainly: change that section only when a named
clinician has actually reviewed it. The declaration of interest is not here: it lives
in ClinicDetails (editable by the clinic) and the page template shows it.
"""

from inspect import cleandoc

METHODS_ARTICLE = {
    "slug": "how-this-guide-was-made",
    "title": "How this guide was made",
    "summary": (
        "Who wrote this guide, how we found and rated the evidence, who has checked it, "
        "who paid for it, and when we will update it."
    ),
}


def _section(order: int, slug: str, title: str, body: str) -> dict:
    return {"order": order, "slug": slug, "title": title, "body": cleandoc(body)}


METHODS_SECTIONS = [
    _section(10, "how-we-found-the-evidence", "How we found the evidence", """
        The first search was in November 2026. We searched again in December 2026 for
        new safety warnings. We looked for:

        - Guides for doctors on hair loss, such as the European guideline on pattern
          hair loss.
        - Advice for patients from the NHS.
        - Reviews that pool many trials, and single trials where no review exists.
        - Safety warnings from medicine regulators in the UK, the EU and the US.
        - Standards for decision aids, such as IPDAS and NICE.

        We searched stored copies of public papers and web pages. We did not search every
        medical database, so we may have missed some studies. We used clinic web pages
        only for what clinics often do, such as how often sessions are given.

        Every source is on the [Sources](/sources/) page, with what it supports.
        """),
    _section(20, "how-we-rated-the-evidence", "How we rated the evidence", """
        Where a review rated how sure its result is, we use its rating. We use plain
        words:

        - **Low certainty** means the true effect could be quite different.
        - **No pooled figure** means no review has combined the trials.

        We give a number only where a source gives it. We show the range the source
        gives, not just the average. We give "out of 100" figures only where a study
        counted people. Where no such figure is known, we say so.

        Some facts come from clinic web pages or general medical knowledge. We kept
        those few and careful. A clinician still needs to check them.
        """),
    _section(30, "who-wrote-it", "Who wrote it", """
        The hairtx project team wrote this guide. The writers are not doctors. They
        wrote it in their own words from the sources listed. They used plain words, and
        checked that each part reads at about the level of a 13 year old.

        We describe every option under the same headings and in the same detail. We put
        the standard treatments first.
        """),
    _section(40, "clinical-review", "Who has reviewed it", """
        A skin doctor at the clinic must approve each part of this guide, and the rules
        that make each summary, before patients rely on them. The line at the foot of
        every page says how many parts of the guide a clinician has reviewed so far.
        Each summary says who approved its rules, their job and the date, or that no
        one has yet.

        Patients have not yet tested this guide. We plan to test it with them.
        """),
    _section(50, "funding", "Who paid for it", """
        No maker of drugs, devices or hair products paid for this guide or had a say in
        it.

        The clinic that uses this site offers some of the options it describes. See the
        declaration of interest below.
        """),
    _section(60, "update-policy", "When we update it", """
        - We check the guide against new evidence at least once a year.
        - We update it sooner if a regulator issues a new safety warning about any
          option here.
        - Each page shows the date it was last checked.
        - **Next full review:** by December 2027.

        If you find a mistake, please tell the clinic.
        """),
]
