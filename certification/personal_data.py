"""A person's certificates for a personal-data request: export and erasure."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from certification.models import Certificate
from lms.personal_data.erasure import ERASED_REASON, ERASED_TEXT
from lms.personal_data.services import as_record, entries_about


def records(user) -> dict[str, list[dict]]:
    """The person's certificates, with their status today."""
    today = timezone.localdate()
    certificates = (
        Certificate.objects.filter(holder=user)
        .select_related("certification")
        .order_by("valid_from", "pk")
    )
    return {
        "certificates": [
            as_record(
                certificate,
                certification=certificate.certification.name,
                status=certificate.status_on(today),
            )
            for certificate in certificates
        ]
    }


def entries_about_person(user) -> Q:
    """Log entries about the person's certificates."""
    return entries_about(Certificate, Certificate.objects.filter(holder=user))


@transaction.atomic
def revoke_for_erasure(user, *, by=None) -> dict[str, int]:
    """Revoke every certificate of an erased person that is not yet revoked.

    Unlike revoking by hand, no mail goes to the holder (whose address is
    gone) and no permission is asked: erasure was allowed as a whole.
    The reasons of earlier revocations were written about the person only,
    so they are replaced outright.
    """
    certificates = list(
        Certificate.objects.select_for_update(of=("self",))
        .filter(holder=user)
        .select_related("holder", "certification")
        .order_by("pk")
    )
    now = timezone.now()
    revoked = [c for c in certificates if c.revoked_at is None]
    reasons = [c for c in certificates if c.revoked_at and c.revocation_reason]
    for certificate in revoked:
        certificate.revoked_at = now
        certificate.revoked_by = by
        certificate.revocation_reason = ERASED_REASON
    for certificate in reasons:
        certificate.revocation_reason = ERASED_TEXT
    Certificate.objects.bulk_update(
        certificates, ["revoked_at", "revoked_by", "revocation_reason"]
    )
    for certificate in revoked:
        log(
            certificate,
            "certification.revoke",
            user=by,
            data={"reason": ERASED_REASON},
        )
    return {"certificates_revoked": len(revoked), "revocation_reasons": len(reasons)}
