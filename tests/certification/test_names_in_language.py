"""Certification names in the reader's language on pages, and in the
holder's on the PDF, the credential and mails (issue 11, item 16)."""

import base64
import json
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from certification import pdf, services
from certification.models import Certification
from certification.settings_models import CertificateSettings
from lms.assignments import services as assignments
from lms.models import TrainingAssignment

pytestmark = pytest.mark.django_db

DUTCH, ENGLISH = "Crisiscommunicatie", "Crisis communication"


@pytest.fixture(autouse=True)
def _keys(settings, tmp_path):
    settings.CERTIFICATION_KEYS_DIR = tmp_path / "keys"
    settings.CERTIFICATION_SIGNING_KEY_FILE = None
    settings.CERTIFICATION_RETIRED_KEYS_DIR = None


@pytest.fixture
def certification(course):
    certification = Certification.objects.create(
        name=DUTCH,
        description="Leidt de hub door een crisis.",
        criteria="Alle modules afgerond.",
        validity_months=12,
        translations={
            "en": {
                "name": ENGLISH,
                "description": "Leads the hub through a crisis.",
                "criteria": "Completed every module.",
            }
        },
    )
    certification.courses.add(course)
    return certification


@pytest.fixture
def certificate(hub, certification):
    return services.issue_certificate(
        holder=hub.learner,
        certification=certification,
        valid_from=timezone.localdate() - timedelta(days=1),
    )


def holder_speaks(certificate, language):
    certificate.holder.language = language
    certificate.holder.save(update_fields=["language"])


def test_the_name_follows_the_active_language(certification):
    with translation.override("en"):
        assert str(certification) == certification.localized_name == ENGLISH
        assert certification.localized_criteria == "Completed every module."
    with translation.override("nl"):
        assert str(certification) == DUTCH
    # A text left untranslated reads as written.
    certification.translations = {"en": {"name": ENGLISH}}
    with translation.override("en"):
        assert certification.localized_description == "Leidt de hub door een crisis."
    untranslated = Certification.objects.create(name="Webcare")
    with translation.override("en"):
        assert untranslated.localized_name == "Webcare"


@pytest.mark.parametrize(
    "language, shown, hidden", [("en", ENGLISH, DUTCH), ("nl", DUTCH, ENGLISH)]
)
def test_the_verification_page_speaks_the_visitors_language(
    client, certificate, language, shown, hidden
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("certification:verify", args=[certificate.code])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert shown in html and hidden not in html


@pytest.mark.parametrize(
    "language, shown, hidden", [("en", ENGLISH, DUTCH), ("nl", DUTCH, ENGLISH)]
)
def test_pages_show_the_name_in_the_readers_language(
    client, hub, certificate, language, shown, hidden
):
    for person, url in (
        (hub.learner, reverse("lms:my_learning")),
        (hub.hr, reverse("hub_certificates:index")),
        (hub.hr, reverse("hub_reports_certificates")),
        (hub.hr, reverse("hub_reports_certificates") + "?export=csv"),
        (hub.coordinator, reverse("hub_certifications:index")),
    ):
        person.language = language
        person.save(update_fields=["language"])
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        html = (
            b"".join(response.streaming_content).decode("utf-8-sig")
            if response.streaming
            else response.content.decode()
        )
        assert shown in html, url
        assert hidden not in html, url


@pytest.mark.parametrize(
    "language, shown, hidden", [("en", ENGLISH, DUTCH), ("nl", DUTCH, ENGLISH)]
)
def test_the_pdf_is_in_the_holders_language(certificate, language, shown, hidden):
    holder_speaks(certificate, language)
    content = pdf.render_certificate_pdf(
        certificate,
        verify_url="https://academy.example.org/verify/x/",
        settings_obj=CertificateSettings(),
        language=language,
        compress=False,
    )
    assert shown.encode() in content and hidden.encode() not in content


def test_the_downloaded_pdf_is_named_and_printed_in_the_holders_language(
    client, hub, certificate
):
    holder_speaks(certificate, "en")
    client.force_login(hub.manager)  # a Dutch reader
    with translation.override("nl"):
        response = client.get(
            reverse("certification:certificate_pdf", args=[certificate.code])
        )
    assert response.status_code == HTTPStatus.OK
    assert "crisis-communication" in response["Content-Disposition"]


def payload_of(token: str) -> dict:
    body = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


@pytest.mark.parametrize(
    "language, name, criteria",
    [
        ("en", ENGLISH, "Completed every module."),
        ("nl", DUTCH, "Alle modules afgerond."),
    ],
)
def test_the_credential_is_in_the_holders_language_whoever_downloads_it(
    client, hub, certificate, language, name, criteria
):
    holder_speaks(certificate, language)
    hub.hr.language = "nl" if language == "en" else "en"
    hub.hr.save(update_fields=["language"])
    client.force_login(hub.hr)
    response = client.get(reverse("certification:credential", args=[certificate.code]))
    assert response.status_code == HTTPStatus.OK
    credential = payload_of(response.content.decode())
    achievement = credential["credentialSubject"]["achievement"]
    assert credential["name"] == achievement["name"] == name
    assert achievement["criteria"] == {"narrative": criteria}
    assert achievement["inLanguage"] == language


@pytest.mark.parametrize(
    "language, shown, hidden", [("en", ENGLISH, DUTCH), ("nl", DUTCH, ENGLISH)]
)
def test_the_revocation_mail_is_in_the_holders_language(
    hub, certificate, language, shown, hidden, django_capture_on_commit_callbacks
):
    holder_speaks(certificate, language)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.revoke(certificate=certificate, by=hub.manager, reason="Mistake")
    [message] = mail.outbox
    assert shown in message.subject + message.body
    assert hidden not in message.subject + message.body


def test_a_renewal_names_the_certification_in_the_readers_language(
    hub, course, certification
):
    assignments.ensure_assignments(
        user_ids=[hub.learner.pk],
        course=course,
        due_on=timezone.localdate() + timedelta(days=30),
        source=TrainingAssignment.Source.RENEWAL,
        reason_object=certification,
    )
    assignment = TrainingAssignment.objects.with_reason().get(source="renewal")
    with translation.override("en"):
        assert assignment.reason_text == f"To renew the certificate “{ENGLISH}”"
    with translation.override("nl"):
        assert assignment.reason_text == (
            f"Voor verlenging van het certificaat “{DUTCH}”"
        )


def test_the_form_keeps_a_name_per_language(client, hub, course, certification):
    client.force_login(hub.coordinator)
    url = reverse("hub_certifications:edit", args=[certification.pk])
    form = client.get(url).context["form"]
    assert form["name_en"].initial == ENGLISH
    data = {
        "name": DUTCH,
        "description": "",
        "criteria": "Alles af.",
        "name_en": "Crisis comms",
        "description_en": "",
        "criteria_en": "",
        "courses": [course.pk],
        "validity_months": "12",
        "renewal_window_days": "60",
    }
    assert client.post(url, data).status_code == HTTPStatus.FOUND
    certification.refresh_from_db()
    assert certification.translations == {"en": {"name": "Crisis comms"}}
    with translation.override("en"):
        # Left empty in English: as written in Dutch.
        assert certification.localized_criteria == "Alles af."
