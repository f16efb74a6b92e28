"""The rows and figures of the certificate reports, in the viewer's scope."""

from datetime import date, timedelta

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    Value,
    When,
)

from certification.models import Certificate, Certification
from lms.reports.queries import person_columns, restrict_to_scope

DEFAULT_EXPIRING_DAYS = 30
MAX_EXPIRING_DAYS = 3650


def with_status(certificates, today: date):
    """Annotate ``status`` as Certificate.status_on(today) gives it, in SQL,
    so that it can be filtered and counted.

    The renewal window differs per certification; one condition per distinct
    window (a handful) keeps the date arithmetic out of the database, where
    SQLite and PostgreSQL disagree on it. Costs one small query.
    """
    windows = set(
        Certification.objects.order_by().values_list("renewal_window_days", flat=True)
    )
    expiring = Q(pk__in=[])
    for days in windows:
        expiring |= Q(
            certification__renewal_window_days=days,
            valid_until__lt=today + timedelta(days=days),
        )
    return certificates.annotate(
        status=Case(
            When(revoked_at__isnull=False, then=Value(Certificate.Status.REVOKED)),
            When(valid_from__gt=today, then=Value(Certificate.Status.PENDING)),
            When(valid_until__isnull=True, then=Value(Certificate.Status.VALID)),
            When(valid_until__lt=today, then=Value(Certificate.Status.EXPIRED)),
            When(expiring, then=Value(Certificate.Status.EXPIRING)),
            default=Value(Certificate.Status.VALID),
            output_field=CharField(),
        )
    )


def certificate_rows(*, user, today: date):
    """Every certificate of the people in the viewer's scope, with its status."""
    rows = with_status(Certificate.objects.all(), today).annotate(
        **person_columns("holder"),
        certification_name=F("certification__name"),
    )
    return restrict_to_scope(rows, user, "holder")


def expiring_rows(*, user, today: date):
    """Certificates in force today that nothing renews yet: narrowed to those
    ending within some days by ``ending_within``. A renewal that was revoked
    renews nothing."""
    renewed = Certificate.objects.filter(previous=OuterRef("pk"), revoked_at=None)
    return (
        certificate_rows(user=user, today=today)
        .exclude(Exists(renewed))
        .in_force(today)
        .exclude(valid_until=None)
    )


def ending_within(certificates, *, today: date, days: int):
    """Certificates whose last valid day is at most so many days away."""
    return certificates.filter(valid_until__lte=today + timedelta(days=days))


def certificate_figures(rows) -> dict[str, int]:
    """How many certificates in all and per status, in one query."""
    return rows.order_by().aggregate(
        total=Count("pk"),
        **{
            value: Count("pk", filter=Q(status=value))
            for value in Certificate.Status.values
        },
    )
