"""The public verification page: anyone, without an account, by the code."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from certification import ratelimit, verification
from certification.models import Certificate
from courses.layout import page_context


def _page(request, template, context=None, status=None):
    """A public page inside the host site's base template."""
    return render(
        request, template, {**page_context(), **(context or {})}, status=status
    )


def _issuer_name() -> str:
    return getattr(settings, "WAGTAIL_SITE_NAME", "Hub Academy")


@never_cache
def verify(request, code):
    """Show who holds which certification and whether it counts today.

    Only the holder's name is shown of their personal data, and of a
    revocation only the date, never the reason.
    """
    limit = getattr(settings, "CERTIFICATION_VERIFY_RATE_LIMIT", 30)
    if not ratelimit.allow(request, scope="verify", limit=limit):
        return _page(request, "certification/rate_limited.html", status=429)
    certificate = (
        Certificate.objects.select_related("holder", "certification")
        .filter(code__in=verification.candidates(code))
        .first()
    )
    if certificate is None:
        # Still a 404, with a page that says what may have gone wrong.
        form = verification.VerifyForm(initial={"code": code})
        return _page(
            request, "certification/verify_unknown.html", {"form": form}, status=404
        )
    return _page(
        request,
        "certification/verify.html",
        {
            "certificate": certificate,
            "status": certificate.status_on(timezone.localdate()),
            "issuer": _issuer_name(),
        },
    )


@require_safe
@never_cache
def verify_start(request):
    """Where an outsider types or pastes the code from a certificate."""
    form = verification.VerifyForm(request.GET or None)
    if form.is_valid():
        return redirect("certification:verify", code=form.cleaned_data["code"])
    return _page(
        request,
        "certification/verify_start.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )
