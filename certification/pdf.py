"""The PDF certificate: A4 landscape, in the holder's language, with a QR code.

ReportLab draws it without system libraries; segno makes the QR code.
"""

import hashlib
from io import BytesIO

import segno
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from certification import verification
from certification.settings_models import CertificateSettings
from lms import persons

CACHE_SECONDS = 24 * 60 * 60
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 48
INK = HexColor("#1f2937")
MUTED = HexColor("#4b5563")
ACCENT = HexColor("#0f4c81")
REVOKED_RED = Color(0.75, 0.05, 0.05, alpha=0.55)


def _date(value) -> str:
    return formats.date_format(value, "j F Y")


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The largest font size up to size at which text fits the width."""
    while size > 8 and stringWidth(text, font, size) > width:
        size -= 1
    return size


def _centred(pdf, text: str, y: float, font: str, size: float, colour=INK):
    size = _fit(text, font, size, PAGE_WIDTH - 2 * MARGIN - 40)
    pdf.setFont(font, size)
    pdf.setFillColor(colour)
    pdf.drawCentredString(PAGE_WIDTH / 2, y, text)


def _logo(settings_obj) -> ImageReader | None:
    """The logo as an image, or None when it is unset or its file is gone."""
    image = getattr(settings_obj, "logo", None)
    if image is None:
        return None
    try:
        with image.file.open("rb") as file:
            return ImageReader(BytesIO(file.read()))
    except (OSError, ValueError):
        # A missing or unreadable logo must not stop a holder's download.
        return None


def _qr_code(url: str) -> ImageReader:
    buffer = BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=4)
    buffer.seek(0)
    return ImageReader(buffer)


def render_certificate_pdf(
    certificate,
    *,
    verify_url: str,
    settings_obj,
    language: str,
    compress: bool = True,
) -> bytes:
    """Draw a certificate as a one-page PDF, in the given language."""
    buffer = BytesIO()
    holder = certificate.holder_name
    certification = certificate.certification.get_text("name", language)
    with translation.override(language):
        pdf = canvas.Canvas(
            buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=int(compress)
        )
        title = _("Certificate")
        pdf.setTitle(f"{title}: {certification} – {holder}")
        pdf.setAuthor(settings_obj.issuer_name)
        pdf.setSubject(certification)
        pdf.setCreator(settings_obj.issuer_name)

        pdf.setStrokeColor(ACCENT)
        pdf.setLineWidth(3)
        pdf.rect(MARGIN / 2, MARGIN / 2, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN)

        logo = _logo(settings_obj)
        if logo is not None:
            pdf.drawImage(
                logo,
                MARGIN,
                PAGE_HEIGHT - MARGIN - 60,
                width=160,
                height=60,
                preserveAspectRatio=True,
                anchor="nw",
                mask="auto",
            )

        _centred(pdf, title, PAGE_HEIGHT - 150, "Helvetica-Bold", 40, ACCENT)
        _centred(pdf, _("This certifies that"), PAGE_HEIGHT - 200, "Helvetica", 14)
        _centred(pdf, holder, PAGE_HEIGHT - 245, "Helvetica-Bold", 32)
        _centred(pdf, _("holds the certification"), PAGE_HEIGHT - 285, "Helvetica", 14)
        _centred(pdf, certification, PAGE_HEIGHT - 320, "Helvetica-Bold", 22)

        issued_on = timezone.localdate(certificate.issued_at)
        _centred(
            pdf,
            _("Issued on %(date)s") % {"date": _date(issued_on)},
            PAGE_HEIGHT - 360,
            "Helvetica",
            12,
            MUTED,
        )
        if certificate.valid_until is None:
            validity = _("Valid from %(start)s; does not expire") % {
                "start": _date(certificate.valid_from)
            }
        else:
            validity = _("Valid from %(start)s until %(end)s") % {
                "start": _date(certificate.valid_from),
                "end": _date(certificate.valid_until),
            }
        _centred(pdf, validity, PAGE_HEIGHT - 378, "Helvetica", 12, MUTED)

        # The signatory and issuer, bottom left.
        pdf.setFillColor(INK)
        if settings_obj.signatory_name:
            pdf.setStrokeColor(MUTED)
            pdf.setLineWidth(0.75)
            pdf.line(MARGIN + 20, 150, MARGIN + 240, 150)
            pdf.setFont("Helvetica-Bold", 12)
            pdf.drawString(MARGIN + 20, 134, settings_obj.signatory_name)
            if settings_obj.signatory_title:
                pdf.setFont("Helvetica", 10)
                pdf.drawString(MARGIN + 20, 120, settings_obj.signatory_title)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(
            MARGIN + 20,
            96,
            _("Issued by %(issuer)s") % {"issuer": settings_obj.issuer_name},
        )

        # The QR code and the verification details, bottom right.
        qr_size = 100
        qr_x = PAGE_WIDTH - MARGIN - 20 - qr_size
        pdf.drawImage(_qr_code(verify_url), qr_x, 90, width=qr_size, height=qr_size)
        pdf.setFillColor(MUTED)
        pdf.setFont("Helvetica", 8)
        right = PAGE_WIDTH - MARGIN - 20
        pdf.drawRightString(right, 76, _("Verify this certificate at"))
        pdf.drawRightString(right, 66, verify_url)
        pdf.drawRightString(
            right,
            56,
            _("Verification code: %(code)s")
            % {"code": verification.printed(certificate.code)},
        )

        if certificate.revoked_at:
            pdf.saveState()
            pdf.setFillColor(REVOKED_RED)
            pdf.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            pdf.rotate(20)
            stamp = _("REVOKED")
            size = _fit(stamp, "Helvetica-Bold", 96, PAGE_WIDTH - 2 * MARGIN)
            pdf.setFont("Helvetica-Bold", size)
            pdf.drawCentredString(0, -size / 3, stamp)
            pdf.restoreState()

        pdf.showPage()
        pdf.save()
    return buffer.getvalue()


def _verify_url(request, code: str) -> str:
    try:
        path = reverse("certification:verify", args=[code])
    except NoReverseMatch:
        # DESIGN.md fixes the public path; the named URL may not be wired yet.
        path = f"/verify/{code}/"
    return request.build_absolute_uri(path)


def _settings_for(request):
    try:
        return CertificateSettings.for_request(request)
    except CertificateSettings.DoesNotExist:
        # No Wagtail site answers this host: print the defaults.
        return CertificateSettings()


def cache_key(certificate, *, verify_url: str, settings_obj, language: str) -> str:
    """The cache key of a PDF: it changes whenever anything printed changes."""
    printed = (
        certificate.holder_name,
        certificate.certification.get_text("name", language),
        certificate.issued_at.isoformat(),
        certificate.valid_from.isoformat(),
        certificate.valid_until.isoformat() if certificate.valid_until else "",
        verify_url,
        settings_obj.version,
    )
    digest = hashlib.sha256("\x1f".join(printed).encode()).hexdigest()[:32]
    state = "revoked" if certificate.revoked_at else "live"
    return f"certification:pdf:{certificate.pk}:{state}:{language}:{digest}"


def certificate_pdf(certificate, *, request) -> bytes:
    """The certificate's PDF in the holder's language, rendered once a day."""
    verify_url = _verify_url(request, certificate.code)
    settings_obj = _settings_for(request)
    language = persons.language(certificate.holder)
    key = cache_key(
        certificate,
        verify_url=verify_url,
        settings_obj=settings_obj,
        language=language,
    )
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_certificate_pdf(
            certificate,
            verify_url=verify_url,
            settings_obj=settings_obj,
            language=language,
        )
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf
