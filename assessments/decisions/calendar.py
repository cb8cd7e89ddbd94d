"""The follow-up reminder as an iCalendar file (RFC 5545), made with ``icalendar``.

The patient downloads it and keeps it; the site sends nothing. The file holds the
reference code and how to enter it, and the secret link to the summary only when the
patient asked for it. It names nobody: no attendee, organiser or location.
"""

import uuid
from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

PRODUCT_ID = "-//hairtx//Follow-up reminder//EN"
# Neutral: a calendar title is often seen by others (shared calendars, lock screens).
TITLE = "Follow-up questions from your clinic visit"
FILE_NAME = "hairtx-follow-up.ics"


def reminder_ics(
    *,
    on: date,
    reference_display: str,
    follow_up_url: str | None,
    summary_url: str | None = None,
    made_at: datetime,
) -> bytes:
    """One all-day event on ``on`` with a reminder that morning, as .ics bytes.

    ``follow_up_url`` is the page where a reference code is typed in (None where the
    site's address is not known: the PDF is made by the background worker, which has
    no request); ``summary_url`` (the patient's secret link) goes in only when given.
    """
    where = follow_up_url or ("the follow-up page of the site where you made your summary "
                              "(its address ends in /follow-up/)")
    lines = [
        ("A few months ago you made a decision about treating your hair loss. Five short "
         "questions ask how you feel about it now. It takes about 2 minutes."),
        f"Go to {where} and type your reference code: {reference_display}.",
    ]
    if summary_url:
        lines.append(f"Or open your summary: {summary_url}")
    lines.append("The questions open 3 months after your clinic recorded your decision. "
                 "If your visit was later, they open later too.")

    event = Event()
    # Stable per summary (the page's file and the PDF's alike), so a second import
    # updates the event instead of adding one.
    event.add("uid", f"{uuid.uuid5(uuid.NAMESPACE_URL, 'hairtx:follow-up:' + reference_display)}"
                     "@hairtx")
    event.add("dtstamp", made_at)
    event.add("dtstart", on)
    event.add("dtend", on + timedelta(days=1))
    event.add("summary", TITLE)
    event.add("description", "\n\n".join(lines))
    if summary_url or follow_up_url:
        event.add("url", summary_url or follow_up_url)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", TITLE)
    alarm.add("trigger", timedelta(hours=9))  # 9 in the morning of the day
    event.add_component(alarm)

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical()
