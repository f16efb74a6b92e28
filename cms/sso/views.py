"""The organisation's OpenID Connect providers in the Wagtail admin, for
administrators (Settings → Single sign-on): allauth's SocialApp, with the
fields an OpenID Connect provider needs."""

from allauth.socialaccount.models import SocialApp
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet

from cms.sso import config

PROVIDER = "openid_connect"


def _trust_text(value) -> str:
    if value is True:
        return "yes"
    if isinstance(value, list):
        return ", ".join(value)
    return ""


class ProviderForm(WagtailAdminModelForm):
    server_url = forms.URLField(
        label=_("Issuer URL"),
        assume_scheme="https",
        help_text=_(
            "Where the provider publishes /.well-known/openid-configuration, "
            "such as https://login.microsoftonline.com/TENANT/v2.0, "
            "https://accounts.google.com or "
            "https://keycloak.example.org/realms/REALM."
        ),
    )
    trust_emails = forms.CharField(
        label=_("Trust the provider's email addresses"),
        required=False,
        help_text=_(
            "Leave empty to match people by email only when the provider "
            "says it verified the address. “yes” trusts every address it "
            "gives, or list the domains to trust (example.org, example.nl): "
            "Entra ID does not say whether it verified an address."
        ),
    )

    class Meta:
        model = SocialApp
        fields = ["name", "provider_id", "client_id", "secret"]
        labels = {"provider_id": _("Identifier")}
        help_texts = {
            "provider_id": _(
                "Part of the address the provider sends people back to: "
                "/accounts/oidc/IDENTIFIER/login/callback/."
            ),
            "name": _("Shown on the sign-in button."),
        }
        widgets = {"secret": forms.PasswordInput(render_value=False)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider_id"].required = True
        app_settings = self.instance.settings or {}
        self.initial.setdefault("server_url", app_settings.get("server_url", ""))
        self.initial.setdefault(
            "trust_emails", _trust_text(app_settings.get("verified_email"))
        )
        if self.instance.pk:
            self.fields["secret"].help_text = _(
                "Leave empty to keep the secret that is stored."
            )

    def clean_provider_id(self):
        provider_id = self.cleaned_data["provider_id"].strip()
        if not config.PROVIDER_ID.match(provider_id):
            raise forms.ValidationError(
                _("Use lower-case letters, digits, “-” or “_”."), code="invalid"
            )
        in_settings = {app["provider_id"] for app in getattr(settings, "SSO_APPS", [])}
        taken = SocialApp.objects.filter(provider_id=provider_id).exclude(
            pk=self.instance.pk
        )
        if provider_id in in_settings or taken.exists():
            raise forms.ValidationError(
                _("Another provider has this identifier."), code="unique"
            )
        return provider_id

    def clean_secret(self):
        secret = self.cleaned_data["secret"]
        if not secret and self.instance.pk:
            return SocialApp.objects.get(pk=self.instance.pk).secret
        return secret

    def save(self, commit=True):
        app = super().save(commit=False)
        app.provider = PROVIDER
        app.settings = {
            **(app.settings or {}),
            "server_url": self.cleaned_data["server_url"].rstrip("/"),
            "oauth_pkce_enabled": True,
            "verified_email": config.trust_emails(self.cleaned_data["trust_emails"]),
        }
        if commit:
            app.save()
        return app


class ProviderViewSet(ModelViewSet):
    model = SocialApp
    icon = "key"
    menu_label = _("Single sign-on")
    name = "sso_providers"
    url_prefix = "sso-providers"
    add_to_settings_menu = True
    list_display = ["name", "provider_id", "client_id"]
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False

    def get_form_class(self, for_update=False):
        return ProviderForm
