"""lms's own events: a course completed, an assignment overdue."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from lms.models import (
    Enrolment,
    TrainingAssignment,
    WebhookEndpoint,
    WebhookEvent,
)
from lms.webhooks import events
from lms.webhooks.services import at, emit, person

# The daily run announces due dates passed this many days ago at most: a few
# days missed are caught up, and an endpoint registered later is not sent
# every assignment that was ever overdue.
OVERDUE_LOOKBACK_DAYS = 7
BATCH = 500


def course_completed(enrolment: Enrolment) -> None:
    """Announce a completion; called in the completion's transaction."""
    emit(
        events.COURSE_COMPLETED.name,
        f"course.completed:{enrolment.pk}:{enrolment.cycle}",
        {
            "person": person(enrolment.user),
            "course": {"id": enrolment.course_id, "title": enrolment.course.title},
            "enrolment_id": enrolment.pk,
            "completed_at": at(enrolment.completed_at),
        },
    )


def assignments_overdue(today: date) -> int:
    """The daily step: announce each open assignment whose (extended) due
    date has passed, once per assignment and due date; returns how many
    this run announced (a second run: none)."""
    listeners = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(is_active=True)
        if events.ASSIGNMENT_OVERDUE.name in endpoint.events
    ]
    if not listeners:
        return 0
    rows = list(
        TrainingAssignment.objects.open(today)
        .filter(
            user__is_active=True,
            effective_due__lt=today,
            effective_due__gte=today - timedelta(days=OVERDUE_LOOKBACK_DAYS),
        )
        .order_by("pk")
        .values_list("pk", "user_id", "course_id", "course__title", "effective_due")
    )
    announced = 0
    for start in range(0, len(rows), BATCH):
        batch = {
            f"assignment.overdue:{row[0]}:{row[4].isoformat()}": row
            for row in rows[start : start + BATCH]
        }
        # What earlier runs announced is skipped with one query per batch.
        done = set(
            WebhookEvent.objects.filter(key__in=batch).values_list("key", flat=True)
        )
        fresh = {key: row for key, row in batch.items() if key not in done}
        users = get_user_model().objects.in_bulk({row[1] for row in fresh.values()})
        for key, (pk, user_id, course_id, title, due) in fresh.items():
            emit(
                events.ASSIGNMENT_OVERDUE.name,
                key,
                {
                    "person": person(users[user_id]),
                    "course": {"id": course_id, "title": title},
                    "assignment_id": pk,
                    "due_on": due.isoformat(),
                },
                endpoints=listeners,
            )
            announced += 1
    return announced
