"""Who may open the audit trail and the personal-data screens, and erasing
a person through them."""

import json
import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from certification import data_requests
from tests.factories import UserFactory
from tests.hr.conftest import EMAIL, NAME

pytestmark = pytest.mark.django_db

OK, DENIED = "ok", "denied"
USERS = ["anonymous", "learner", "manager", "editor", "hr", "superuser"]
ALLOWED = {"hr", "superuser"}


def login(client, hub, kind):
    if kind == "superuser":
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
    elif kind != "anonymous":
        client.force_login(getattr(hub, kind))


def outcome(response):
    if response.status_code == HTTPStatus.OK:
        return OK
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN), (
        response.status_code
    )
    return DENIED


def screens(person):
    return [
        reverse("hub_audit_trail"),
        reverse("hub_audit_trail_results"),
        reverse("hub_audit_trail") + "?export=csv",
        reverse("hub_personal_data:index"),
        reverse("hub_personal_data:index") + f"?q={person.email}",
        reverse("hub_personal_data:person", args=[person.pk]),
        reverse("hub_personal_data:erase", args=[person.pk]),
    ]


@pytest.mark.parametrize("kind", USERS)
def test_only_hr_and_administrators_open_the_screens(client, hub, subject, kind):
    login(client, hub, kind)
    want = OK if kind in ALLOWED else DENIED
    for url in screens(subject):
        assert outcome(client.get(url)) == want, f"{kind} GET {url}"


@pytest.mark.parametrize("kind", USERS)
def test_only_hr_and_administrators_download(client, hub, subject, kind):
    login(client, hub, kind)
    response = client.post(reverse("hub_personal_data:export", args=[subject.pk]))
    allowed = kind in ALLOWED
    assert outcome(response) == (OK if allowed else DENIED)
    assert ModelLogEntry.objects.filter(action="cms.export_person").exists() is allowed


@pytest.mark.parametrize("kind", USERS)
def test_only_hr_and_administrators_erase(client, hub, subject, kind):
    login(client, hub, kind)
    response = client.post(
        reverse("hub_personal_data:erase", args=[subject.pk]),
        {"confirmation": "WISSEN"},
    )
    subject.refresh_from_db()
    if kind in ALLOWED:
        assert response.status_code == HTTPStatus.FOUND
        assert data_requests.is_erased(subject)
    else:
        assert outcome(response) == DENIED
        assert subject.name == NAME and subject.is_active


def test_the_menus_show_the_screens_to_hr_only(client, hub):
    for kind, shown in (("hr", True), ("manager", False), ("editor", False)):
        client.force_login(getattr(hub, kind))
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (reverse("hub_audit_trail") in html) is shown, kind
        assert (reverse("hub_personal_data:index") in html) is shown, kind


@pytest.fixture
def hr_client(client, hub):
    client.force_login(hub.hr)
    return client


def test_hr_finds_a_person_by_name_email_or_number(hr_client, subject):
    url = reverse("hub_personal_data:index")
    for query in ("quintel", EMAIL.upper(), "E-20417"):
        found = list(hr_client.get(url, {"q": query}).context["object_list"])
        assert found == [subject], query


def test_the_download_is_the_export(hr_client, subject, hub):
    response = hr_client.post(reverse("hub_personal_data:export", args=[subject.pk]))
    assert response["Content-Type"] == "application/json"
    assert f"personal-data-{subject.pk}.json" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document["profile"]["email"] == EMAIL
    assert ModelLogEntry.objects.get(action="cms.export_person").user == hub.hr


def test_a_get_does_not_download(hr_client, subject):
    """An audited download must not be taken by a link or an image."""
    url = reverse("hub_personal_data:export", args=[subject.pk])
    for method in (hr_client.get, hr_client.head):
        assert method(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert not ModelLogEntry.objects.filter(action="cms.export_person").exists()


def test_the_download_needs_the_csrf_token_of_the_person_page(hub, subject):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hub.hr)
    url = reverse("hub_personal_data:export", args=[subject.pk])
    assert client.post(url).status_code == HTTPStatus.FORBIDDEN
    assert not ModelLogEntry.objects.filter(action="cms.export_person").exists()

    html = client.get(reverse("hub_personal_data:person", args=[subject.pk]))
    form = re.search(
        rf'<form method="post" action="{re.escape(url)}">(.*?)</form>',
        html.content.decode(),
        re.DOTALL,
    )
    assert form, "the person page has no download form"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form[1])[1]
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == HTTPStatus.OK
    assert json.loads(response.content)["profile"]["email"] == EMAIL
    assert ModelLogEntry.objects.get(action="cms.export_person").user == hub.hr


