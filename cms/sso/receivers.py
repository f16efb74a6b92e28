"""Sign-ins and sign-ups through the organisation's provider, in the audit
trail (Wagtail's log, "cms.sso_…" on the person)."""

from allauth.account.signals import user_logged_in, user_signed_up
from django.dispatch import receiver
from wagtail.log_actions import log

SIGN_IN = "cms.sso_sign_in"
SIGN_UP = "cms.sso_sign_up"


def _log(action, user, sociallogin):
    log(
        instance=user,
        action=action,
        user=user,
        data={"provider": sociallogin.provider.name},
    )


@receiver(user_logged_in, dispatch_uid="cms.sso.sign_in")
def log_sign_in(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is not None:
        _log(SIGN_IN, user, sociallogin)


@receiver(user_signed_up, dispatch_uid="cms.sso.sign_up")
def log_sign_up(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is not None:
        _log(SIGN_UP, user, sociallogin)
