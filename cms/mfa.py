"""A second factor for everyone who can reach the Wagtail admin.

allauth.mfa asks for the second factor at login once a person has one
(its login stage, for a password and for single sign-on alike); with
HUB_MFA_REQUIRED_FOR_ADMIN on, whoever can reach the admin without one is
kept out of it until they have set one up.
"""

from functools import cached_property

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_safe

# Recovery codes replace a lost factor; on their own they are none.
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def required_for(user) -> bool:
    """Whether the site requires a second factor of this person: whoever can
    reach the admin, while the setting is on."""
    return bool(
        settings.HUB_MFA_REQUIRED_FOR_ADMIN
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
    )


def has_second_factor(user) -> bool:
    return is_mfa_enabled(user, SECOND_FACTORS)


def setup_pending(user) -> bool:
    """Whether the admin must refuse this person until they set one up."""
    return required_for(user) and not has_second_factor(user)


class AdminMFAMiddleware:
    """Refuses the admin to whoever must have a second factor and has none.

    A page (GET) redirects to the walk-through (cms.mfa_views), which brings
    them back; anything else, a form or a script's request, is refused with
    a 403 that shows the same walk-through, so nothing is acted on. Signing
    out of the admin stays open.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    @cached_property
    def open_paths(self) -> frozenset[str]:
        return frozenset({reverse("wagtailadmin_logout"), reverse("admin_login")})

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(self.admin_prefix)
            and path not in self.open_paths
            and setup_pending(request.user)
        ):
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request):
        if request.method in {"GET", "HEAD"}:
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('mfa_required')}?{query}")
        return render(
            request,
            "mfa/required.html",
            walk_through_context(request, next_url=self.admin_prefix),
            status=403,
        )


NEXT_SESSION_KEY = "cms.mfa.next"


def _safe_next(request, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def walk_through_context(request, next_url: str = "") -> dict:
    user = request.user
    types = set(
        Authenticator.objects.filter(user_id=user.pk).values_list("type", flat=True)
    )
    webauthn_keys = Authenticator.objects.filter(
        user_id=user.pk, type=Authenticator.Type.WEBAUTHN
    ).count()
    return {
        "required": required_for(user),
        # allauth adds no second factor to an account whose address is not
        # confirmed (someone else might have signed up with it).
        "email_unconfirmed": not mfa_settings.ALLOW_UNVERIFIED_EMAIL
        and EmailAddress.objects.filter(user_id=user.pk, verified=False).exists(),
        "totp_active": Authenticator.Type.TOTP in types,
        "webauthn_keys": webauthn_keys,
        "has_second_factor": bool(types & set(SECOND_FACTORS)),
        "has_recovery_codes": Authenticator.Type.RECOVERY_CODES in types,
        "supported_types": mfa_settings.SUPPORTED_TYPES,
        "next_url": next_url,
    }


@require_safe
@login_required
def required(request):
    """The steps to a second factor, and the way back to where the admin
    sent the person from (kept in the session while they set it up)."""
    given = _safe_next(request, request.GET.get("next", ""))
    if given:
        request.session[NEXT_SESSION_KEY] = given
    next_url = _safe_next(request, given or request.session.get(NEXT_SESSION_KEY, ""))
    if not next_url:
        next_url = (
            reverse("wagtailadmin_home")
            if request.user.has_perm("wagtailadmin.access_admin")
            else reverse("mfa_index")
        )
    return TemplateResponse(
        request, "mfa/required.html", walk_through_context(request, next_url)
    )
