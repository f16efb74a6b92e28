"""The invitation link: choose a password (or sign in with the
organisation's account) once; a link that no longer works says why and whom
to ask.

As with Django's password reset, the token leaves the address bar at once:
the first request keeps it in the session and redirects to an address
without it, so that it appears in no later Referer or browser history.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render, resolve_url
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from lms import app_settings
from lms.invitations import services as invitations
from lms.invitations.tokens import invitation_tokens
from lms.models import Invitation

SESSION_KEY = "lms_invitation_tokens"
# Stands for the token in the address once it is in the session.
IN_SESSION = "continue"


def _sign_in_url() -> str:
    """Where the person signs in with the organisation's account, if the site
    has single sign-on; they land on My learning."""
    target = app_settings.INVITATION_SIGN_IN_URL
    if not target:
        return ""
    try:
        url = resolve_url(target)
    except NoReverseMatch:
        return ""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({'next': reverse('lms:my_learning')})}"


def _backend() -> str:
    """The backend to sign the person in with: Django's own, where the site
    uses it, since it checks the password just set."""
    backends = settings.AUTHENTICATION_BACKENDS
    model_backend = "django.contrib.auth.backends.ModelBackend"
    return model_backend if model_backend in backends else backends[0]


def _unusable(request, invitation: Invitation, status: str):
    return render(
        request,
        "lms/invitations/unusable.html",
        {
            "status": status,
            "expires_at": timezone.localtime(invitation.expires_at),
            "sender": invitations.contact(invitation),
            "login_url": resolve_url(settings.LOGIN_URL),
        },
        status=410,
    )


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def invitation(request, pk: int, token: str):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    found = (
        Invitation.objects.select_related("user", "invited_by").filter(pk=pk).first()
    )
    from_session = token == IN_SESSION
    if from_session:
        token = request.session.get(SESSION_KEY, {}).get(str(pk), "")
    if found is None or not invitation_tokens.matches(found, token):
        return render(request, "lms/invitations/unknown.html", status=404)
    status = found.status()
    if status != Invitation.Status.PENDING:
        return _unusable(request, found, status)
    if not from_session:
        request.session[SESSION_KEY] = {
            **request.session.get(SESSION_KEY, {}),
            str(pk): token,
        }
        return redirect("lms:invitation", pk, IN_SESSION)

    person = found.user
    form = None
    if app_settings.INVITATION_PASSWORDS:
        form = SetPasswordForm(person, request.POST or None)
    if request.method == "POST":
        if form is None:
            return HttpResponseNotAllowed(["GET"])
        if form.is_valid():
            try:
                # The person as saved, whose password the session is bound to.
                person = invitations.accept(
                    invitation=found, password=form.cleaned_data["new_password1"]
                )
            except invitations.InvitationUnusable as unusable:
                return _unusable(request, found, unusable.status)
            tokens = request.session.get(SESSION_KEY, {})
            tokens.pop(str(pk), None)
            request.session[SESSION_KEY] = tokens
            login(request, person, backend=_backend())
            messages.success(
                request,
                _("Your password has been set. Welcome to Hub Academy."),
            )
            return redirect("lms:my_learning")
    response = render(
        request,
        "lms/invitations/accept.html",
        {
            "person": person,
            "email": invitations.email_of(person),
            "sender": invitations.contact(found),
            "expires_at": timezone.localtime(found.expires_at),
            "form": form,
            "sign_in_url": _sign_in_url(),
        },
    )
    if form is not None and form.is_bound:
        response.status_code = 400
    return response
