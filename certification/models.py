import calendar
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import CharField, F, Q, Value
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from certification import verification
from certification.querysets import CertificateQuerySet
from lms import persons
from lms.personal_data import erasure

# The texts of a certification that are written in each language.
TRANSLATED_FIELDS = ("name", "description", "criteria")


def text_language(language: str | None = None) -> str:
    """The language of LANGUAGES that a language (the active one) reads in."""
    for candidate in (language or translation.get_language(), settings.LANGUAGE_CODE):
        if candidate:
            try:
                return translation.get_supported_language_variant(candidate)
            except LookupError:
                continue
    return settings.LANGUAGE_CODE


def localized_name(field: str = "", language: str | None = None):
    """An expression for annotate() and order_by(): the name of the
    certification (``field``, a foreign key to one; empty: the row itself) in
    a language (the active one), fixed when built, as get_text gives it."""
    prefix = f"{field}__" if field else ""
    translated = KeyTextTransform(
        "name", KeyTransform(text_language(language), f"{prefix}translations")
    )
    return Coalesce(
        NullIf(translated, Value("")), F(f"{prefix}name"), output_field=CharField()
    )


def new_verification_code() -> str:
    """130 random bits, short enough to type from paper and far beyond
    guessing (Moodle's carry about 33): certification.verification."""
    return verification.new_code()


class Certification(models.Model):
    """What a certificate proves: the courses it requires and how long it holds."""

    # In the site's language (LANGUAGE_CODE); the others in translations.
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    criteria = models.TextField(
        _("criteria"), blank=True, help_text=_("What a holder has shown, in words.")
    )
    # {"en": {"name": …, "description": …, "criteria": …}}: a text left out
    # (or empty) reads as the site language's.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    courses = models.ManyToManyField(
        "courses.CoursePage",
        verbose_name=_("required courses"),
        related_name="certifications",
        help_text=_("A certificate is issued when all of them are completed."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        # At most ten years, the window at most a year: a slip such as 100000
        # months would otherwise reach every holder.
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Empty: the certificate does not expire."),
    )
    renewal_window_days = models.PositiveSmallIntegerField(
        _("renewal window (days)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("How long before expiry renewal starts."),
    )
    renewal_courses = models.ManyToManyField(
        "courses.CoursePage",
        verbose_name=_("renewal courses"),
        related_name="renewing_certifications",
        blank=True,
        help_text=_("What a holder takes to renew; empty: the required courses."),
    )
    roles = models.ManyToManyField(
        "lms.Role",
        verbose_name=_("roles that require it"),
        related_name="required_certifications",
        blank=True,
    )

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["name"]

    def __str__(self):
        return self.localized_name

    def clean(self):
        super().clean()
        # The window must open after the period starts, or a certificate would
        # be due for renewal the day it is issued.
        shortest_period = (self.validity_months or 0) * 28
        if shortest_period and (self.renewal_window_days or 0) >= shortest_period:
            raise ValidationError(
                {
                    "renewal_window_days": _(
                        "Make the renewal window shorter than the validity "
                        "(under %(days)d days)."
                    )
                    % {"days": shortest_period}
                }
            )

    def get_text(self, field: str, language: str | None = None) -> str:
        """One of TRANSLATED_FIELDS in a language (the active one), else as
        written in the site's language."""
        language = text_language(language)
        translated = (self.translations or {}).get(language) or {}
        return translated.get(field) or getattr(self, field)

    @property
    def localized_name(self) -> str:
        """The name in the active language."""
        return self.get_text("name")

    @property
    def localized_description(self) -> str:
        """The description in the active language."""
        return self.get_text("description")

    @property
    def localized_criteria(self) -> str:
        """The criteria in the active language."""
        return self.get_text("criteria")

    def get_renewal_courses(self):
        """The courses that renew a certificate: the renewal courses, if any."""
        renewal = self.renewal_courses.all()
        return renewal if renewal.exists() else self.courses.all()

    def valid_until(self, valid_from: date) -> date | None:
        """The last day of a period that starts on valid_from."""
        if not self.validity_months:
            return None
        index = valid_from.month - 1 + self.validity_months
        year, month = valid_from.year + index // 12, index % 12 + 1
        # The same day so many months on (or that month's last day), exclusive.
        day = min(valid_from.day, calendar.monthrange(year, month)[1])
        return date(year, month, day) - timedelta(days=1)


class Certificate(models.Model):
    """A certificate held by a person for one period of a certification.

    Revoking keeps the record (with when, by whom and why); renewing issues a
    new certificate that the old one points to.
    """

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRING = "expiring", _("Expiring")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")
        # A renewal's period that starts when the current one ends.
        PENDING = "pending", _("Not yet valid")

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    certification = models.ForeignKey(
        Certification,
        verbose_name=_("certification"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    code = models.CharField(
        _("verification code"),
        max_length=64,
        unique=True,
        default=new_verification_code,
    )
    previous = models.OneToOneField(
        "self",
        verbose_name=_("renews"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successor",
    )
    renewal_started_at = models.DateTimeField(
        _("renewal started at"),
        null=True,
        blank=True,
        help_text=_("When the renewal courses were assigned to the holder."),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revocation_reason = models.CharField(
        _("reason for revocation"), max_length=300, blank=True
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-valid_from", "-pk"]
        constraints = [
            # Exactly one certificate per holder, certification and period.
            models.UniqueConstraint(
                fields=["holder", "certification", "valid_from"],
                name="certification_one_per_period",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="certification_period_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.certification} – {self.holder}"

    @property
    def holder_name(self) -> str:
        """The only personal data a certificate shows: the holder's name.

        Never the email address, which get_full_name falls back to.
        """
        return erasure.readable_names(persons.adapter().stored_name(self.holder)) or "—"

    @property
    def revocation_reason_text(self) -> str:
        """Why the certificate was revoked, as the reader's language says it
        where erasure wrote the reason."""
        return erasure.readable(self.revocation_reason)

    @property
    def holder_language(self) -> str:
        """The language of the holder's own copies: the PDF, the credential."""
        return text_language(persons.language(self.holder))

    def status_on(self, today: date) -> str:
        """Derived from the dates and revocation; never stored."""
        if self.revoked_at:
            return self.Status.REVOKED
        if today < self.valid_from:
            return self.Status.PENDING
        if self.valid_until is None:
            return self.Status.VALID
        if today > self.valid_until:
            return self.Status.EXPIRED
        window = timedelta(days=self.certification.renewal_window_days)
        if today > self.valid_until - window:
            return self.Status.EXPIRING
        return self.Status.VALID


# The site setting lives in its own module; importing it registers the model.
from certification.badge_models import StatusListEntry  # noqa: E402, F401
from certification.mail_models import CertificateMail  # noqa: E402, F401
from certification.settings_models import CertificateSettings  # noqa: E402, F401
