"""The event types webhooks announce: lms's own, and those apps above lms
register through the ``register_lms_webhook_events`` hook."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

HOOK = "register_lms_webhook_events"


@dataclass(frozen=True)
class EventType:
    """An event type: its name on the wire and its label in the admin."""

    name: str
    label: str | Promise


COURSE_COMPLETED = EventType("course.completed", _("Course completed"))
ASSIGNMENT_OVERDUE = EventType("assignment.overdue", _("Assignment overdue"))
# Sent only by the admin's "Send test event", to one endpoint.
PING = EventType("ping", _("Test event"))

LMS_EVENTS = (COURSE_COMPLETED, ASSIGNMENT_OVERDUE)


def event_types() -> dict[str, EventType]:
    """Every event type an endpoint may hear of, by name, in order."""
    types = {event.name: event for event in LMS_EVENTS}
    for hook in hooks.get_hooks(HOOK):
        for event in hook():
            types.setdefault(event.name, event)
    return types


def choices() -> list[tuple[str, str | Promise]]:
    """The event types as form choices."""
    return [(event.name, event.label) for event in event_types().values()]


def label(name: str) -> str | Promise:
    """The label of an event type, or its name where none is registered."""
    if name == PING.name:
        return PING.label
    event = event_types().get(name)
    return event.label if event else name
