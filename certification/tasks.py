"""Background work of certification, through Django's tasks API."""

from functools import partial

from django.db import transaction
from django.tasks import task

from certification import mail


@task
def send_certificate_mail_task(mail_id: int) -> bool:
    """Send one recorded mail; nothing happens if it has been sent."""
    return mail.send_certificate_mail(mail_id)


def enqueue_mail(mail_id: int) -> None:
    """Queue a recorded mail once the current transaction commits.

    A failure to queue is logged, not raised: the row stays unsent and the
    next daily run queues it again.
    """
    transaction.on_commit(
        partial(send_certificate_mail_task.enqueue, mail_id), robust=True
    )
