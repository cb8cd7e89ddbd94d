"""The reminder file: RFC 5545, read back by a calendar parser as one event."""

from datetime import UTC, date, datetime

from icalendar import Calendar

from assessments.decisions.calendar import TITLE, reminder_ics

MADE_AT = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def _parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def test_one_all_day_event_with_a_reminder():
    calendar = _parse(reminder_ics(on=date(2027, 3, 7), reference_display="ABCD-2345",
                                   follow_up_url="https://clinic.example/follow-up/",
                                   made_at=MADE_AT))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert event.decoded("DTSTART") == date(2027, 3, 7)
    assert str(event["SUMMARY"]) == TITLE
    assert "ABCD-2345" in str(event["DESCRIPTION"])
    assert "https://clinic.example/follow-up/" in str(event["DESCRIPTION"])
    assert len(list(event.walk("VALARM"))) == 1
    # Nobody is named: no attendee, organiser or location.
    assert not {"ATTENDEE", "ORGANIZER", "LOCATION"} & set(event.keys())


def test_the_secret_link_only_when_asked_for():
    without = reminder_ics(on=date(2027, 3, 7), reference_display="ABCD-2345",
                           follow_up_url="https://clinic.example/follow-up/", made_at=MADE_AT)
    secret = "https://clinic.example/summary/s3cr3t-token-value-xxxxxxxx/"
    with_link = reminder_ics(on=date(2027, 3, 7), reference_display="ABCD-2345",
                             follow_up_url="https://clinic.example/follow-up/",
                             summary_url=secret, made_at=MADE_AT)
    assert b"s3cr3t" not in without
    event = next(iter(_parse(with_link).walk("VEVENT")))
    assert secret in str(event["DESCRIPTION"]).replace("\n", "")
    assert str(event["URL"]) == secret


def test_the_same_summary_gives_the_same_event_id():
    """Downloading twice updates the calendar's event instead of adding a second one."""
    def uid(code):
        data = reminder_ics(on=date(2027, 3, 7), reference_display=code,
                            follow_up_url="https://c.example/follow-up/", made_at=MADE_AT)
        return str(next(iter(_parse(data).walk("VEVENT")))["UID"])
    assert uid("ABCD-2345") == uid("ABCD-2345") != uid("ABCD-2346")
