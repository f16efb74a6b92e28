from datetime import date
from http import HTTPStatus
from io import BytesIO
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image

from certification import pdf
from certification.models import Certificate, Certification
from certification.settings_models import CertificateSettings
from lms.organisation import services as organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def holder(db):
    return UserFactory(name="Anna de Vries", language="nl")


@pytest.fixture
def certificate(holder):
    certification = Certification.objects.create(
        name="Crisis Communication Lead", validity_months=12
    )
    return Certificate.objects.create(
        holder=holder,
        certification=certification,
        valid_from=date(2026, 3, 1),
        valid_until=date(2027, 2, 28),
    )


@pytest.fixture
def certificate_settings(home_page):
    settings_obj = CertificateSettings.for_site(home_page.get_site())
    settings_obj.issuer_name = "Gemeente Voorbeeld"
    settings_obj.signatory_name = "Jan Jansen"
    settings_obj.signatory_title = "Hub manager"
    settings_obj.save()
    return settings_obj


def render(certificate, *, language="nl", settings_obj=None, url=None):
    return pdf.render_certificate_pdf(
        certificate,
        verify_url=url or f"https://academy.example.org/verify/{certificate.code}/",
        settings_obj=settings_obj or CertificateSettings(),
        language=language,
        compress=False,
    )


def png_file(name="logo.png"):
    buffer = BytesIO()
    PILImage.new("RGB", (40, 20), "navy").save(buffer, format="PNG")
    return ImageFile(buffer, name=name)


def test_pdf_prints_holder_certification_and_verification(certificate):
    url = f"https://academy.example.org/verify/{certificate.code}/"
    content = render(certificate, url=url)
    assert content.startswith(b"%PDF")
    assert b"Anna de Vries" in content
    assert b"Crisis Communication Lead" in content
    assert url.encode() in content
    assert certificate.code.encode() in content
    assert b"/Author (Hub Academy)" in content
    # The QR code is the only image without a logo.
    assert content.count(b"/Subtype /Image") == 1


def test_pdf_speaks_dutch_to_a_dutch_holder(certificate):
    content = render(certificate, language="nl")
    assert b"Certificaat" in content
    assert b"28 februari 2027" in content
    assert b"Certificate" not in content.replace(b"/Subject", b"")


def test_pdf_speaks_english_to_an_english_holder(certificate):
    content = render(certificate, language="en")
    assert b"Certificaat" not in content
    assert b"Certificate" in content
    assert b"28 February 2027" in content


def test_pdf_without_expiry_says_so(certificate):
    certificate.valid_until = None
    assert b"does not expire" in render(certificate, language="en")


def test_revoked_pdf_is_stamped(certificate):
    assert b"INGETROKKEN" not in render(certificate, language="nl")
    certificate.revoked_at = timezone.now()
    assert b"INGETROKKEN" in render(certificate, language="nl")
    assert b"REVOKED" in render(certificate, language="en")


def test_pdf_prints_issuer_signatory_and_logo(certificate, certificate_settings):
    certificate_settings.logo = Image.objects.create(title="Logo", file=png_file())
    content = render(certificate, settings_obj=certificate_settings)
    assert b"Jan Jansen" in content
    assert b"Hub manager" in content
    assert b"Gemeente Voorbeeld" in content
    assert b"/Author (Gemeente Voorbeeld)" in content
    assert content.count(b"/Subtype /Image") == 2


def test_missing_logo_file_is_skipped(certificate, certificate_settings):
    logo = Image.objects.create(title="Logo", file=png_file())
    logo.file.storage.delete(logo.file.name)
    certificate_settings.logo = logo
    content = render(certificate, settings_obj=certificate_settings)
    assert content.startswith(b"%PDF")
    assert content.count(b"/Subtype /Image") == 1


def test_certificate_pdf_renders_in_the_holders_language(certificate, home_page):
    request = RequestFactory().get("/")
    with mock.patch.object(pdf, "render_certificate_pdf", return_value=b"%PDF-") as r:
        pdf.certificate_pdf(certificate, request=request)
    kwargs = r.call_args.kwargs
    assert kwargs["language"] == "nl"
    assert kwargs["verify_url"] == f"http://testserver/verify/{certificate.code}/"


def test_certificate_pdf_is_cached_until_something_printed_changes(
    certificate, certificate_settings
):
    request = RequestFactory().get("/")
    with mock.patch.object(pdf, "render_certificate_pdf", return_value=b"%PDF-") as r:
        assert pdf.certificate_pdf(certificate, request=request) == b"%PDF-"
        pdf.certificate_pdf(certificate, request=RequestFactory().get("/"))
        assert r.call_count == 1

        certificate.revoked_at = timezone.now()
        certificate.save()
        pdf.certificate_pdf(certificate, request=RequestFactory().get("/"))
        assert r.call_count == 2

        certificate_settings.signatory_name = "Piet Pietersen"
        certificate_settings.save()
        pdf.certificate_pdf(certificate, request=RequestFactory().get("/"))
        assert r.call_count == 3

        certificate.holder.language = "en"
        pdf.certificate_pdf(certificate, request=RequestFactory().get("/"))
        assert r.call_count == 4


# The download view ---------------------------------------------------------


def in_group(name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def hub(holder):
    unit = organisation.create_unit(name="Hub")
    organisation.join_role(user=holder, unit=unit)
    return unit


def url_for(certificate):
    return reverse("certification:certificate_pdf", args=[certificate.code])


def test_anonymous_is_sent_to_log_in(client, certificate):
    response = client.get(url_for(certificate))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["holder", "hr", "manager"])
def test_holder_hr_and_managers_download(client, certificate, hub, home_page, who):
    if who == "holder":
        user = certificate.holder
    elif who == "hr":
        user = in_group("HR")
    else:
        user = in_group("Hub managers")
        hub.managers.add(user)
    client.force_login(user)
    response = client.get(url_for(certificate))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="certificate-crisis-communication-lead.pdf"'
    )
    assert response["Cache-Control"] == "private"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("who", ["other_manager", "learner"])
def test_others_are_refused(client, certificate, hub, who):
    user = in_group("Hub managers") if who == "other_manager" else UserFactory()
    if who == "other_manager":
        organisation.create_unit(name="Marketing").managers.add(user)
    client.force_login(user)
    with mock.patch.object(pdf, "render_certificate_pdf") as r:
        response = client.get(url_for(certificate))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not r.called


def test_unknown_code_is_not_found(client, holder):
    client.force_login(holder)
    response = client.get(
        reverse("certification:certificate_pdf", args=["no-such-code"])
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
