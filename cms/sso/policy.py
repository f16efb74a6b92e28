"""The organisation's sign-in rules, from settings read when asked.

SSO_SIGNUP_OPEN: whether someone the provider knows but this site does not
gets an account at the first sign-in (no: they are refused, and told whom
to ask, SSO_HELP_CONTACT).

SSO_ONLY: the organisation's provider is the only way in. Passwords are
refused, and password resets not sent, for everyone but the break-glass
administrators, SSO_BREAK_GLASS_EMAILS: accounts named by address in the
deployment's configuration, for when the provider is down or misconfigured.
A list rather than "every superuser": it is decided before any password is
checked, so a refusal says nothing about whether an account exists or what
it may do, and making someone a superuser does not quietly give them a
password way round the provider.
"""

from django.conf import settings


def signup_open() -> bool:
    """Whether unknown people get an account at their first SSO sign-in."""
    return bool(getattr(settings, "SSO_SIGNUP_OPEN", False))


def sso_only() -> bool:
    """Whether the provider is the only way in (break-glass aside)."""
    return bool(getattr(settings, "SSO_ONLY", False))


def is_break_glass(email: str | None) -> bool:
    """Whether this address is one of the break-glass administrators'."""
    listed = {
        address.strip().lower()
        for address in getattr(settings, "SSO_BREAK_GLASS_EMAILS", [])
        if address.strip()
    }
    return bool(email) and email.strip().lower() in listed


def password_allowed(email: str | None) -> bool:
    """Whether a password may sign in (or be reset) for this address."""
    return not sso_only() or is_break_glass(email)


def help_contact() -> str:
    """Whom people ask for access, as the organisation words it."""
    return getattr(settings, "SSO_HELP_CONTACT", "") or ""
