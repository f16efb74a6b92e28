"""Calendar events as an iCalendar file (RFC 5545), made with ``icalendar``.

Subscribed calendars (Outlook, Google Calendar, Apple Calendar) fetch the
whole file again from time to time and match events by UID: an event whose
UID is gone is removed, one whose date changed moves. REFRESH-INTERVAL
(RFC 7986) and X-PUBLISHED-TTL (Outlook's) ask them to look every few hours.
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import icalendar

from lms.calendar.events import CalendarEvent

PRODID = "-//Hub Academy//Learning calendar//EN"
REFRESH = timedelta(hours=6)


def build(
    events: Iterable[CalendarEvent],
    *,
    name: str,
    description: str = "",
    now: datetime | None = None,
) -> bytes:
    """The events as one VCALENDAR, each an all-day VEVENT."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        # The moment the file was made: the events are not stored as such,
        # and the clients tell versions apart by fetching, not by DTSTAMP.
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        # An all-day event ends (exclusively) the next day.
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        # A reminder, not a meeting: the day stays free in free/busy.
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
