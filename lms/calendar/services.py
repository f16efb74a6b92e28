"""A learner's calendar feed: its address, and the events it holds."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.models import Page

from courses.localization import localized_pages
from lms import persons
from lms.calendar import ics, tokens
from lms.calendar.events import CALENDAR_EVENTS_HOOK, CalendarEvent, uid
from lms.models import CalendarFeed, TrainingAssignment

# A calendar polls every few hours; the moment of the last fetch is kept to
# the hour, so that polling writes to the database at most once an hour.
FETCH_RECORDED_EVERY = timedelta(hours=1)

STATUS_LABELS = {
    "overdue": gettext_lazy("Overdue"),
    "not_started": gettext_lazy("Not started"),
    "in_progress": gettext_lazy("In progress"),
}


def existing_feed(user) -> CalendarFeed | None:
    """The person's feed, if they made one."""
    return CalendarFeed.objects.filter(user=user).first()


def feed_for(*, user) -> CalendarFeed:
    """The person's feed, made on first use (the same one when asked twice
    at once: the person is unique)."""
    feed, _created = CalendarFeed.objects.get_or_create(
        user=user, defaults={"key": tokens.new_key()}
    )
    return feed


@transaction.atomic
def renew(*, user, replaces: str) -> CalendarFeed:
    """A new address for the person's feed; the old one stops working.

    ``replaces`` is the token of the address the person saw: once it is no
    longer the current one (the same form sent twice), nothing changes, so
    that a double click does not revoke the address just shown.
    """
    feed = CalendarFeed.objects.select_for_update().filter(user=user).first()
    if feed is None:
        return feed_for(user=user)
    if tokens.matches(feed, replaces):
        feed.key = tokens.new_key()
        feed.created_at = timezone.now()
        feed.last_fetched_at = None
        feed.save(update_fields=["key", "created_at", "last_fetched_at"])
    return feed


def record_fetch(feed: CalendarFeed, now: datetime | None = None) -> None:
    """Note that a calendar fetched the feed, at most once an hour."""
    now = now or timezone.now()
    last = feed.last_fetched_at
    if last is not None and now - last < FETCH_RECORDED_EVERY:
        return
    CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=now)
    feed.last_fetched_at = now


def assignment_events(user, today: date) -> list[CalendarEvent]:
    """An event on the due date of each open assignment, in the active
    language. A fixed number of queries: the assignments (with their
    status), what asked for them (a query per kind), the course pages."""
    assignments = [
        assignment
        for assignment in TrainingAssignment.objects.current()
        .filter(user=user)
        .with_status(today)
        .with_reason()
        # Filtered here, as on My learning: a WHERE on status would repeat
        # its whole expression, and a person has a handful of assignments.
        if assignment.status in STATUS_LABELS
    ]
    pages = localized_pages(Page, [a.course_id for a in assignments])
    events = []
    for assignment in assignments:
        page = pages.get(assignment.course_id)
        title = page.title if page else ""
        link = (page.get_full_url() if page else "") or ""
        lines = [
            _("Status: %(status)s") % {"status": STATUS_LABELS[assignment.status]},
            assignment.reason_text,
            link,
        ]
        events.append(
            CalendarEvent(
                uid=uid("lms-assignment", assignment.pk),
                day=assignment.effective_due,
                summary=_("Due: %(course)s") % {"course": title},
                description="\n".join(line for line in lines if line),
                url=link,
            )
        )
    return events


def events_for(user, today: date | None = None) -> list[CalendarEvent]:
    """Everything in a person's feed, by date: the due dates, and what the
    apps registered for CALENDAR_EVENTS_HOOK add."""
    today = today or timezone.localdate()
    events = assignment_events(user, today)
    for fn in hooks.get_hooks(CALENDAR_EVENTS_HOOK):
        events.extend(fn(user, today))
    return sorted(events, key=lambda event: (event.day, event.uid))


def calendar_name() -> str:
    site = getattr(settings, "WAGTAIL_SITE_NAME", "") or "Hub Academy"
    return _("%(site)s: my due dates") % {"site": site}


def feed_ics(feed: CalendarFeed) -> bytes:
    """The feed as an iCalendar file, in its person's language."""
    with translation.override(persons.language(feed.user)):
        return ics.build(
            events_for(feed.user),
            name=calendar_name(),
            description=_(
                "Due dates of your training and expiry dates of your "
                "certificates. This calendar is private: do not share its "
                "address."
            ),
        )
