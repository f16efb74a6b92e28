"""People, units, roles and memberships through the API, and the HR sync."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import ModelLogEntry

from lms.models import OrgUnit, Role, RoleMembership, RoleRequirement
from lms.organisation import services as organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def every_page(api, path, **query):
    """Every record of a list, following ``next`` to the end."""
    seen, url, data = [], path, query
    while url:
        response = api.get(url, data)
        seen.extend(ids(response))
        url, data = response.json()["next"], None
    return seen


def test_hr_sees_everyone_a_manager_their_units(hub, api_for):
    everyone = every_page(api_for(hub.hr, write=False), "/api/v1/people")
    assert {hub.learner.pk, hub.outsider.pk, hub.manager.pk} <= set(everyone)
    theirs = every_page(api_for(hub.manager, write=False), "/api/v1/people")
    assert hub.learner.pk in theirs and hub.outsider.pk not in theirs


def test_a_person_with_their_memberships(hub, api_for):
    api = api_for(hub.hr, write=False)
    person = api.get(f"/api/v1/people/{hub.learner.pk}").json()
    assert person["email"] == hub.learner.email
    assert person["name"] == "Learner Webcare"
    assert [(item["unit_id"], item["role_id"]) for item in person["memberships"]] == [
        (hub.team.pk, hub.role.pk)
    ]
    manager = api_for(hub.manager, write=False)
    assert manager.get(f"/api/v1/people/{hub.outsider.pk}").status_code == 404
    assert manager.get("/api/v1/people/999999").status_code == 404


def test_people_filters(hub, api_for):
    api = api_for(hub.hr, write=False)
    assert ids(api.get("/api/v1/people", {"email": hub.learner.email.upper()})) == [
        hub.learner.pk
    ]
    in_webcare = ids(api.get("/api/v1/people", {"unit": hub.spoke.pk}))
    assert in_webcare == [hub.learner.pk]
    holders = ids(api.get("/api/v1/people", {"role": hub.role.pk}))
    assert set(holders) == {hub.learner.pk, hub.outsider.pk}
    # A manager's filter never reaches beyond their units.
    manager = api_for(hub.manager, write=False)
    assert ids(manager.get("/api/v1/people", {"unit": hub.other_spoke.pk})) == []


def test_units_with_their_paths_and_managers(hub, api_for):
    api = api_for(hub.hr, write=False)
    units = {unit["id"]: unit for unit in api.get("/api/v1/units").json()["results"]}
    assert units[hub.team.pk]["path"] == "Hub/Webcare/Night shift"
    assert units[hub.team.pk]["parent_id"] == hub.spoke.pk
    assert units[hub.spoke.pk]["manager_ids"] == [hub.manager.pk]
    theirs = ids(api_for(hub.manager, write=False).get("/api/v1/units"))
    assert set(theirs) == {hub.spoke.pk, hub.team.pk}


def test_lists_take_bounded_queries(hub, api_for, django_assert_max_num_queries):
    for number in range(30):
        person = UserFactory(name=f"Person {number}")
        organisation.join_role(user=person, unit=hub.team, role=hub.role)
        unit = organisation.create_unit(name=f"Team {number}", parent=hub.spoke)
        unit.managers.add(person)
    api = api_for(hub.hr, write=False)
    for path in (
        "/api/v1/people",
        "/api/v1/units",
        "/api/v1/roles",
        "/api/v1/memberships",
    ):
        with django_assert_max_num_queries(12):
            response = api.get(path, {"page_size": 100})
        assert response.status_code == 200


def test_pages_skip_and_repeat_nothing_under_inserts(hub, api_for):
    for _ in range(25):
        organisation.join_role(user=UserFactory(), unit=hub.team, role=hub.role)
    api = api_for(hub.hr, write=False)
    before = set(User.objects.filter(is_active=True).values_list("pk", flat=True))
    seen, url, data = [], "/api/v1/people", {"page_size": 7}
    while url:
        response = api.get(url, data)
        seen.extend(ids(response))
        # Someone joins between every two pages.
        organisation.join_role(user=UserFactory(), unit=hub.team, role=hub.role)
        url, data = response.json()["next"], None
    assert len(seen) == len(set(seen))
    assert before <= set(seen)


@pytest.mark.parametrize("cursor", ["nonsense", "cD1hYmM=", "cD0xJm89OTk5", "%00"])
def test_a_bad_cursor_is_a_400(hub, api_for, cursor):
    response = api_for(hub.hr, write=False).get("/api/v1/people", {"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["errors"]


def test_roles_with_their_courses(hub, api_for, course):
    RoleRequirement.objects.create(role=hub.role, course=course, due_within_days=14)
    role = api_for(hub.manager, write=False).get("/api/v1/roles").json()["results"]
    assert role[0]["required_courses"] == [
        {"course_id": course.pk, "due_within_days": 14}
    ]


def test_memberships_with_history_and_changes(hub, api_for):
    ended = organisation.join_role(user=hub.learner, unit=hub.spoke)
    organisation.leave_role(membership=ended)
    api = api_for(hub.hr, write=False)
    current = ids(
        api.get("/api/v1/memberships", {"person": hub.learner.pk, "current": True})
    )
    assert current == [hub.membership.pk]
    past = ids(
        api.get("/api/v1/memberships", {"person": hub.learner.pk, "current": False})
    )
    assert past == [ended.pk]
    manager = api_for(hub.other_manager, write=False)
    assert ids(manager.get("/api/v1/memberships", {"person": hub.learner.pk})) == []


# The HR sync


def person(email, **fields):
    return {
        "email": email,
        "name": email.split("@")[0].title(),
        "unit": "Hub/Webcare",
        **fields,
    }


SYNC = "/api/v1/people/sync"


def test_hr_syncs_ten_people_into_a_unit_and_a_role(hub, api_for):
    api = api_for(hub.hr)
    people = [person(f"p{n}@example.org", roles=["Webcare agent"]) for n in range(10)]
    response = api.post(SYNC, {"people": people})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["people_created"] == 10 and body["memberships_created"] == 10
    assert len(body["people"]) == 10
    assert (
        RoleMembership.objects.current()
        .filter(unit=hub.spoke, role=hub.role, user_id__in=body["people"])
        .count()
        == 10
    )
    # The same request again changes nothing.
    again = api.post(SYNC, {"people": people}).json()
    assert again["people_created"] == 0 and again["memberships_created"] == 0
    assert again["people"] == body["people"]


def test_a_sync_is_in_the_audit_trail_with_the_token_name(hub, api_for):
    api = api_for(hub.hr, name="AFAS nightly")
    api.post(SYNC, {"people": [person("new@example.org", roles=["Webcare agent"])]})
    write = ModelLogEntry.objects.get(action="lms.api_write")
    assert write.data["token"] == "AFAS nightly"
    assert write.user == hub.hr
    imported = ModelLogEntry.objects.get(action="lms.import_people")
    joined = ModelLogEntry.objects.get(action="lms.join_role", data__person="New")
    assert imported.uuid == write.uuid == joined.uuid


def test_one_bad_record_and_nothing_is_written(hub, api_for):
    api = api_for(hub.hr)
    response = api.post(
        SYNC,
        {
            "people": [
                person("good@example.org"),
                person("bad-address", roles=["No such role"]),
                person("good@example.org"),
                person("other@example.org", unit="Hub/Nowhere"),
            ]
        },
    )
    assert response.status_code == 400
    body = response.json()
    found = {(error["record"], error["field"]) for error in body["errors"]}
    assert {(1, "email"), (1, "roles"), (2, "email"), (3, "unit")} <= found
    assert all(error["message"] for error in body["errors"])
    assert (
        not User.objects.filter(email__endswith="@example.org")
        .filter(email__in=["good@example.org", "other@example.org"])
        .exists()
    )
    assert not ModelLogEntry.objects.filter(action="lms.api_write").exists()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"people": []},
        {"people": "everyone"},
        {"people": [{"name": "No address", "unit": "Hub"}]},
        {
            "people": [
                {"email": "x@example.org", "unit": "Hub", "roles": "Webcare agent"}
            ]
        },
        {"people": [{"email": "x@example.org", "unit": "Hub", "name": "x" * 151}]},
        {"people": [person("x@example.org")], "dry_run": "perhaps"},
    ],
)
def test_a_malformed_body_is_a_400_naming_the_field(hub, api_for, body):
    response = api_for(hub.hr).post(SYNC, body)
    assert response.status_code == 400
    assert response.json()["detail"]
    assert response.json()["errors"]
    assert not User.objects.filter(email="x@example.org").exists()


def test_not_json_is_a_400(hub, api_for, client):
    api = api_for(hub.hr)
    response = client.post(
        SYNC, "{not json", content_type="application/json", headers=api.headers
    )
    assert response.status_code == 400
    assert response.json()["detail"]


def test_a_dry_run_counts_and_writes_nothing(hub, api_for):
    api = api_for(hub.hr)
    response = api.post(SYNC, {"people": [person("new@example.org")], "dry_run": True})
    assert response.json()["people_created"] == 1
    assert response.json()["dry_run"] is True
    assert not User.objects.filter(email="new@example.org").exists()
    assert not ModelLogEntry.objects.filter(action="lms.api_write").exists()


def test_units_are_created_only_when_asked(hub, api_for):
    api = api_for(hub.hr)
    body = {"people": [person("new@example.org", unit="Hub/Recruitment")]}
    assert api.post(SYNC, body).status_code == 400
    assert api.post(SYNC, {**body, "create_units": True}).status_code == 200
    assert OrgUnit.objects.filter(name="Recruitment").exists()


def test_a_manager_syncs_only_into_their_units(hub, api_for):
    api = api_for(hub.manager)
    response = api.post(
        SYNC, {"people": [person("new@example.org", unit="Hub/Marketing")]}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "unit"
    ok = api.post(SYNC, {"people": [person("new@example.org", unit="Hub/Webcare")]})
    assert ok.status_code == 200


@pytest.mark.parametrize("kind", ["learner", "editor", "coordinator"])
def test_who_may_not_sync(hub, api_for, kind):
    response = api_for(getattr(hub, kind)).post(
        SYNC, {"people": [person("n@example.org")]}
    )
    assert response.status_code == 403
    assert not User.objects.filter(email="n@example.org").exists()


def test_role_names_are_the_roles_of_the_import(hub, api_for):
    Role.objects.create(name="Crisis lead")
    api = api_for(hub.hr)
    response = api.post(
        SYNC,
        {
            "people": [
                person("lead@example.org", roles=["crisis LEAD", "Webcare agent"])
            ]
        },
    )
    assert response.json()["memberships_created"] == 2


def test_the_audit_trail_names_the_token(hub, api_for):
    from lms.audit import services as audit

    api = api_for(hub.hr, name="AFAS nightly")
    api.post(SYNC, {"people": [person("new@example.org", roles=["Webcare agent"])]})
    rows = {}
    for entry in audit.audit_entries():  # newest first
        rows.setdefault(entry.action, audit.describe(entry))
    for action in ("lms.import_people", "lms.join_role", "lms.api_write"):
        assert "through the API token 'AFAS nightly'" in rows[action].who
    assert "POST /api/v1/people/sync" in rows["lms.api_write"].details
    # Entries made on the screens name no token.
    assert "through the API" not in rows["lms.api_token_create"].who


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/people/9223372036854775808",
        "/api/v1/units/99999999999999999999",
    ],
)
def test_an_id_beyond_a_key_column_is_no_record(hub, api_for, path):
    response = api_for(hub.hr, write=False).get(path)
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "path, query",
    [
        ("/api/v1/people", {"unit": "9223372036854775808"}),
        ("/api/v1/memberships", {"person": "-1"}),
        ("/api/v1/completions", {"course": "1e30"}),
        ("/api/v1/certificates", {"certification": "9223372036854775808"}),
        ("/api/v1/reports/completion", {"role": "99999999999999999999"}),
    ],
)
def test_an_id_beyond_a_key_column_is_a_400(hub, api_for, path, query):
    response = api_for(hub.hr, write=False).get(path, query)
    assert response.status_code == 400
    assert response.json()["errors"]


def test_any_other_address_is_a_json_404(hub, client):
    strict = Client(enforce_csrf_checks=True)
    for method in ("get", "post"):
        response = getattr(strict, method)("/api/v1/assignments/null,null/withdraw")
        assert response.status_code == 404
        assert response.json()["detail"]
