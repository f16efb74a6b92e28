"""The certificate events that lms's webhooks announce (lms.webhooks).

certification registers its event types through lms's
``register_lms_webhook_events`` hook (certification/wagtail_hooks.py), and
the services call the functions here in the transaction that issues or
revokes a certificate or starts its renewal, so that an event is committed
with its change. Their data is described in lms/webhooks/__init__.py.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from certification.models import Certificate
from lms.support.site_urls import absolute_url
from lms.webhooks.events import EventType
from lms.webhooks.services import at, emit, person

CERTIFICATE_ISSUED = EventType("certificate.issued", _("Certificate issued"))
CERTIFICATE_REVOKED = EventType("certificate.revoked", _("Certificate revoked"))
CERTIFICATE_EXPIRING = EventType("certificate.expiring", _("Certificate expiring"))


def event_types() -> list[EventType]:
    """The hook's answer: certification's event types."""
    return [CERTIFICATE_ISSUED, CERTIFICATE_REVOKED, CERTIFICATE_EXPIRING]


def _data(certificate: Certificate) -> dict:
    certification = certificate.certification
    return {
        "person": person(certificate.holder),
        "certificate": {
            "id": certificate.pk,
            "code": certificate.code,
            "valid_from": certificate.valid_from.isoformat(),
            "valid_until": certificate.valid_until.isoformat()
            if certificate.valid_until
            else None,
            "verify_url": absolute_url(
                reverse("certification:verify", args=[certificate.code])
            ),
        },
        "certification": {"id": certification.pk, "name": certification.name},
    }


def certificate_issued(certificate: Certificate) -> None:
    """Announce a certificate just issued (once per certificate)."""
    previous = certificate.previous
    emit(
        CERTIFICATE_ISSUED.name,
        f"certificate.issued:{certificate.pk}",
        {**_data(certificate), "renews": previous.code if previous else None},
    )


def certificate_revoked(certificate: Certificate) -> None:
    """Announce a revocation (once per revocation: a certificate reinstated
    and revoked again is announced again)."""
    emit(
        CERTIFICATE_REVOKED.name,
        f"certificate.revoked:{certificate.pk}:{certificate.revoked_at.isoformat()}",
        {
            **_data(certificate),
            "revoked_at": at(certificate.revoked_at),
            "reason": certificate.revocation_reason,
        },
    )


def certificate_expiring(certificate: Certificate) -> None:
    """Announce that a certificate has entered its renewal window (once)."""
    emit(
        CERTIFICATE_EXPIRING.name,
        f"certificate.expiring:{certificate.pk}",
        _data(certificate),
    )