def test_erasing_needs_the_email_or_the_word(hr_client, subject):
    url = reverse("hub_personal_data:erase", args=[subject.pk])
    for typed in ("", "erase please", "someone@example.org"):
        response = hr_client.post(url, {"confirmation": typed})
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.context["form"].errors
    subject.refresh_from_db()
    assert subject.name == NAME
    response = hr_client.post(url, {"confirmation": EMAIL.upper()})
    assert response.status_code == HTTPStatus.FOUND
    subject.refresh_from_db()
    assert data_requests.is_erased(subject)


def test_a_repeated_erase_post_neither_fails_nor_logs_twice(hr_client, subject):
    url = reverse("hub_personal_data:erase", args=[subject.pk])
    first = hr_client.post(url, {"confirmation": EMAIL})
    second = hr_client.post(url, {"confirmation": EMAIL})
    person_url = reverse("hub_personal_data:person", args=[subject.pk])
    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert first["Location"] == second["Location"] == person_url
    assert ModelLogEntry.objects.filter(action="cms.erase_person").count() == 1
    page = hr_client.get(person_url)
    assert page.status_code == HTTPStatus.OK
    assert page.context["erased"]


def test_hr_cannot_erase_themselves(hr_client, hub):
    url = reverse("hub_personal_data:erase", args=[hub.hr.pk])
    page = hr_client.get(url)
    assert page.context["refusal"]
    response = hr_client.post(url, {"confirmation": "WISSEN"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    hub.hr.refresh_from_db()
    assert hub.hr.is_active


def test_the_person_page_issues_a_fixed_number_of_queries(
    hr_client, subject, django_assert_max_num_queries
):
    url = reverse("hub_personal_data:person", args=[subject.pk])
    hr_client.get(url)
    with django_assert_max_num_queries(12):
        hr_client.get(url)


def speaking(client, person, language):
    person.language = language
    person.save()
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = language
    profile.save()
    client.force_login(person)
    return client


@pytest.mark.parametrize(
    "language, word, other", [("nl", "WISSEN", "ERASE"), ("en", "ERASE", "WISSEN")]
)
def test_the_confirmation_word_is_the_screens(
    client, hub, subject, language, word, other
):
    speaking(client, hub.hr, language)
    url = reverse("hub_personal_data:erase", args=[subject.pk])
    form = client.get(url).context["form"]
    assert word in form["confirmation"].label
    refused = client.post(url, {"confirmation": other})
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert word in refused.context["form"].errors["confirmation"][0]
    subject.refresh_from_db()
    assert not data_requests.is_erased(subject)
    assert client.post(url, {"confirmation": word}).status_code == HTTPStatus.FOUND
    subject.refresh_from_db()
    assert data_requests.is_erased(subject)


@pytest.mark.parametrize(
    "language, name, reason",
    [("nl", "Gewiste persoon", "gewist"), ("en", "Erased person", "erased")],
)
def test_an_erased_person_and_the_reason_read_in_the_screens_language(
    client, hub, subject, language, name, reason
):
    data_requests.erase_person(person=subject, by=hub.hr)
    erased = f"{name} #{subject.pk}"
    speaking(client, hub.hr, language)
    person = client.get(reverse("hub_personal_data:person", args=[subject.pk]))
    assert f"<td>{erased}</td>" in person.content.decode()
    certificates = client.get(reverse("hub_certificates:index")).content.decode()
    assert f"{erased}</th>" in certificates
    assert f"<small>{reason}</small>" in certificates
    trail = client.get(reverse("hub_audit_trail"), {"action": "cms.erase_person"})
    (row,) = trail.context["object_list"]
    assert row.object == erased
    revoked = client.get(
        reverse("hub_audit_trail"), {"action": "certification.revoke"}
    ).context["object_list"]
    assert any(row.details.endswith(f": {reason}") for row in revoked)


def test_the_reports_download_buttons_speak_dutch(client, hub):
    html = speaking(client, hub.hr, "nl").get(reverse("hub_audit_trail"))
    html = html.content.decode()
    assert "XLSX downloaden" in html and "CSV downloaden" in html
    assert "Download XLSX" not in html and "Download CSV" not in html
