from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        """Tokens neither revoked nor expired."""
        return self.filter(
            revoked_at__isnull=True, expires_at__gt=now or timezone.now()
        )


class ApiToken(models.Model):
    """A token one integration sends as ``Authorization: Bearer …``.

    Only a SHA-256 digest of the token is kept (lms.api.tokens): the token
    itself is shown once, when it is made. The token acts as its owner, with
    the owner's scope and permissions; read tokens never write.
    """

    class Access(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Read and write")

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("The integration that uses the token, such as 'AFAS sync'."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acts as"),
        on_delete=models.CASCADE,
        related_name="lms_api_tokens",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    access = models.CharField(_("access"), max_length=5, choices=Access)
    # The token's first characters, shown in lists and used to find it.
    prefix = models.CharField(_("starts with"), max_length=16, unique=True)
    digest = models.CharField(max_length=64)
    rate_per_minute = models.PositiveIntegerField(
        _("requests per minute"),
        help_text=_("More requests in one minute are refused with 429."),
    )
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("manage_api_tokens", _("Can make and revoke API tokens")),
            # HR keeps the organisation in step with its HR system, through
            # the API only: HR's screens stay read-only.
            ("sync_people", _("Can sync people from the HR system through the API")),
        ]

    def __str__(self):
        return self.name

    @property
    def writes(self) -> bool:
        return self.access == self.Access.WRITE

    def is_usable(self, now=None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class CalendarFeed(models.Model):
    """A learner's private calendar address (due dates and certificate
    expiries). The address holds a signature over ``key``; a new key makes
    the old address stop working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="lms_calendar_feed",
    )
    key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    last_fetched_at = models.DateTimeField(_("last fetched at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
