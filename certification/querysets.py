from datetime import date, timedelta

from django.db import models
from django.db.models import Case, CharField, Q, Value, When


class CertificateQuerySet(models.QuerySet):
    def in_force(self, today: date):
        """Certificates that count on a day: started, not expired, not revoked."""
        return self.filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
            revoked_at__isnull=True,
            valid_from__lte=today,
        )

    def revoked(self):
        """Certificates that were revoked (and not reinstated)."""
        return self.filter(revoked_at__isnull=False)

    def with_status(self, today: date):
        """Annotate ``status`` as Certificate.status_on(today) gives it, in SQL,
        so that it can be filtered and counted.

        The renewal window differs per certification; one condition per distinct
        window (a handful) keeps the date arithmetic out of the database, where
        SQLite and PostgreSQL disagree on it. Costs one small query.
        """
        from certification.models import Certification

        Status = self.model.Status
        windows = set(
            Certification.objects.order_by().values_list(
                "renewal_window_days", flat=True
            )
        )
        expiring = Q(pk__in=[])
        for days in windows:
            expiring |= Q(
                certification__renewal_window_days=days,
                valid_until__lt=today + timedelta(days=days),
            )
        return self.annotate(
            status=Case(
                When(revoked_at__isnull=False, then=Value(Status.REVOKED)),
                When(valid_from__gt=today, then=Value(Status.PENDING)),
                When(valid_until__isnull=True, then=Value(Status.VALID)),
                When(valid_until__lt=today, then=Value(Status.EXPIRED)),
                When(expiring, then=Value(Status.EXPIRING)),
                default=Value(Status.VALID),
                output_field=CharField(),
            )
        )
