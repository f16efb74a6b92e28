"""The certification screens of the Hub menu, for every kind of user."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from certification import services
from certification.models import Certificate, Certification

pytestmark = pytest.mark.django_db

OK, DENIED, HIDDEN = "ok", "denied", "hidden"


@pytest.fixture
def certificate(hub):
    certification = Certification.objects.create(name="Webcare", validity_months=24)
    certification.roles.add(hub.role)
    return services.issue_certificate(
        holder=hub.learner, certification=certification, valid_from=timezone.localdate()
    )


def outcome(response):
    if response.status_code == HTTPStatus.OK:
        return OK
    if response.status_code == HTTPStatus.NOT_FOUND:
        return HIDDEN
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    return DENIED


@pytest.mark.parametrize(
    "kind",
    ["anonymous", "learner", "manager", "other_manager", "hr", "coordinator", "editor"],
)
def test_certification_screens_obey_who_may_see_them(client, hub, certificate, kind):
    if kind != "anonymous":
        client.force_login(getattr(hub, kind))
    screens = {
        reverse("hub_readiness:index"): {"manager": OK, "other_manager": OK, "hr": OK},
        reverse("hub_certificates:index"): {
            "manager": OK,
            "other_manager": OK,
            "hr": OK,
        },
        # HR reads and changes nothing.
        reverse("hub_certificates:revoke", args=[certificate.pk]): {
            "manager": OK,
            "other_manager": HIDDEN,
        },
        reverse("hub_certifications:index"): {
            "manager": OK,
            "other_manager": OK,
            "hr": OK,
            "coordinator": OK,
        },
        # A certification reaches every holder: training coordinators define it.
        reverse("hub_certifications:add"): {"coordinator": OK},
        reverse("hub_certifications:edit", args=[certificate.certification_id]): {
            "coordinator": OK
        },
        reverse("certification:certificate_pdf", args=[certificate.code]): {
            "learner": OK,
            "manager": OK,
            "other_manager": DENIED,
            "hr": OK,
        },
    }
    for url, expected in screens.items():
        assert outcome(client.get(url)) == expected.get(kind, DENIED), (kind, url)


def test_managers_list_only_their_peoples_certificates(client, hub, certificate):
    client.force_login(hub.other_manager)
    page = client.get(reverse("hub_certificates:index")).content.decode()
    assert hub.learner.get_full_name() not in page
    client.force_login(hub.manager)
    assert (
        hub.learner.get_full_name()
        in client.get(reverse("hub_certificates:index")).content.decode()
    )


def test_revoke_and_reinstate_from_the_admin(client, hub, certificate):
    client.force_login(hub.manager)
    url = reverse("hub_certificates:revoke", args=[certificate.pk])
    assert client.post(url, {"reason": ""}).status_code == HTTPStatus.BAD_REQUEST
    assert client.post(url, {"reason": "Exam fraud"}).status_code == HTTPStatus.FOUND
    certificate.refresh_from_db()
    assert certificate.revoked_at and certificate.revocation_reason == "Exam fraud"
    client.post(reverse("hub_certificates:reinstate", args=[certificate.pk]))
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    client.force_login(hub.other_manager)
    assert client.post(url, {"reason": "No"}).status_code == HTTPStatus.NOT_FOUND
    client.force_login(hub.learner)
    client.post(url, {"reason": "No"})
    assert Certificate.objects.get().revoked_at is None


def test_my_learning_links_each_certificate(client, hub, certificate):
    client.force_login(hub.learner)
    page = client.get(reverse("lms:my_learning")).content.decode()
    assert reverse("certification:verify", args=[certificate.code]) in page
    assert reverse("certification:certificate_pdf", args=[certificate.code]) in page
    assert reverse("certification:credential", args=[certificate.code]) in page


def test_certifications_are_edited_with_courses_and_roles(client, hub, course):
    client.force_login(hub.coordinator)
    response = client.post(
        reverse("hub_certifications:add"),
        {
            "name": "Crisis lead",
            "description": "",
            "criteria": "All modules",
            "courses": [course.pk],
            "validity_months": "12",
            "renewal_window_days": "60",
            "roles": [hub.role.pk],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    certification = Certification.objects.get(name="Crisis lead")
    assert list(certification.courses.all()) == [course]


def test_a_spoke_manager_cannot_change_a_certification_of_everyone(
    client, hub, certificate, course
):
    certification = certificate.certification
    data = {
        "name": certification.name,
        "courses": [course.pk],
        "validity_months": "12",
        "renewal_window_days": "60",
    }
    url = reverse("hub_certifications:edit", args=[certification.pk])
    client.force_login(hub.other_manager)

    response = client.post(url, data)

    # Wagtail's refusal: back to the dashboard with its message.
    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, "/admin/")
    certification.refresh_from_db()
    assert certification.validity_months == 24
    # The same form is good: a training coordinator's saves.
    client.force_login(hub.coordinator)
    assert client.post(url, data).status_code == HTTPStatus.FOUND
    certification.refresh_from_db()
    assert certification.validity_months == 12


@pytest.mark.parametrize("url_name", ["revoke", "reinstate"])
def test_hr_cannot_revoke_or_reinstate(client, hub, certificate, url_name):
    if url_name == "reinstate":
        services.revoke(certificate=certificate, by=hub.manager, reason="Fraud")
    before = Certificate.objects.values_list("revoked_at", flat=True).get()
    client.force_login(hub.hr)

    response = client.post(
        reverse(f"hub_certificates:{url_name}", args=[certificate.pk]),
        {"reason": "HR says so"},
    )

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert Certificate.objects.values_list("revoked_at", flat=True).get() == before
