"""Assignments, enrolments, progress, completions and the completion report
through the API: scope, filters, changes since, writes and their refusals."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lms.assignments import services as assignments
from lms.learning import services as learning
from lms.models import AssignmentBatch, TrainingAssignment
from lms.reports import queries
from tests.factories import make_course, text_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def reading(catalogue):
    """A course of one reading module: completed in one step."""
    return make_course(catalogue, bodies=[[text_block()]], slug="reading")


def finish(user, course):
    learning.enrol(user=user, course=course)
    for module in course.get_modules():
        learning.complete_module(user=user, module=module)


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def assign_body(course, **fields):
    return {
        "course": course.pk,
        "target": "role",
        "role": None,
        "due_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "reason": "Crisis season",
        **fields,
    }


def test_a_manager_assigns_to_a_role_with_a_preview_first(hub, api_for, reading):
    api = api_for(hub.manager)
    body = assign_body(reading, role=hub.role.pk)
    preview = api.post("/api/v1/assignments?dry_run=1", body)
    assert preview.status_code == 200, preview.content
    # The manager's units hold one agent (the learner); Marketing's is not theirs.
    assert preview.json() == {
        "dry_run": True,
        "batch_id": None,
        "people": 1,
        "completed": 0,
        "assigned": 0,
    }
    expected = assignments.preview_assignment(
        by=hub.manager, course=reading, target="role", role=hub.role
    )
    assert preview.json()["people"] == expected.people
    assert not TrainingAssignment.objects.filter(course=reading).exists()
    assert not ModelLogEntry.objects.filter(action="lms.api_write").exists()

    made = api.post("/api/v1/assignments", body).json()
    assert made["dry_run"] is False and made["people"] == 1
    assigned = TrainingAssignment.objects.get(course=reading)
    assert assigned.user == hub.learner
    write = ModelLogEntry.objects.get(action="lms.api_write")
    assert ModelLogEntry.objects.get(action="lms.assign").uuid == write.uuid


def test_the_same_key_assigns_once(hub, api_for, reading):
    api = api_for(hub.manager)
    body = assign_body(
        reading,
        target="person",
        person=hub.learner.pk,
        idempotency_key=str(uuid.uuid4()),
    )
    first = api.post("/api/v1/assignments", body).json()
    second = api.post("/api/v1/assignments", body).json()
    assert first["batch_id"] == second["batch_id"]
    assert AssignmentBatch.objects.count() == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"course": 999999},
        {"target": "everyone"},
        {"target": "person", "person": None},
        {"target": "unit", "unit": 999999},
        {"due_on": "2020-01-01"},
        {"due_on": "tomorrow"},
        {"reason": ""},
        {"reason": "x" * 301},
    ],
)
def test_a_bad_assignment_is_a_400_and_assigns_nothing(hub, api_for, reading, fields):
    body = assign_body(reading, role=hub.role.pk)
    body.update(fields)
    response = api_for(hub.manager).post("/api/v1/assignments", body)
    assert response.status_code == 400, response.content
    assert response.json()["errors"]
    assert not TrainingAssignment.objects.filter(course=reading).exists()


def test_a_manager_cannot_assign_beyond_their_units(hub, api_for, reading):
    api = api_for(hub.manager)
    body = assign_body(reading, target="person", person=hub.outsider.pk)
    assert api.post("/api/v1/assignments", body).status_code == 400
    body = assign_body(reading, target="unit", unit=hub.other_spoke.pk)
    assert api.post("/api/v1/assignments", body).status_code == 400
    assert not TrainingAssignment.objects.filter(course=reading).exists()


@pytest.mark.parametrize("kind", ["hr", "learner", "editor"])
def test_who_may_not_assign(hub, api_for, reading, kind):
    body = assign_body(reading, target="person", person=hub.learner.pk)
    response = api_for(getattr(hub, kind)).post("/api/v1/assignments", body)
    assert response.status_code == 403
    assert not TrainingAssignment.objects.filter(course=reading).exists()


def test_assignments_list_and_withdraw(hub, api_for, reading):
    api = api_for(hub.manager)
    api.post(
        "/api/v1/assignments",
        assign_body(reading, target="person", person=hub.learner.pk),
    )
    listed = results(api.get("/api/v1/assignments", {"course": reading.pk}))
    assert [(row["person_id"], row["status"], row["source"]) for row in listed] == [
        (hub.learner.pk, "not_started", "manager")
    ]
    assignment_id = listed[0]["id"]
    other = api_for(hub.other_manager)
    assert results(other.get("/api/v1/assignments", {"course": reading.pk})) == []
    assert (
        other.post(f"/api/v1/assignments/{assignment_id}/withdraw", {}).status_code
        == 404
    )

    withdrawn = api.post(f"/api/v1/assignments/{assignment_id}/withdraw", {})
    assert withdrawn.status_code == 200, withdrawn.content
    assert withdrawn.json()["withdrawn_at"]
    again = api.post(f"/api/v1/assignments/{assignment_id}/withdraw", {})
    assert again.status_code == 400
    assert results(api.get("/api/v1/assignments", {"course": reading.pk})) == []
    gone = results(
        api.get("/api/v1/assignments", {"course": reading.pk, "withdrawn": True})
    )
    assert [row["id"] for row in gone] == [assignment_id]


def test_a_role_requirement_is_not_withdrawn(hub, api_for, reading):
    from lms.models import RoleRequirement
    from lms.organisation import services as organisation

    RoleRequirement.objects.create(role=hub.role, course=reading, due_within_days=10)
    organisation.sync_role_requirements(role=hub.role)
    assignment = TrainingAssignment.objects.get(user=hub.learner, course=reading)
    response = api_for(hub.manager).post(
        f"/api/v1/assignments/{assignment.pk}/withdraw", {}
    )
    assert response.status_code == 400
    assignment.refresh_from_db()
    assert assignment.withdrawn_at is None


def test_statuses_are_the_reports(hub):
    from lms.api.assignments import Status

    assert set(Status.__args__) == {
        code for code, _label in queries.ASSIGNMENT_STATUSES
    }


def test_enrolments_progress_and_completions_changed_since(
    hub, api_for, reading, course
):
    start = timezone.now()
    learning.enrol(user=hub.outsider, course=course)
    with time_machine.travel(start + timedelta(hours=1)):
        finish(hub.learner, reading)
    api = api_for(hub.hr, write=False)
    enrolments = results(api.get("/api/v1/enrolments"))
    assert {(row["person_id"], row["course_id"]) for row in enrolments} == {
        (hub.learner.pk, reading.pk),
        (hub.outsider.pk, course.pk),
    }
    since = (start + timedelta(minutes=30)).isoformat()
    changed = results(api.get("/api/v1/enrolments", {"changed_since": since}))
    assert [
        (row["person_id"], row["status"], row["modules_completed"]) for row in changed
    ] == [(hub.learner.pk, "completed", 1)]
    progress = results(api.get("/api/v1/progress", {"changed_since": since}))
    assert [row["person_id"] for row in progress] == [hub.learner.pk]
    completions = results(api.get("/api/v1/completions", {"course": reading.pk}))
    assert [(row["person_id"], row["cycle"]) for row in completions] == [
        (hub.learner.pk, 1)
    ]
    assert results(api.get("/api/v1/completions", {"course": course.pk})) == []


def test_learning_records_obey_scope(hub, api_for, reading):
    finish(hub.learner, reading)
    finish(hub.outsider, reading)
    manager = api_for(hub.manager, write=False)
    for path in ("/api/v1/enrolments", "/api/v1/progress", "/api/v1/completions"):
        assert {row["person_id"] for row in results(manager.get(path))} == {
            hub.learner.pk
        }
        assert results(manager.get(path, {"unit": hub.other_spoke.pk})) == []
        assert results(manager.get(path, {"person": hub.outsider.pk})) == []
    hr = api_for(hub.hr, write=False)
    in_marketing = results(hr.get("/api/v1/completions", {"unit": hub.other_spoke.pk}))
    assert {row["person_id"] for row in in_marketing} == {hub.outsider.pk}
    assert (
        api_for(hub.learner, write=False).get("/api/v1/enrolments").status_code == 403
    )


def test_learning_lists_take_bounded_queries(
    hub, api_for, reading, django_assert_max_num_queries
):
    from lms.organisation import services as organisation
    from tests.factories import UserFactory

    for _ in range(20):
        person = UserFactory()
        organisation.join_role(user=person, unit=hub.team, role=hub.role)
        finish(person, reading)
    api = api_for(hub.hr, write=False)
    for path in (
        "/api/v1/enrolments",
        "/api/v1/progress",
        "/api/v1/completions",
        "/api/v1/assignments",
        "/api/v1/reports/completion",
    ):
        with django_assert_max_num_queries(12):
            assert api.get(path, {"page_size": 100}).status_code == 200


def test_the_completion_report_with_the_admin_reports_filters(hub, api_for, reading):
    assignments.assign_course(
        by=hub.manager,
        course=reading,
        due_on=timezone.localdate() + timedelta(days=5),
        reason="Now",
        target="person",
        person=hub.learner,
    )
    finish(hub.learner, reading)
    api = api_for(hub.manager, write=False)
    rows = results(api.get("/api/v1/reports/completion", {"course": reading.pk}))
    assert [(row["person_id"], row["status"]) for row in rows] == [
        (hub.learner.pk, "completed")
    ]
    assert rows[0]["person_name"] == "Learner Webcare"
    assert (
        results(
            api.get(
                "/api/v1/reports/completion",
                {"course": reading.pk, "status": "overdue"},
            )
        )
        == []
    )
    # The same filters the admin's report refuses are refused here.
    bad = api.get("/api/v1/reports/completion", {"unit": hub.other_spoke.pk})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "unit"
    assert api.get("/api/v1/reports/completion", {"status": "late"}).status_code == 400
