"""Certificates and readiness through the API."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certification import services
from certification.models import Certificate, Certification
from lms.organisation import services as organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LIST = "/api/v1/certificates"


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def crisis(hub):
    certification = Certification.objects.create(name="Crisis", validity_months=12)
    certification.roles.add(hub.role)
    return certification


def holding(person, certification, ends_in_days, *, started_days_ago=30):
    today = timezone.localdate()
    certificate = services.issue_certificate(
        holder=person,
        certification=certification,
        valid_from=today - timedelta(days=started_days_ago),
    )
    certificate.valid_until = today + timedelta(days=ends_in_days)
    certificate.save()
    return certificate


@pytest.fixture
def certs(hub, crisis):
    class Certs:
        learner = holding(hub.learner, crisis, 200)
        outsider = holding(hub.outsider, crisis, 20)

    return Certs


def test_who_sees_which_certificates(hub, certs, api_for):
    every = {certs.learner.pk, certs.outsider.pk}
    assert set(ids(api_for(hub.hr, write=False).get(LIST))) == every
    assert ids(api_for(hub.manager, write=False).get(LIST)) == [certs.learner.pk]
    assert ids(api_for(hub.other_manager, write=False).get(LIST)) == [certs.outsider.pk]
    assert api_for(hub.learner, write=False).get(LIST).status_code == 403
    manager = api_for(hub.manager, write=False)
    assert manager.get(f"{LIST}/{certs.outsider.pk}").status_code == 404
    assert manager.get(f"{LIST}/{certs.learner.pk}").status_code == 200


def test_a_certificate_as_the_api_gives_it(hub, certs, crisis, api_for):
    body = api_for(hub.hr, write=False).get(f"{LIST}/{certs.learner.pk}").json()
    assert body["code"] == certs.learner.code
    assert body["holder_id"] == hub.learner.pk
    assert (body["certification_id"], body["certification_name"]) == (
        crisis.pk,
        "Crisis",
    )
    assert body["status"] == "valid"
    assert body["revoked_at"] is None and body["revocation_reason"] == ""
    assert body["successor_id"] is None
    assert body["verify_url"].startswith("http")
    assert body["verify_url"].endswith(
        reverse("certification:verify", args=[certs.learner.code])
    )


def test_filters(hub, certs, crisis, api_for):
    api = api_for(hub.hr, write=False)
    assert ids(api.get(LIST, {"person": hub.learner.pk})) == [certs.learner.pk]
    assert ids(api.get(LIST, {"unit": hub.spoke.pk})) == [certs.learner.pk]
    assert ids(api.get(LIST, {"unit": hub.other_spoke.pk})) == [certs.outsider.pk]
    other = Certification.objects.create(name="Other", validity_months=12)
    assert ids(api.get(LIST, {"certification": other.pk})) == []
    assert len(ids(api.get(LIST, {"certification": crisis.pk}))) == 2
    assert ids(api.get(LIST, {"status": "expiring"})) == [certs.outsider.pk]
    assert ids(api.get(LIST, {"status": "valid"})) == [certs.learner.pk]
    soon = (timezone.localdate() + timedelta(days=30)).isoformat()
    assert ids(api.get(LIST, {"expiring_before": soon})) == [certs.outsider.pk]
    assert api.get(LIST, {"status": "lost"}).status_code == 400
    # A manager's filter never reaches beyond their people.
    manager = api_for(hub.manager, write=False)
    assert ids(manager.get(LIST, {"unit": hub.other_spoke.pk})) == []


def test_changed_since_covers_issue_revoke_and_reinstate(hub, certs, api_for):
    api = api_for(hub.hr, write=False)
    since = timezone.now()
    Certificate.objects.update(issued_at=since - timedelta(days=3))
    assert ids(api.get(LIST, {"changed_since": since.isoformat()})) == []
    services.revoke(certificate=certs.learner, by=hub.manager, reason="Wrong person")
    assert ids(api.get(LIST, {"changed_since": since.isoformat()})) == [
        certs.learner.pk
    ]
    revoked = api.get(f"{LIST}/{certs.learner.pk}").json()
    assert revoked["status"] == "revoked"
    assert revoked["revocation_reason"] == "Wrong person"
    Certificate.objects.update(revoked_at=since - timedelta(days=1))
    services.reinstate(certificate=certs.learner, by=hub.manager)
    assert ids(api.get(LIST, {"changed_since": since.isoformat()})) == [
        certs.learner.pk
    ]


def test_a_renewal_names_its_successor(hub, certs, crisis, api_for):
    renewal = services.issue_certificate(
        holder=hub.learner,
        certification=crisis,
        valid_from=certs.learner.valid_until + timedelta(days=1),
        previous=certs.learner,
    )
    api = api_for(hub.hr, write=False)
    assert api.get(f"{LIST}/{certs.learner.pk}").json()["successor_id"] == renewal.pk
    body = api.get(f"{LIST}/{renewal.pk}").json()
    assert body["previous_id"] == certs.learner.pk and body["status"] == "pending"


def test_the_list_takes_bounded_queries(
    hub, crisis, api_for, django_assert_max_num_queries
):
    for number in range(40):
        person = UserFactory(name=f"Person {number}")
        organisation.join_role(user=person, unit=hub.team, role=hub.role)
        holding(person, crisis, number * 5)
    for user in (hub.hr, hub.manager):
        api = api_for(user, write=False)
        with django_assert_max_num_queries(12):
            response = api.get(LIST, {"page_size": 100, "unit": hub.spoke.pk})
        assert len(response.json()["results"]) == 40
        with django_assert_max_num_queries(12):
            response = api.get("/api/v1/readiness")
        assert response.status_code == 200


# Verify


def test_verify_shows_what_the_public_page_shows(hub, certs, api_for):
    services.revoke(certificate=certs.learner, by=hub.manager, reason="Secret reason")
    api = api_for(hub.learner, write=False)
    printed = "-".join(
        certs.learner.code[i : i + 4] for i in range(0, len(certs.learner.code), 4)
    ).lower()
    response = api.get(f"{LIST}/verify/{printed}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "revoked"
    assert body["holder_name"] == "Learner Webcare"
    assert body["certification_name"] == "Crisis"
    assert body["revoked_on"] == timezone.localdate().isoformat()
    assert "Secret reason" not in response.content.decode()
    assert api.get(f"{LIST}/verify/NOSUCHCODE").status_code == 404


# Revoke and reinstate


def test_revoke_and_reinstate_with_a_reason(hub, certs, api_for):
    api = api_for(hub.manager, name="HR system")
    url = f"{LIST}/{certs.learner.pk}"
    response = api.post(f"{url}/revoke", {"reason": "Left the team"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "revoked"
    certs.learner.refresh_from_db()
    assert certs.learner.revocation_reason == "Left the team"
    write = ModelLogEntry.objects.get(action="lms.api_write")
    assert write.data["token"] == "HR system" and write.user == hub.manager
    revoke = ModelLogEntry.objects.get(action="certification.revoke")
    assert revoke.uuid == write.uuid
    # Twice is refused and changes nothing.
    again = api.post(f"{url}/revoke", {"reason": "Other"})
    assert again.status_code == 400 and again.json()["errors"]
    certs.learner.refresh_from_db()
    assert certs.learner.revocation_reason == "Left the team"
    assert ModelLogEntry.objects.filter(action="lms.api_write").count() == 1

    response = api.post(f"{url}/reinstate", {"reason": "Came back"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "valid"
    reinstate = ModelLogEntry.objects.get(action="certification.reinstate")
    assert reinstate.data["reason"] == "Came back"
    assert reinstate.data["was_revoked_for"] == "Left the team"
    assert api.post(f"{url}/reinstate", {"reason": "x"}).status_code == 400


@pytest.mark.parametrize(
    "body", [{}, {"reason": ""}, {"reason": "x" * 301}, {"reason": 5}, []]
)
def test_a_bad_body_is_a_400_and_changes_nothing(hub, certs, api_for, body):
    response = api_for(hub.manager).post(f"{LIST}/{certs.learner.pk}/revoke", body)
    assert response.status_code == 400
    assert response.json()["detail"] and response.json()["errors"]
    certs.learner.refresh_from_db()
    assert certs.learner.revoked_at is None


def test_a_blank_reason_is_refused_by_the_service(hub, certs, api_for):
    response = api_for(hub.manager).post(
        f"{LIST}/{certs.learner.pk}/revoke", {"reason": "   "}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "reason"
    assert not ModelLogEntry.objects.filter(action="lms.api_write").exists()


def test_not_json_is_a_400(hub, certs, api_for, client):
    api = api_for(hub.manager)
    response = client.post(
        f"{LIST}/{certs.learner.pk}/revoke",
        "{not json",
        content_type="application/json",
        headers=api.headers,
    )
    assert response.status_code == 400 and response.json()["detail"]
    certs.learner.refresh_from_db()
    assert certs.learner.revoked_at is None


@pytest.mark.parametrize(
    "kind, write, status",
    [
        ("manager", False, 403),  # a read token
        ("hr", True, 403),  # HR reads everything, changes nothing
        ("learner", True, 403),
        ("editor", True, 403),
        ("other_manager", True, 404),  # beyond their people
    ],
)
def test_who_may_not_revoke(hub, certs, api_for, kind, write, status):
    api = api_for(getattr(hub, kind), write=write)
    response = api.post(f"{LIST}/{certs.learner.pk}/revoke", {"reason": "No"})
    assert response.status_code == status
    assert response.json()["detail"]
    certs.learner.refresh_from_db()
    assert certs.learner.revoked_at is None
    assert not ModelLogEntry.objects.filter(action="lms.api_write").exists()


# Readiness


def test_readiness_is_what_the_screen_shows(hub, crisis, api_for, client):
    soon, later = UserFactory(name="A"), UserFactory(name="B")
    for person in (soon, later):
        organisation.join_role(user=person, unit=hub.spoke, role=hub.role)
    holding(soon, crisis, 20)
    holding(later, crisis, 75)
    entries = api_for(hub.manager, write=False).get("/api/v1/readiness").json()
    by_unit = {entry["unit_id"]: entry for entry in entries}
    assert set(by_unit) == {hub.spoke.pk, hub.team.pk}
    spoke = by_unit[hub.spoke.pk]
    assert spoke["role_id"] == hub.role.pk and spoke["member_count"] == 2
    assert spoke["certified_count"] == 2
    lapsing = {item["within_days"]: item for item in spoke["lapsing"]}
    assert lapsing[30]["count"] == 1
    assert [item["person_id"] for item in lapsing[30]["people"]] == [soon.pk]
    assert lapsing[60]["count"] == 1 and lapsing[90]["count"] == 2
    assert by_unit[hub.team.pk]["not_certified_ids"] == [hub.learner.pk]

    client.force_login(hub.manager)
    screen = client.get(reverse("hub_readiness:index")).context["entries"]
    assert [
        (e.role.pk, e.unit.pk, len(e.members), e.certified_count) for e in screen
    ] == [
        (e["role_id"], e["unit_id"], e["member_count"], e["certified_count"])
        for e in entries
    ]


def test_readiness_by_unit_and_scope(hub, crisis, api_for):
    hr = api_for(hub.hr, write=False)
    units = {e["unit_id"] for e in hr.get("/api/v1/readiness").json()}
    assert units == {hub.team.pk, hub.other_spoke.pk}
    only = hr.get("/api/v1/readiness", {"unit": hub.spoke.pk}).json()
    assert [e["unit_id"] for e in only] == [hub.team.pk]
    other = api_for(hub.other_manager, write=False)
    assert other.get("/api/v1/readiness", {"unit": hub.spoke.pk}).json() == []
    assert api_for(hub.learner, write=False).get("/api/v1/readiness").status_code == 403


def test_the_openapi_document_describes_every_certification_operation(client):
    document = client.get("/api/v1/openapi.json").json()
    operations = [
        operation
        for path, item in document["paths"].items()
        if path.startswith(("/api/v1/certificates", "/api/v1/readiness"))
        for operation in item.values()
    ]
    assert len(operations) == 6
    for operation in operations:
        assert {"200", "400", "401", "403", "429"} <= set(operation["responses"])
