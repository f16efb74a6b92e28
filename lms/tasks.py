"""Background work of the lms app, run through Django's tasks API."""

from functools import partial

from django.db import transaction
from django.tasks import task

from lms.invitations import services as invitations
from lms.notifications import services as notifications


@task
def send_notification_task(notification_id: int) -> bool:
    """Send one recorded notification; nothing happens if it has been sent."""
    return notifications.send_notification(notification_id)


def enqueue_send(notification_id: int) -> None:
    """Queue a notification's mail once the current transaction commits.

    A failure to queue is logged, not raised: the row stays unsent and the
    next daily run queues it again.
    """
    transaction.on_commit(
        partial(send_notification_task.enqueue, notification_id), robust=True
    )


@task
def send_invitation_task(invitation_id: int) -> bool:
    """Mail one invitation; nothing happens if it has gone out or lapsed."""
    return invitations.send_invitation(invitation_id)


def enqueue_invitation(invitation_id: int) -> None:
    """Queue an invitation's mail once the current transaction commits; a
    failure to queue leaves it unsent, for the daily run."""
    transaction.on_commit(
        partial(send_invitation_task.enqueue, invitation_id), robust=True
    )
