"""The public verification page: anyone, without an account, by the code."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from certification import ratelimit
from certification.models import Certificate


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
        return render(request, "certification/rate_limited.html", status=429)
    certificate = (
        Certificate.objects.select_related("holder", "certification")
        .filter(code=code)
        .first()
    )
    if certificate is None:
        raise Http404
    return render(
        request,
        "certification/verify.html",
        {
            "certificate": certificate,
            "status": certificate.status_on(timezone.localdate()),
            "issuer": _issuer_name(),
        },
    )
