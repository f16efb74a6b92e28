"""Renewal: a certificate's holder takes the renewal courses again before it lapses.

When a certificate enters its renewal window, the daily run assigns its
renewal courses, due on the last valid day, and opens those courses anew.
Completing them issues the next certificate (certification.services).
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from certification.models import Certificate, Certification
from lms.assignments import ensure_assignments
from lms.models import Enrolment, TrainingAssignment
from lms.services import start_new_cycle


def renewals_due(today: date):
    """Certificates whose renewal window has begun and whose renewal has not.

    The latest certificate of each chain only, not revoked, with a holder
    still here. One that lapsed less than a window ago still starts (the
    daily run may have missed days); older lapses are history.
    """
    due = Certificate.objects.none()
    for certification in Certification.objects.exclude(validity_months=None):
        window = timedelta(days=certification.renewal_window_days)
        due |= Certificate.objects.filter(
            certification=certification,
            valid_until__lt=today + window,
            valid_until__gte=today - window,
        )
    return due.filter(
        revoked_at__isnull=True,
        renewal_started_at__isnull=True,
        successor__isnull=True,
        holder__is_active=True,
    )


def start_renewal(certificate: Certificate, today: date) -> bool:
    """Assign a certificate's renewal courses; False if it had started already."""
    with transaction.atomic():
        # The conditional update makes a second or concurrent run a no-op.
        started = Certificate.objects.filter(
            pk=certificate.pk, renewal_started_at__isnull=True
        ).update(renewal_started_at=timezone.now())
        if not started:
            return False
        courses = list(certificate.certification.get_renewal_courses())
        for course in courses:
            _reopen(certificate, course, today)
        log(
            certificate,
            "certification.renewal",
            data={"courses": [course.title for course in courses]},
        )
    return True


def _reopen(certificate: Certificate, course, today: date) -> None:
    holder = certificate.holder
    # The finished assignment of the last round is closed before the course
    # opens again, or it would show the old due date as overdue.
    for assignment in (
        TrainingAssignment.objects.current()
        .filter(user=holder, course=course)
        .with_status(today)
        .filter(status="completed")
    ):
        assignment.fulfilled_at = assignment.completed_at
        assignment.save(update_fields=["fulfilled_at"])
    enrolment = Enrolment.objects.filter(user=holder, course=course).first()
    if enrolment is not None:
        start_new_cycle(enrolment=enrolment)
    ensure_assignments(
        user_ids=[holder.pk],
        course=course,
        due_on=certificate.valid_until,
        source=TrainingAssignment.Source.RENEWAL,
        reason=certificate.certification.name,
    )


def start_due_renewals(today: date) -> int:
    """The daily step: start every renewal that is due; returns how many."""
    started = 0
    for certificate in renewals_due(today).select_related("certification", "holder"):
        started += start_renewal(certificate, today)
    return started


def renewal_completed(certificate: Certificate) -> bool:
    """Whether the holder completed every renewal course since renewal began."""
    keys = set(
        certificate.certification.get_renewal_courses().values_list(
            "translation_key", flat=True
        )
    )
    done = set(
        Enrolment.objects.completed()
        .filter(
            user=certificate.holder,
            course__translation_key__in=keys,
            completed_at__gte=certificate.renewal_started_at,
        )
        .values_list("course__translation_key", flat=True)
    )
    return bool(keys) and keys <= done


def next_period_start(certificate: Certificate, today: date) -> date:
    """Renewed early, the new period starts where the old one ends (no days
    lost); renewed after it lapsed, it starts today."""
    if certificate.valid_until is not None and today <= certificate.valid_until:
        return certificate.valid_until + timedelta(days=1)
    return today
