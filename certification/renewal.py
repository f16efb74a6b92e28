"""Renewal: a certificate's holder takes the renewal courses again before it lapses.

When a certificate enters its renewal window, the daily run assigns its
renewal courses, due on the last valid day, and opens those courses anew.
Completing them issues the next certificate (certification.services).
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from certification import webhooks
from certification.models import Certificate, Certification
from lms.assignments.services import ensure_assignments
from lms.learning.progress import completed_course_keys
from lms.learning.services import start_new_cycle
from lms.models import AssignmentDemand, Enrolment, TrainingAssignment


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
        webhooks.certificate_expiring(certificate)
    return True


def _reopen(certificate: Certificate, course, today: date) -> None:
    holder = certificate.holder
    # The renewal replaces the course's current assignment: a finished one is
    # closed as fulfilled (or its old due date would show as overdue once the
    # course reopens), an open or exempted one is withdrawn (its later due
    # date or exemption must not hide the renewal). Roles and managers that
    # asked for it keep asking, now for the renewal.
    previous = list(
        TrainingAssignment.objects.current()
        .filter(user=holder, course=course)
        .with_status(today)
    )
    for assignment in previous:
        if assignment.status == "completed":
            assignment.fulfilled_at = assignment.completed_at
        else:
            assignment.withdrawn_at = timezone.now()
        assignment.save(update_fields=["fulfilled_at", "withdrawn_at"])
    enrolment = Enrolment.objects.filter(user=holder, course=course).first()
    if enrolment is not None:
        start_new_cycle(enrolment=enrolment)
    created = ensure_assignments(
        user_ids=[holder.pk],
        course=course,
        due_on=certificate.valid_until,
        source=TrainingAssignment.Source.RENEWAL,
        reason_object=certificate.certification,
    )
    demands = list(
        AssignmentDemand.objects.filter(assignment__in=previous, ended_at__isnull=True)
    )
    AssignmentDemand.objects.bulk_create(
        AssignmentDemand(
            assignment=new, membership_id=demand.membership_id, batch_id=demand.batch_id
        )
        for new in created
        for demand in demands
    )


def stop_renewal(certificate: Certificate) -> int:
    """A revoked certificate is not renewed: withdraw its open renewal
    assignments. The renewal starts again if the certificate is reinstated."""
    keys = certificate.certification.get_renewal_courses().values("translation_key")
    open_ones = (
        TrainingAssignment.objects.open(timezone.localdate())
        .filter(
            user=certificate.holder,
            source=TrainingAssignment.Source.RENEWAL,
            course__translation_key__in=keys,
        )
        .values("pk")
    )
    withdrawn = TrainingAssignment.objects.filter(pk__in=open_ones).update(
        withdrawn_at=timezone.now()
    )
    Certificate.objects.filter(pk=certificate.pk, successor__isnull=True).update(
        renewal_started_at=None
    )
    return withdrawn


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
    done = completed_course_keys(
        certificate.holder, keys, since=certificate.renewal_started_at
    )
    return bool(keys) and keys <= done


def next_period_start(certificate: Certificate, today: date) -> date:
    """Renewed early, the new period starts where the old one ends (no days
    lost); renewed after it lapsed, it starts today."""
    if certificate.valid_until is not None and today <= certificate.valid_until:
        return certificate.valid_until + timedelta(days=1)
    return today
