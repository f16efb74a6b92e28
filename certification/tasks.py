"""Background work of certification, through Django's tasks API."""

from functools import partial

from django.db import transaction
from django.tasks import task

from certification import mail


@task
def send_certificate_mail_task(certificate_id: int, kind: str) -> None:
    mail.send_certificate_mail(certificate_id, kind)


def mail_after_commit(certificate_id: int, kind: str) -> None:
    """Queue the holder's mail once the change is committed."""
    transaction.on_commit(
        partial(send_certificate_mail_task.enqueue, certificate_id, kind), robust=True
    )
