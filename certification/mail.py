"""Mail to a holder when their certificate is revoked or reinstated."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from certification.models import Certificate

KINDS = ("revoked", "reinstated")


def send_certificate_mail(certificate_id: int, kind: str) -> None:
    """Tell the holder, in their language, what happened to their certificate."""
    if kind not in KINDS:
        raise ValueError(f"Unknown certificate mail {kind!r}")
    certificate = Certificate.objects.select_related("holder", "certification").get(
        pk=certificate_id
    )
    holder = certificate.holder
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    with translation.override(holder.language or settings.LANGUAGE_CODE):
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
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(
            render_to_string(f"certification/emails/{kind}_body.html", context),
            "text/html",
        )
        message.send()
