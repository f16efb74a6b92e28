from datetime import timedelta
from http import HTTPStatus
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lms import tasks
from lms.assignments import services as assignments
from lms.learning import services
from lms.models import (
    Notification,
    RoleMembership,
    ScenarioSubmission,
    TrainingAssignment,
)
from tests.factories import make_course, scenario_block

pytestmark = pytest.mark.django_db


def soon(days=14):
    return timezone.localdate() + timedelta(days=days)


def add_members(hub, count, course):
    User = get_user_model()
    people = User.objects.bulk_create(
        [
            User(email=f"p{hub.spoke.pk}-{i}-{count}@example.org", name=f"Person {i}")
            for i in range(count)
        ]
    )
    RoleMembership.objects.bulk_create(
        [
            RoleMembership(user=p, unit=hub.spoke, role=hub.role, started_on=soon(-30))
            for p in people
        ]
    )
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=soon(),
        reason="x",
        target="unit",
        unit=hub.spoke,
    )


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(queries)


@pytest.mark.parametrize(
    "screen", ["hub_matrix:index", "hub_assignments:index", "hub_people:index"]
)
def test_hub_listings_issue_the_same_queries_for_10_and_200_people(
    client, hub, catalogue, screen
):
    client.force_login(hub.manager)
    url = reverse(screen) + f"?unit={hub.spoke.pk}"
    counts = []
    for size in (10, 190):  # 10, then 200 in all
        add_members(hub, size, make_course(catalogue))
        counts.append(count_queries(client, url))
    assert counts[0] == counts[1], counts


def test_the_matrix_takes_a_bounded_number_of_queries(
    client, hub, catalogue, django_assert_max_num_queries
):
    # People with their roles, the page's cells, the column totals and the
    # course titles: a query each, besides the admin's own.
    add_members(hub, 120, make_course(catalogue))
    client.force_login(hub.manager)
    url = reverse("hub_matrix:index") + f"?unit={hub.spoke.pk}"
    client.get(url)
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["matrix"].rows) == 100


@pytest.mark.parametrize(
    "asked, number, rows", [("2", 2, 21), ("9", 2, 21), ("0", 2, 21), ("x", 1, 100)]
)
def test_the_matrix_pages_as_django_s_paginator_does(
    client, hub, catalogue, asked, number, rows
):
    add_members(hub, 120, make_course(catalogue))  # 121 people with the learner
    client.force_login(hub.manager)
    response = client.get(
        reverse("hub_matrix:index"), {"unit": hub.spoke.pk, "p": asked}
    )
    matrix = response.context["matrix"]
    assert (matrix.page.number, len(matrix.rows)) == (number, rows)
    assert matrix.page.paginator.count == 121


def test_the_matrix_shows_statuses_and_totals(client, hub, course):
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=soon(),
        reason="x",
        target="unit",
        unit=hub.spoke,
    )
    services.complete_module(user=hub.learner, module=course.get_modules()[0])
    client.force_login(hub.manager)
    response = client.get(
        reverse("hub_matrix:index"), {"unit": hub.spoke.pk, "role": hub.role.pk}
    )
    matrix = response.context["matrix"]
    assert [row.person for row in matrix.rows] == [hub.learner]
    assert matrix.rows[0].cells[0].status == "in_progress"
    assert (matrix.columns[0].done, matrix.columns[0].total) == (0, 1)
    assert hub.outsider.get_full_name() not in response.content.decode()


def test_assigning_shows_a_preview_before_saving(client, hub, course):
    client.force_login(hub.manager)
    data = {
        "course": course.pk,
        "target": "role",
        "role": hub.role.pk,
        "unit": "",
        "include_subunits": "on",
        "due_on": str(soon()),
        "reason": "Refresher",
    }
    response = client.post(reverse("hub_assignments:assign"), data)
    assert response.status_code == HTTPStatus.OK
    preview = response.context["preview"]
    assert (preview.people, preview.completed, preview.assigned) == (1, 0, 0)
    assert not TrainingAssignment.objects.exists()
    response = client.post(reverse("hub_assignments:assign"), {**data, "confirm": "1"})
    assert response.status_code == HTTPStatus.FOUND
    assert TrainingAssignment.objects.get().user == hub.learner


