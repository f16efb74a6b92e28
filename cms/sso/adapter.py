"""allauth's social logins under the organisation's rules (cms.sso.policy).

A person is found by the provider's stable subject (allauth's SocialAccount,
uid = sub), or else by an address the provider vouches for (email_verified,
or the provider's trust_emails) that belongs to someone here, whose account
the provider is then linked to, so that later sign-ins match by subject even
after the address changes. Anyone else is refused with a page that says whom
to ask, unless SSO_SIGNUP_OPEN gives them an account.
"""

import logging

import requests
from allauth.account.internal.userkit import filter_users_by_email
from allauth.account.utils import user_email
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.shortcuts import render

from cms.sso import policy

logger = logging.getLogger("cms.sso")

# Why a sign-in was refused, as the page explains it.
UNKNOWN = "unknown"
UNCONFIRMED = "unconfirmed"
BREAK_GLASS = "break_glass"


def _email(sociallogin) -> str:
    if sociallogin.user is not None and user_email(sociallogin.user):
        return user_email(sociallogin.user)
    addresses = sociallogin.email_addresses
    return addresses[0].email if addresses else ""


def refuse(request, sociallogin, reason: str):
    """Stop the sign-in with the page that says why and whom to ask."""
    email = _email(sociallogin)
    logger.warning(
        "Single sign-on refused (%s): provider %s, subject %s, email %s",
        reason,
        sociallogin.account.provider,
        sociallogin.account.uid,
        email or "-",
    )
    response = render(
        request,
        "socialaccount/refused.html",
        {
            "reason": reason,
            "provider_name": sociallogin.provider.name,
            "email": email,
            "help_contact": policy.help_contact(),
        },
        status=403,
    )
    raise ImmediateHttpResponse(response)


def unreachable(error):
    """Stop with a page that says the provider cannot be reached (503),
    rather than the server error allauth's login view would give."""
    logger.error("Single sign-on provider unreachable: %s", error)
    response = render(context.request, "socialaccount/unavailable.html", status=503)
    raise ImmediateHttpResponse(response)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def get_requests_session(self):
        """allauth's session to the provider; a provider that does not
        answer at all (down, or an address that is wrong) gets its page."""
        session = super().get_requests_session()
        send = session.request

        def request(*args, **kwargs):
            try:
                return send(*args, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as error:
                unreachable(error)

        session.request = request
        return session

    def authenticate_by_email(self, sociallogin):
        """A vouched-for address finds its person, except a break-glass
        administrator's: that account stays apart from the provider it is
        there to stand in for (and allauth would wipe its password on the
        first match, were its address not verified here)."""
        found = super().authenticate_by_email(sociallogin)
        if found and policy.is_break_glass(found[1]):
            return None
        return found

    def populate_user(self, request, sociallogin, data):
        """The provider's name for the person, in the site's one name field
        (allauth fills first and last names, which the user model has not)."""
        user = super().populate_user(request, sociallogin, data)
        full_name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        if hasattr(user, "name") and full_name:
            user.name = full_name[: user._meta.get_field("name").max_length]
        return user

    def is_open_for_signup(self, request, sociallogin):
        """Only someone this site has not matched gets here: refused, unless
        the organisation lets the provider's people sign themselves up."""
        email = _email(sociallogin)
        if email and filter_users_by_email(email):
            # The address is someone's here, but the provider did not vouch
            # for it: an account is not handed to whoever claims its address.
            refuse(
                request,
                sociallogin,
                BREAK_GLASS if policy.is_break_glass(email) else UNCONFIRMED,
            )
        if not policy.signup_open():
            refuse(request, sociallogin, UNKNOWN)
        return True
