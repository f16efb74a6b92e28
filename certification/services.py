"""Issuing, revoking and reinstating certificates."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from certification import mail, renewal, webhooks
from certification.models import Certificate, Certification
from lms import persons
from lms.learning.progress import completed_course_keys
from lms.organisation import scope


def has_completed_all(holder, certification: Certification) -> bool:
    """Whether a person has completed every course the certification requires.

    After a revocation only what was completed since counts: a revoked
    certificate is earned again, not re-issued from the old work.
    """
    required = set(certification.courses.values_list("translation_key", flat=True))
    if not required:
        return False
    last_revocation = (
        Certificate.objects.revoked()
        .filter(holder=holder, certification=certification)
        .aggregate(last=Max("revoked_at"))["last"]
    )
    return required <= completed_course_keys(holder, required, since=last_revocation)


def issue_certificate(
    *, holder, certification: Certification, valid_from: date, previous=None
) -> Certificate:
    """Issue the certificate of one period, or return the one already issued.

    The database allows one certificate per holder, certification and start
    of period, so concurrent completions cannot issue two.
    """
    certificate = Certificate(
        holder=holder,
        certification=certification,
        valid_from=valid_from,
        valid_until=certification.valid_until(valid_from),
        previous=previous,
    )
    certificate.full_clean(validate_constraints=False, validate_unique=False)
    try:
        with transaction.atomic():
            certificate.save()
            # With the certificate: a rolled-back issue announces nothing.
            webhooks.certificate_issued(certificate)
    except IntegrityError:
        # Issued meanwhile by a concurrent completion: the same period, or the
        # same predecessor.
        return Certificate.objects.get(
            Q(valid_from=valid_from) | Q(previous=previous, previous__isnull=False),
            holder=holder,
            certification=certification,
        )
    log(
        certificate,
        "certification.issue",
        data={
            "holder": persons.display_name(holder),
            "certification": certification.name,
        },
    )
    return certificate


def latest_certificate(holder, certification: Certification):
    """The end of the holder's chain of certificates: not revoked, not renewed."""
    return (
        Certificate.objects.filter(
            holder=holder,
            certification=certification,
            revoked_at__isnull=True,
            successor__isnull=True,
        )
        .order_by("-valid_from", "-pk")
        .first()
    )


def issue_if_earned(
    *,
    holder,
    certification: Certification,
    today: date | None = None,
    renewal_only: bool = False,
):
    """Issue the certificate the holder has now earned, if any, and return it.

    A renewal in progress is earned by completing the renewal courses since it
    began; otherwise (unless renewal_only) by completing every required course
    while holding no certificate in force.
    """
    today = today or timezone.localdate()
    latest = latest_certificate(holder, certification)
    if latest is not None and latest.renewal_started_at is not None:
        if not renewal.renewal_completed(latest):
            return None
        return issue_certificate(
            holder=holder,
            certification=certification,
            valid_from=renewal.next_period_start(latest, today),
            previous=latest,
        )
    if renewal_only:
        return None
    if (
        Certificate.objects.in_force(today)
        .filter(holder=holder, certification=certification)
        .exists()
    ):
        return None
    if not has_completed_all(holder, certification):
        return None
    return issue_certificate(
        holder=holder, certification=certification, valid_from=today, previous=latest
    )


def issue_for_completed_course(*, user, course) -> list[Certificate]:
    """After a course is completed: issue what the person has now earned."""
    issued = []
    key = course.translation_key
    for certification in Certification.objects.filter(
        Q(courses__translation_key=key) | Q(renewal_courses__translation_key=key)
    ).distinct():
        # A renewal course that is not required only counts in a renewal.
        required = certification.courses.filter(translation_key=key).exists()
        certificate = issue_if_earned(
            holder=user, certification=certification, renewal_only=not required
        )
        if certificate is not None:
            issued.append(certificate)
    return issued


def _check_may_revoke(by, certificate) -> None:
    if by.is_superuser:
        return
    if not by.has_perm("certification.change_certificate"):
        raise PermissionDenied
    if not (scope.sees_everything(by) or scope.manages(by, certificate.holder)):
        raise PermissionDenied


@transaction.atomic
def revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Revoke a certificate; the record stays, with when, by whom and why."""
    _check_may_revoke(by, certificate)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is revoked.")})
    if certificate.revoked_at:
        raise ValidationError(_("This certificate is already revoked."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    renewal.stop_renewal(certificate)
    log(certificate, "certification.revoke", user=by, data={"reason": reason})
    webhooks.certificate_revoked(certificate)
    mail.queue_certificate_mail(certificate=certificate, kind="revoked")
    return certificate


@transaction.atomic
def reinstate(*, certificate: Certificate, by, reason: str = "") -> Certificate:
    """Undo a revocation: the same certificate, with the same code, counts again.
    The reason, where given (the API asks for one), goes into the audit trail."""
    _check_may_revoke(by, certificate)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not certificate.revoked_at:
        raise ValidationError(_("This certificate is not revoked."))
    was_revoked_for = certificate.revocation_reason
    certificate.revoked_at = None
    certificate.revoked_by = None
    certificate.revocation_reason = ""
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    data = {"was_revoked_for": was_revoked_for}
    if reason.strip():
        data["reason"] = reason.strip()
    log(certificate, "certification.reinstate", user=by, data=data)
    mail.queue_certificate_mail(certificate=certificate, kind="reinstated")
    return certificate
