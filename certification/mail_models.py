"""The record of each mail to a certificate's holder, written with its cause."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateMailQuerySet(models.QuerySet):
    def unsent(self):
        """Mails recorded and not yet sent."""
        return self.filter(sent_at__isnull=True)


class CertificateMail(models.Model):
    """One mail to a holder about their certificate (revoked, reinstated).

    Written in the transaction that changes the certificate, so the change
    never commits without its mail; marked sent in the transaction that sends
    it, so a retried task sends nothing twice (certification.mail).
    """

    class Kind(models.TextChoices):
        REVOKED = "revoked", _("Revoked")
        REINSTATED = "reinstated", _("Reinstated")

    certificate = models.ForeignKey(
        "certification.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="mails",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = CertificateMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate mail")
        verbose_name_plural = _("certificate mails")
        ordering = ["created_at", "pk"]
        indexes = [
            # The daily run looks for the few unsent ones among many sent.
            models.Index(
                fields=["created_at"],
                condition=models.Q(sent_at__isnull=True),
                name="certification_mail_unsent",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.certificate}"

    @property
    def idempotency_key(self) -> str:
        """Names this mail in its Message-ID, the same on every retry."""
        return f"certificate-mail.{self.pk}.{self.created_at:%Y%m%d%H%M%S%f}"
