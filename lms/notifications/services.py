"""Email notifications: about assignments (new, reminder and overdue), and
to a learner whose scenario answer has been reviewed.

Every notice is first written as a Notification row whose key (assignment,
kind, period) is unique, and then sent by a task that marks the row sent.
A second run on the same day finds its rows there already and sends nothing
twice; a row whose sending failed stays unsent, and the next run retries it.

How often a mail goes out: the task locks the row, sends, and marks it sent
in one transaction, so two workers never both send it, and a worker that dies
before the mark leaves the row unsent, to be sent again by the task's retry
or the next daily run. A worker that dies after the mail server accepted the
mail and before the commit errs on the side of sending it twice (at least
once), and both copies carry the same Message-ID, made from the row's
idempotency key, on which mail systems drop the second copy.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from email.utils import parseaddr
from typing import NamedTuple

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from courses.localization import localized_page
from lms import app_settings, persons
from lms.models import Notification, ScenarioReview, TrainingAssignment
from lms.organisation import scope
from lms.support import bulk_sql
from lms.support.site_urls import absolute_url

# An assignment is announced once; its period never changes.
ASSIGNED_PERIOD = "1"
# A review is announced once, too.
REVIEWED_PERIOD = "1"


class Notice(NamedTuple):
    """A notification due today, before it is recorded."""

    assignment_id: int
    kind: str
    period: str
    escalated: bool = False

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.assignment_id, self.kind, self.period)


class Unsent(NamedTuple):
    """A recorded notification whose mail has not gone out."""

    pk: int
    kind: str
    escalated: bool


def overdue_number(due: date, today: date) -> int:
    """Which overdue notice is due: 0 from the first day late, 1 after M days…"""
    return ((today - due).days - 1) // app_settings.OVERDUE_EVERY_DAYS


def notices_due(today: date) -> list[Notice]:
    """The reminders and overdue notices of open assignments due on a day.

    A reminder goes out from N days before the (extended) due date, keyed by
    that date, so an extension brings a new one; it is skipped when the
    assignment was made inside those N days, as its own mail gave the date.
    Overdue notice k goes out k × M days after the first day late; from the
    second one on it goes to the person's managers too. One query, whatever
    the number of assignments, reading three columns of each (no instances:
    the organisation's overdue work is tens of thousands of rows).
    """
    days_before = app_settings.REMINDER_DAYS_BEFORE
    assignments = (
        TrainingAssignment.objects.open(today)
        .filter(
            user__is_active=True,
            effective_due__lte=today + timedelta(days=days_before),
        )
        .order_by()
        .values_list("pk", "effective_due", "assigned_at")
    )
    notices = []
    for pk, due, assigned_at in assignments:
        if today <= due:
            window_opens = due - timedelta(days=days_before)
            if timezone.localdate(assigned_at) < window_opens:
                notices.append(Notice(pk, Notification.Kind.REMINDER, due.isoformat()))
        else:
            number = overdue_number(due, today)
            notices.append(
                Notice(
                    pk,
                    Notification.Kind.OVERDUE,
                    f"{due.isoformat()}#{number}",
                    escalated=number >= 1,
                )
            )
    return notices


def record_notices(notices: Iterable[Notice]) -> list[Unsent]:
    """Write the notices' rows (once per key); return those not yet sent.

    The rows left unsent by an earlier run that failed are among them, so
    they are retried, as long as their notice is still due. Two statements
    whatever the number of notices, which go as one parameter per column.
    """
    notices = list(notices)
    if not notices:
        return []
    keys = bulk_sql.id_rows(
        notices,
        names=("assignment_id", "kind", "period", "escalated"),
        types=("bigint", "text", "text", "boolean"),
    )
    bulk_sql.insert_select(
        Notification,
        columns=["assignment_id", "kind", "period", "escalated"],
        select=keys.sql,
        params=keys.params,
        values={},
    )
    table = connection.ops.quote_name(Notification._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT n.id, n.kind, n.escalated FROM {table} n"
            f" JOIN ({keys.sql}) k ON k.assignment_id = n.assignment_id"
            " AND k.kind = n.kind AND k.period = n.period"
            " WHERE n.sent_at IS NULL ORDER BY n.id",
            keys.params,
        )
        return [Unsent(pk, kind, bool(escalated)) for pk, kind, escalated in cursor]


def unsent_assigned(today: date) -> list[Unsent]:
    """Announcements of open assignments whose mail has not gone out."""
    still_open = TrainingAssignment.objects.open(today).filter(user__is_active=True)
    return [
        Unsent(*row)
        for row in Notification.objects.filter(
            kind=Notification.Kind.ASSIGNED,
            sent_at__isnull=True,
            assignment__in=still_open.values("pk"),
        )
        .order_by("pk")
        .values_list("pk", "kind", "escalated")
    ]


def queue_due_notices(today: date) -> Counter:
    """Record the day's notices and queue their mails; count what was queued.

    Counts by kind (assigned, reminder, overdue) and escalated, the overdue
    notices that also go to managers. Safe to run twice: the second run
    queues nothing that has been sent.
    """
    from lms.tasks import enqueue_send

    rows = (
        record_notices(notices_due(today)) + unsent_assigned(today) + unsent_reviewed()
    )
    for row in rows:
        enqueue_send(row.pk)
    counts = Counter(row.kind for row in rows)
    counts["escalated"] = sum(row.escalated for row in rows)
    return counts


def record_assigned(assignment_ids: Iterable[int]) -> None:
    """Write the announcement rows of new assignments (once per assignment).

    Called in the transaction that creates the assignments, so that an
    assignment is never committed without its announcement: if the process
    dies before the mail is queued, the daily run finds the row unsent.
    """
    assignment_ids = list(assignment_ids)
    if not assignment_ids:
        return
    # One statement with the ids as one parameter, whatever their number.
    assignments = bulk_sql.id_rows(assignment_ids)
    bulk_sql.insert_select(
        Notification,
        columns=["assignment_id"],
        select=assignments.sql,
        params=assignments.params,
        values={"kind": Notification.Kind.ASSIGNED, "period": ASSIGNED_PERIOD},
    )


def notify_assigned(assignment_ids: Iterable[int]) -> list[int]:
    """Record the announcement of new assignments and queue their mails.

    Returns the ids of the notifications queued: none for an assignment
    that has been announced already.
    """
    from lms.tasks import enqueue_send

    assignment_ids = list(assignment_ids)
    if not assignment_ids:
        return []
    # The rows are there from the assignments' own transaction, unless a
    # caller made the assignments without them.
    record_assigned(assignment_ids)
    pending = list(
        Notification.objects.filter(
            assignment_id__in=assignment_ids,
            kind=Notification.Kind.ASSIGNED,
            sent_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    for notification_id in pending:
        enqueue_send(notification_id)
    return pending


def unsent_reviewed() -> list[Unsent]:
    """Review notices of active learners whose mail has not gone out."""
    return [
        Unsent(*row)
        for row in Notification.objects.filter(
            kind=Notification.Kind.REVIEWED,
            sent_at__isnull=True,
            review__submission__enrolment__user__is_active=True,
        )
        .order_by("pk")
        .values_list("pk", "kind", "escalated")
    ]


def notify_reviewed(review: ScenarioReview) -> None:
    """Record the mail that tells a learner their answer has been reviewed,
    and queue it.

    Called in the review's transaction, so that a review is never committed
    without its notice: if the process dies before the mail is queued, the
    daily run finds the row unsent. The mail is queued on commit.
    """
    from lms.tasks import enqueue_send

    notification, _created = Notification.objects.get_or_create(
        review=review,
        kind=Notification.Kind.REVIEWED,
        defaults={"period": REVIEWED_PERIOD},
    )
    if notification.sent_at is None:
        enqueue_send(notification.pk)


def send_notification(notification_id: int) -> bool:
    """Send a notification's mails and mark it sent; True if sent by this call.

    Nothing is sent for a row already sent (the row is locked, so two workers
    cannot both send it), nor for one that no longer applies: the assignment
    was completed, exempted or withdrawn, or its due date has moved since;
    the learner of a reviewed answer is no longer active.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        if notification.kind == Notification.Kind.REVIEWED:
            messages = _review_messages(notification)
        else:
            messages = _assignment_messages(notification)
        if not messages:
            return False
        mailers.default.send_messages(messages)
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
    return True


def _assignment_messages(notification: Notification) -> list[EmailMultiAlternatives]:
    """The mails of a notice about an assignment; none if it no longer applies."""
    assignment = (
        TrainingAssignment.objects.open(timezone.localdate())
        .filter(pk=notification.assignment_id, user__is_active=True)
        .select_related("user", "course", "assigned_by")
        .first()
    )
    if assignment is None or not _still_applies(notification, assignment):
        return []
    return _messages(notification, assignment)


def _review_messages(notification: Notification) -> list[EmailMultiAlternatives]:
    """The learner's mail about the review of their answer: the decision, the
    feedback, and a link back to the scenario in the learner's language."""
    review = (
        ScenarioReview.objects.filter(
            pk=notification.review_id,
            submission__enrolment__user__is_active=True,
        )
        .select_related(
            "reviewer",
            "submission__module",
            "submission__enrolment__user",
            "submission__enrolment__course",
        )
        .first()
    )
    if review is None:
        return []
    submission = review.submission
    learner = submission.enrolment.user
    module = localized_page(submission.module, persons.language(learner))
    block = module.find_block(submission.block_id, "scenario")
    if block is None:  # the translation lacks the scenario: link the original
        module = submission.module
        block = module.find_block(submission.block_id, "scenario")
    url = module.get_url()
    context = {
        "review": review,
        "approved": review.decision == ScenarioReview.Decision.APPROVED,
        "reviewer_name": persons.display_name(review.reviewer)
        if review.reviewer
        else "",
        "module_title": module.title,
        "scenario_title": block.value["title"] if block else module.title,
        "answer_url": absolute_url(f"{url}#block-{submission.block_id}")
        if url
        else _my_learning_url(),
    }
    return [
        _message(
            "reviewed",
            learner,
            submission.enrolment.course,
            context,
            key=notification.idempotency_key,
        )
    ]


def _still_applies(notification: Notification, assignment) -> bool:
    """Whether a reminder or overdue notice is about the current due date."""
    if notification.kind == Notification.Kind.ASSIGNED:
        return True
    due_in_period = notification.period.partition("#")[0]
    return due_in_period == assignment.effective_due.isoformat()


def _messages(notification: Notification, assignment) -> list[EmailMultiAlternatives]:
    person = assignment.user
    context = {
        "assignment": assignment,
        "due": assignment.effective_due,
        "escalated": notification.escalated,
    }
    key = notification.idempotency_key
    messages = [
        _message(notification.kind, person, assignment.course, context, key=key)
    ]
    if notification.kind == Notification.Kind.OVERDUE and notification.escalated:
        context = {**context, "person": person, "person_url": _person_url(person)}
        messages += [
            _message("overdue_manager", manager, assignment.course, context, key=key)
            for manager in scope.managers_of(person)
        ]
    return messages


def message_id(key: str, recipient) -> str:
    """The Message-ID of the mail about key to recipient, the same on a retry.

    Mail systems keep one message per Message-ID, so a mail sent again after
    a crash (at least once) reaches the recipient's mailbox once. The domain
    is the sender's, not the host's: a retry may run on another machine.
    """
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    return f"<{key}.{recipient.pk}@{domain or 'hub-academy.invalid'}>"


def _message(
    template: str, recipient, course, context, *, key: str
) -> EmailMultiAlternatives:
    """One mail, text and HTML, rendered in the recipient's language."""
    language = persons.language(recipient)
    with translation.override(language):
        page = localized_page(course, language)
        context = {
            **context,
            "recipient": recipient,
            "language": translation.get_language(),
            "course_title": page.title,
            "course_url": absolute_url(page.get_url()) or _my_learning_url(),
            "my_learning_url": _my_learning_url(),
        }
        subject = " ".join(
            render_to_string(f"lms/emails/{template}_subject.txt", context).split()
        )
        context["subject"] = subject
        text = render_to_string(f"lms/emails/{template}_body.txt", context)
        html = render_to_string(f"lms/emails/{template}_body.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[recipient.email],
        headers={
            # Asks mail servers not to answer with out-of-office replies.
            "Auto-Submitted": "auto-generated",
            "Message-ID": message_id(key, recipient),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _my_learning_url() -> str:
    return absolute_url(reverse("lms:my_learning"))


def _person_url(person) -> str:
    """Where a manager sees a person's training in the admin."""
    try:
        return absolute_url(reverse("hub_people:person", args=[person.pk]))
    except NoReverseMatch:
        return absolute_url(reverse("wagtailadmin_home"))
