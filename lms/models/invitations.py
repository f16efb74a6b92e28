from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Invitations neither used nor replaced; they may have expired."""
        return self.filter(accepted_at__isnull=True, replaced_at__isnull=True)

    def usable(self, now=None):
        """Open invitations whose link still works."""
        return self.open().filter(expires_at__gt=now or timezone.now())

    def unsent(self, now=None):
        """Usable invitations whose mail has not gone out."""
        return self.usable(now).filter(sent_at__isnull=True)


class Invitation(models.Model):
    """A link that lets a person choose a password (or sign in with the
    organisation's account) once, before it expires.

    A person has at most one open invitation: sending another replaces it,
    and the old link stops working. The link's token is a signature over this
    row (lms.invitations.tokens); whether it still works is this row's state.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be used")
        ACCEPTED = "accepted", _("Used")
        EXPIRED = "expired", _("Expired")
        REPLACED = "replaced", _("Replaced by a newer invitation")

    class Via(models.TextChoices):
        SCREEN = "screen", _("the person's screen")
        IMPORT = "import", _("the people import")
        COMMAND = "command", _("a command")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="lms_invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    via = models.CharField(_("sent from"), max_length=10, choices=Via)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    sent_at = models.DateTimeField(_("mail sent at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("used at"), null=True, blank=True)
    replaced_at = models.DateTimeField(_("replaced at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(accepted_at__isnull=True, replaced_at__isnull=True),
                name="lms_one_open_invitation_per_person",
            ),
        ]
        indexes = [models.Index(fields=["invited_by", "created_at"])]

    def __str__(self):
        return f"{self.user} ({self.get_status_display()})"

    def status(self, now=None) -> str:
        """Whether the link works, or why it no longer does."""
        if self.accepted_at is not None:
            return self.Status.ACCEPTED
        if self.replaced_at is not None:
            return self.Status.REPLACED
        if self.expires_at <= (now or timezone.now()):
            return self.Status.EXPIRED
        return self.Status.PENDING

    def get_status_display(self) -> str:
        return self.Status(self.status()).label

    @property
    def is_usable(self) -> bool:
        return self.status() == self.Status.PENDING
