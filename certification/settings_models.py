"""What editors change about certificates: the issuer, signatory and logo."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """The issuer, signatory and logo printed on a site's PDF certificates."""

    issuer_name = models.CharField(_("issuer"), max_length=200, default="Hub Academy")
    signatory_name = models.CharField(_("signatory name"), max_length=200, blank=True)
    signatory_title = models.CharField(
        _("signatory title"),
        max_length=200,
        blank=True,
        help_text=_("Printed below the signatory's name, e.g. 'Head of the hub'."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("certificate settings")
        verbose_name_plural = _("certificate settings")

    @property
    def version(self) -> str:
        """A short fingerprint of what a PDF prints from these settings."""
        parts = (
            self.pk,
            self.issuer_name,
            self.signatory_name,
            self.signatory_title,
            self.logo_id,
        )
        return "|".join(str(part) for part in parts)
