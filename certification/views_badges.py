"""Open Badges 3.0: the issuer's DID document, the status list, the credential."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from certification import badges
from certification.views_pdf import attachment, downloadable_certificate


def _public(response):
    # Verifiers fetch these from other origins, often from a browser.
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def did_document(request):
    """The did:web document: the current and the retired public keys."""
    response = JsonResponse(
        badges.did_document(request), content_type="application/did+json"
    )
    response.headers["Cache-Control"] = "public, max-age=300"
    return _public(response)


@require_safe
def status_list(request, number):
    """The revocation status list as a signed credential, rendered afresh.

    Not cached, so that a revocation shows at once.
    """
    if number != badges.STATUS_LIST_NUMBER:
        raise Http404
    response = HttpResponse(
        badges.signed_status_list(request=request), content_type=badges.CONTENT_TYPE
    )
    response.headers["Cache-Control"] = "no-cache"
    return _public(response)


@require_safe
@login_required
def credential(request, code):
    """Send a certificate's OpenBadgeCredential (VC-JWT) as an attachment."""
    certificate = downloadable_certificate(request, code)
    # Named as the file's text reads: in the holder's language.
    name = certificate.certification.get_text("name", certificate.holder_language)
    slug = slugify(name) or "certificate"
    return attachment(
        badges.signed_credential(certificate, request=request),
        content_type=badges.CONTENT_TYPE,
        filename=f"{slug}.jwt",
    )
