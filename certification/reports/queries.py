"""The rows and figures of the certificate reports, in the viewer's scope."""

from datetime import date, timedelta

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Q,
)

from certification.models import Certificate, localized_name
from lms.reports.queries import person_columns, restrict_to_scope

DEFAULT_EXPIRING_DAYS = 30
MAX_EXPIRING_DAYS = 3650


def certificate_rows(*, user, today: date):
    """Every certificate of the people in the viewer's scope, with its status."""
    rows = Certificate.objects.with_status(today).annotate(
        **person_columns("holder"),
        certification_name=localized_name("certification"),
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
