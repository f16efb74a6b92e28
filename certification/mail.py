"""Mail to a holder when their certificate is revoked or reinstated.

Each mail is a CertificateMail row, written in the transaction that changes
the certificate and sent by a task queued when it commits: the task locks the
row, sends, and marks it sent in one transaction. It goes out at least once
(a task lost with its worker is run again by the queue's retry, or re-queued
by the daily run) and is marked sent once; a worker that dies between the
mail server's acceptance and the commit sends it again, with the same
Message-ID, on which mail systems drop the second copy.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from certification.models import Certificate, CertificateMail
from lms import persons
from lms.notifications.services import message_id

KINDS = tuple(CertificateMail.Kind.values)
# How long the daily run keeps trying a mail that fails (a refused address
# would otherwise be tried every day for ever).
RETRY_FOR = timedelta(days=7)


def queue_certificate_mail(*, certificate: Certificate, kind: str) -> CertificateMail:
    """Record a mail to the holder and send it once the transaction commits."""
    from certification.tasks import enqueue_mail

    if kind not in KINDS:
        raise ValueError(f"Unknown certificate mail {kind!r}")
    record = CertificateMail.objects.create(certificate=certificate, kind=kind)
    enqueue_mail(record.pk)
    return record


def queue_unsent() -> int:
    """The daily step: queue again the mails of the past week that have not
    gone out; returns how many."""
    from certification.tasks import enqueue_mail

    unsent = list(
        CertificateMail.objects.unsent()
        .filter(created_at__gte=timezone.now() - RETRY_FOR)
        .values_list("pk", flat=True)
    )
    for mail_id in unsent:
        enqueue_mail(mail_id)
    return len(unsent)


def send_certificate_mail(mail_id: int) -> bool:
    """Send a recorded mail and mark it sent; True if sent by this call.

    Nothing is sent for a mail already sent: the row is locked while sending,
    so a second worker waits, then finds it sent.
    """
    with transaction.atomic():
        record = (
            CertificateMail.objects.select_for_update()
            .filter(pk=mail_id, sent_at__isnull=True)
            .first()
        )
        if record is None:
            return False
        mailers.default.send_messages([_message(record)])
        record.sent_at = timezone.now()
        record.save(update_fields=["sent_at"])
    return True


def _message(record: CertificateMail) -> EmailMultiAlternatives:
    """The mail, text and HTML, in the holder's language."""
    kind = record.kind
    certificate = Certificate.objects.select_related("holder", "certification").get(
        pk=record.certificate_id
    )
    holder = certificate.holder
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    with translation.override(persons.language(holder)):
        context = {
            "certificate": certificate,
            "holder": holder,
            "verify_url": base
            + reverse("certification:verify", args=[certificate.code]),
            "my_learning_url": base + reverse("lms:my_learning"),
        }
        subject = render_to_string(f"certification/emails/{kind}_subject.txt", context)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string(f"certification/emails/{kind}_body.txt", context),
            to=[holder.email],
            headers={
                "Auto-Submitted": "auto-generated",
                "Message-ID": message_id(record.idempotency_key, holder),
            },
        )
        message.attach_alternative(
            render_to_string(f"certification/emails/{kind}_body.html", context),
            "text/html",
        )
    return message