@pytest.mark.parametrize(
    "change, field",
    [
        ({"due_on": "2001-01-01"}, "due_on"),
        ({"target": "person", "person": ""}, "person"),
        ({"reason": ""}, "reason"),
    ],
)
def test_a_bad_assignment_gets_a_clear_error_and_changes_nothing(
    client, hub, course, change, field
):
    client.force_login(hub.manager)
    data = {
        "course": course.pk,
        "target": "role",
        "role": hub.role.pk,
        "due_on": str(soon()),
        "reason": "Refresher",
        "confirm": "1",
        **change,
    }
    response = client.post(reverse("hub_assignments:assign"), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in response.context["form"].errors
    assert not TrainingAssignment.objects.exists()


def test_assigning_queues_the_mails_on_commit_and_sends_none_in_the_request(
    client, hub, course, monkeypatch, django_capture_on_commit_callbacks, mailoutbox
):
    queued = []
    monkeypatch.setattr(
        tasks, "send_notification_task", SimpleNamespace(enqueue=queued.append)
    )
    client.force_login(hub.manager)
    data = {
        "course": course.pk,
        "target": "role",
        "role": hub.role.pk,
        "include_subunits": "on",
        "due_on": str(soon()),
        "reason": "Refresher",
        "confirm": "1",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("hub_assignments:assign"), data)
        assert response.status_code == HTTPStatus.FOUND
        assert queued == [] and mailoutbox == []  # nothing before the commit
    announcements = Notification.objects.filter(assignment__course=course)
    assert sorted(queued) == sorted(announcements.values_list("pk", flat=True))
    assert queued and mailoutbox == []  # the workers send them


def test_a_returned_answer_shows_feedback_and_can_be_answered_again(
    client, hub, catalogue
):
    course = make_course(catalogue, bodies=[[scenario_block()]])
    module = course.get_modules().get()
    services.enrol(user=hub.learner, course=course)
    block_id = module.interactive_blocks()[0].id
    submission = services.submit_scenario(
        user=hub.learner,
        module=module,
        block_id=block_id,
        text="We will look into it at some point.",
        token="0b5a9b7e-4c55-4f9b-8a85-7a0f4f4a7c11",
    )
    client.force_login(hub.manager)
    url = reverse("hub_reviews:review", args=[submission.pk])
    response = client.post(url, {"decision": "returned", "feedback": ""})
    assert response.status_code == HTTPStatus.BAD_REQUEST  # returning needs feedback
    response = client.post(
        url, {"decision": "returned", "feedback": "Say when you will fix it."}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND  # out of the queue

    client.force_login(hub.learner)
    page = client.get(module.url).content.decode()
    assert "Say when you will fix it." in page and 'name="text"' in page
    services.submit_scenario(
        user=hub.learner,
        module=module,
        block_id=block_id,
        text="We fix it before Friday and let you know.",
        token="1c6b0c8f-5d66-4a0c-9b96-8b1a5a5b8d22",
    )
    assert ScenarioSubmission.objects.filter(status="submitted").count() == 1


def test_my_learning_lists_required_and_assigned_with_overdue_first(
    client, hub, catalogue, course
):
    from lms.models import RoleRequirement
    from lms.organisation.services import sync_role_requirements

    required = make_course(catalogue, title="Required course")
    RoleRequirement.objects.create(role=hub.role, course=required, due_within_days=3)
    sync_role_requirements(role=hub.role)
    late = make_course(catalogue, title="Late course")
    for target_course, due in ((course, soon(20)), (late, soon(1))):
        assignments.assign_course(
            by=hub.manager,
            course=target_course,
            due_on=due,
            reason="Team plan",
            target="person",
            person=hub.learner,
        )
    TrainingAssignment.objects.filter(course=late).update(due_on=soon(-2))
    client.force_login(hub.learner)
    response = client.get(reverse("lms:my_learning"))
    assert [a.course for a in response.context["required"]] == [required]
    assert [a.course for a in response.context["assigned"]] == [late, course]
    assert response.context["assigned"][0].status == "overdue"
    page = response.content.decode()
    assert "Team plan" in page and hub.manager.get_full_name() in page


def test_a_course_required_in_the_role_editor_reaches_current_members(
    client, hub, course
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    client.force_login(hub.coordinator)
    data = nested_form_data(
        {
            "name": hub.role.name,
            "purpose": "Answer residents",
            "tasks": "",
            "responsibilities": "",
            "requirements": inline_formset(
                [{"course": course.pk, "due_within_days": 21}]
            ),
        }
    )
    response = client.post(reverse("hub_roles:edit", args=[hub.role.pk]), data)
    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    for person in (hub.learner, hub.outsider):
        assignment = TrainingAssignment.objects.get(user=person, course=course)
        assert assignment.due_on == soon(21) and assignment.source == "role"


def test_nobody_reviews_their_own_answer(client, hub, catalogue):
    from django.core.exceptions import PermissionDenied

    from lms.reviews import services as reviews

    course = make_course(catalogue, bodies=[[scenario_block()]])
    module = course.get_modules().get()
    from lms.organisation.services import join_role

    join_role(user=hub.manager, unit=hub.spoke, role=hub.role)
    services.enrol(user=hub.manager, course=course)
    submission = services.submit_scenario(
        user=hub.manager,
        module=module,
        block_id=module.interactive_blocks()[0].id,
        text="My own answer, approved by myself?",
        token="2d7c1d90-6e77-4b1d-ac07-9c2b6b6c9e33",
    )
    assert submission not in reviews.review_queue(hub.manager)
    with pytest.raises(PermissionDenied):
        reviews.review_scenario(
            submission=submission, by=hub.manager, decision="approved"
        )


def test_a_manager_edits_the_top_unit_they_manage(client, hub):
    client.force_login(hub.manager)
    url = reverse("hub_units:edit", args=[hub.spoke.pk])
    response = client.post(
        url, {"name": "Webcare team", "description": "", "managers": [hub.manager.pk]}
    )
    assert response.status_code == HTTPStatus.FOUND
    hub.spoke.refresh_from_db()
    assert hub.spoke.name == "Webcare team" and hub.spoke.get_parent() == hub.root


def test_a_manager_adds_a_team_below_their_unit(client, hub):
    from lms.models import OrgUnit

    client.force_login(hub.manager)
    response = client.post(
        reverse("hub_units:add"),
        {
            "name": "Weekend",
            "description": "",
            "parent": hub.spoke.pk,
            "managers": [hub.manager.pk],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    team = OrgUnit.objects.get(name="Weekend")
    assert team.get_parent() == hub.spoke and list(team.managers.all()) == [hub.manager]
    response = client.post(
        reverse("hub_units:add"), {"name": "Rogue", "parent": hub.other_spoke.pk}
    )
    assert response.status_code != HTTPStatus.FOUND
    assert not OrgUnit.objects.filter(name="Rogue").exists()


def test_a_spoke_manager_cannot_change_a_role_of_everyone(client, hub, course):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from lms.models import RoleRequirement
    from lms.organisation.services import sync_role_requirements

    RoleRequirement.objects.create(role=hub.role, course=course, due_within_days=30)
    sync_role_requirements(role=hub.role)
    client.force_login(hub.other_manager)
    data = nested_form_data(
        {
            "name": hub.role.name,
            "purpose": "",
            "tasks": "",
            "responsibilities": "",
            "requirements": inline_formset([]),
        }
    )

    response = client.post(reverse("hub_roles:edit", args=[hub.role.pk]), data)

    # Wagtail's refusal: back to the dashboard with its message.
    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, "/admin/")
    assert hub.role.requirements.count() == 1
    # The learner of the other spoke keeps the course the role requires.
    assert TrainingAssignment.objects.current().filter(user=hub.learner).exists()
