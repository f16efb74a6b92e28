"""Where each certificate's revocation bit sits in the published status list."""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

DEFAULT_STATUS_LIST_SIZE = 131_072  # the minimum the Bitstring Status List asks


def status_list_size() -> int:
    """How many entries the status list holds (a multiple of 8)."""
    size = getattr(settings, "CERTIFICATION_STATUS_LIST_SIZE", DEFAULT_STATUS_LIST_SIZE)
    return max(DEFAULT_STATUS_LIST_SIZE, -(-size // 8) * 8)


class StatusListEntryQuerySet(models.QuerySet):
    def for_certificate(self, certificate, *, attempts: int = 32):
        """The certificate's entry, assigned a random free index on first use.

        Random indexes keep a verifier from telling how many certificates
        were issued, or in which order, from where a credential's bit sits.
        The unique constraints settle races: between two processes assigning
        the same certificate, and between two certificates drawing one index.
        """
        entry = self.filter(certificate=certificate).first()
        if entry is not None:
            return entry
        size = status_list_size()
        for _attempt in range(attempts):
            try:
                with transaction.atomic():
                    return self.create(
                        certificate=certificate, index=secrets.randbelow(size)
                    )
            except IntegrityError:
                entry = self.filter(certificate=certificate).first()
                if entry is not None:
                    return entry
        raise RuntimeError(
            "No free status list index found; raise CERTIFICATION_STATUS_LIST_SIZE."
        )

    def revoked_indexes(self):
        """Indexes of the revoked certificates."""
        return self.filter(certificate__revoked_at__isnull=False).values_list(
            "index", flat=True
        )


class StatusListEntry(models.Model):
    """A certificate's position in the revocation status list."""

    certificate = models.OneToOneField(
        "certification.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="status_entry",
    )
    index = models.PositiveIntegerField(_("status list index"), unique=True)

    objects = StatusListEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("status list entry")
        verbose_name_plural = _("status list entries")

    def __str__(self):
        return f"{self.certificate_id} @ {self.index}"
