"""The holder's PDF download: for the holder, their managers and HR."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from certification.models import Certificate
from certification.pdf import certificate_pdf
from lms.organisation import scope


def may_download(user, certificate) -> bool:
    """The holder, HR and the holder's managers may download a certificate."""
    return (
        user.pk == certificate.holder_id
        or scope.sees_everything(user)
        or scope.manages(user, certificate.holder)
    )


def downloadable_certificate(request, code) -> Certificate:
    """The certificate of that code, if the user may download it (404, 403)."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder", "certification"), code=code
    )
    if not may_download(request.user, certificate):
        raise PermissionDenied
    return certificate


def attachment(content, *, content_type: str, filename: str) -> HttpResponse:
    """A private download: never kept by shared caches."""
    response = HttpResponse(content, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private"
    return response


@require_safe
@login_required
def certificate_pdf_view(request, code):
    """Send a certificate as a PDF attachment."""
    certificate = downloadable_certificate(request, code)
    # Named as the file's text reads: in the holder's language.
    name = certificate.certification.get_text("name", certificate.holder_language)
    slug = slugify(name) or "certificate"
    return attachment(
        certificate_pdf(certificate, request=request),
        content_type="application/pdf",
        filename=f"certificate-{slug}.pdf",
    )
