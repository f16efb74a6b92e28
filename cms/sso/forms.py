"""allauth's password-reset forms, for a site where SSO is the only way in
(SSO_ONLY): a reset link goes to break-glass administrators only, and one
sent before the setting came on no longer sets a password for anyone else."""

import logging

from allauth.account import forms as allauth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.sso import policy

logger = logging.getLogger("cms.sso")

PASSWORDS_OFF = _(
    "Passwords are not used on this site: sign in with your organisation's "
    "account. Only the administrators' emergency accounts receive a link "
    "here."
)


class LoginForm(allauth_forms.LoginForm):
    @property
    def sso_only(self) -> bool:
        """Whether the page folds the form away as the break-glass sign-in."""
        return policy.sso_only()


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if policy.sso_only():
            self.fields["email"].help_text = PASSWORDS_OFF

    def save(self, request, **kwargs):
        # The page reads as it always does, whether an address is a
        # break-glass one or not: it reveals neither, and says up front that
        # only those get a link.
        email = self.cleaned_data["email"]
        if not policy.password_allowed(email):
            logger.warning("Password reset refused under SSO_ONLY: %s", email)
            return email
        return super().save(request, **kwargs)


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def clean(self):
        cleaned_data = super().clean()
        if self.user is not None and not policy.password_allowed(self.user.email):
            raise ValidationError(PASSWORDS_OFF, code="sso_only")
        return cleaned_data
