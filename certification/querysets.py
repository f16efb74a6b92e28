from datetime import date

from django.db import models
from django.db.models import Q


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
