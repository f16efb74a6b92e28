import math

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext, ngettext

from cms import login_attempts
from cms.sso import policy as sso_policy
from lms.support.client_address import client_ip, rate_limit_address


def _login(credentials) -> str:
    return credentials.get("email") or credentials.get("username") or ""


def _wait_text(seconds: int) -> str:
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {
            "count": seconds
        }
    minutes = math.ceil(seconds / 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {
        "count": minutes
    }


class AccountAdapter(DefaultAccountAdapter):
    """Organisations bring their own people: sign-up only when a setting opens it.

    Log-in limits count the client address that lms.support.client_address
    decides, and wrong passwords slow down one address guessing one account
    (cms.login_attempts) instead of locking the account for everyone.
    """

    def is_open_for_signup(self, request):
        # Where single sign-on is the only way in, nobody signs up with a
        # password either (cms.sso.policy).
        return settings.ACCOUNT_SIGNUP_OPEN and not sso_policy.sso_only()

    def get_client_ip(self, request):
        """The address allauth's rate limits count: the one every limit uses."""
        return client_ip(request)

    def pre_authenticate(self, request, **credentials):
        """Refuse before the password is checked while this address waits,
        and, where single sign-on is the only way in, for everyone but the
        break-glass administrators (cms.sso.policy)."""
        if not sso_policy.password_allowed(_login(credentials)):
            raise ValidationError(
                gettext(
                    "Sign in with your organisation's account: passwords are "
                    "only for the administrators' emergency accounts here."
                ),
                code="sso_only",
            )
        if login_attempts.enabled():
            wait = login_attempts.claim_turn(
                address=rate_limit_address(request), login=_login(credentials)
            )
            if wait:
                raise ValidationError(
                    gettext(
                        "Too many failed attempts to log in to this account "
                        "from your address. Try again in %(wait)s."
                    ),
                    code="too_many_login_attempts",
                    params={"wait": _wait_text(wait)},
                )
        super().pre_authenticate(request, **credentials)

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None and login_attempts.enabled():
            login_attempts.clear(
                address=rate_limit_address(request), login=_login(credentials)
            )
        return user

    def login(self, request, user):
        """Sign in, and speak the account's language from here on.

        The request came in the browser's language (nobody was signed in
        yet); the message that says so and the page after it are the
        person's (cms.middleware.UserLanguageMiddleware, next time).
        """
        super().login(request, user)
        if getattr(user, "language", ""):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language

    def _delete_login_attempts_cached_email(self, request, **credentials):
        # allauth calls this after a password reset and wipes the whole
        # login_failed history, which, now that it is per address only,
        # would give whoever resets their own password a fresh budget of
        # guesses at other accounts. Only this address's delay for the
        # account that was reset is lifted.
        if login_attempts.enabled():
            login_attempts.clear(
                address=rate_limit_address(request), login=_login(credentials)
            )

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        if login_attempts.enabled():
            login_attempts.record_failure(
                address=rate_limit_address(request), login=_login(credentials)
            )
