"""What a calendar feed holds: all-day events, from lms and from the apps that
register for the hook (lms names no app above it)."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from django.conf import settings

# fn(user, today) -> iterable of CalendarEvent, in the active language (the
# feed's reader's). certification adds its certificates' expiry dates.
CALENDAR_EVENTS_HOOK = "register_lms_calendar_events"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event. ``uid`` names the thing it is about, not the feed
    it is in, so that a calendar that fetches the feed again replaces the
    event (a changed date moves it) instead of adding a second one."""

    uid: str
    day: date
    summary: str
    description: str = ""
    url: str = ""


def uid_domain() -> str:
    """The host that UIDs end in: the site's own address (WAGTAILADMIN_BASE_URL),
    the same whichever host name a request came in on."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return urlsplit(base).hostname or "localhost"


def uid(kind: str, pk: int, suffix: str = "") -> str:
    """A stable UID, such as ``lms-assignment-12@academy.example.org``."""
    tail = f"-{suffix}" if suffix else ""
    return f"{kind}-{pk}{tail}@{uid_domain()}"
