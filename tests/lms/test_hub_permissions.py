"""Every hub screen and action, for every kind of user."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.assignments import services as assignments
from lms.learning import services
from lms.models import ScenarioSubmission, TrainingAssignment
from tests.factories import scenario_block

pytestmark = pytest.mark.django_db

OK, DENIED, HIDDEN = "ok", "denied", "hidden"
USERS = [
    "anonymous",
    "learner",
    "manager",
    "other_manager",
    "hr",
    "coordinator",
    "editor",
]


@pytest.fixture
def records(hub, course, catalogue):
    """An assignment and a scenario answer of the learner in the manager's unit."""
    from tests.factories import make_course

    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=timezone.localdate() + timedelta(days=9),
        reason="x",
        target="person",
        person=hub.learner,
    )
    scenario_course = make_course(catalogue, bodies=[[scenario_block()]])
    module = scenario_course.get_modules().get()
    services.enrol(user=hub.learner, course=scenario_course)
    services.submit_scenario(
        user=hub.learner,
        module=module,
        block_id=module.interactive_blocks()[0].id,
        text="We fix the lamp today, sorry for the trouble.",
        token="6f1c2b54-94b4-4f0e-9a4f-2c1d0b3c9d11",
    )
    return {
        "assignment": TrainingAssignment.objects.get(user=hub.learner, course=course),
        "submission": ScenarioSubmission.objects.get(),
    }


def screens(hub, records):
    """(name, url, expected per user) for every hub screen."""
    learner, spoke, role = hub.learner, hub.spoke, hub.role
    assignment, submission = records["assignment"], records["submission"]
    view_all = {"manager": OK, "other_manager": OK, "hr": OK}
    manage_own = {"manager": OK, "other_manager": HIDDEN, "hr": DENIED}
    change_any = {"manager": OK, "other_manager": OK, "hr": DENIED}
    return [
        ("team progress", reverse("hub_matrix:index"), view_all),
        ("assignments", reverse("hub_assignments:index"), view_all),
        ("assign", reverse("hub_assignments:assign"), change_any),
        ("review queue", reverse("hub_reviews:index"), view_all),
        ("review", reverse("hub_reviews:review", args=[submission.pk]), manage_own),
        ("people", reverse("hub_people:index"), view_all),
        (
            "person",
            reverse("hub_people:person", args=[learner.pk]),
            {"manager": OK, "other_manager": HIDDEN, "hr": OK},
        ),
        (
            "add membership",
            reverse("hub_people:add_membership", args=[learner.pk]),
            manage_own,
        ),
        (
            "end membership",
            reverse("hub_people:end_membership", args=[hub.membership.pk]),
            manage_own,
        ),
        ("exempt", reverse("hub_people:exempt", args=[assignment.pk]), manage_own),
        ("extend", reverse("hub_people:extend", args=[assignment.pk]), manage_own),
        ("import", reverse("hub_people_import:index"), change_any),
        ("units", reverse("hub_units:index"), view_all),
        ("add unit", reverse("hub_units:add"), change_any),
        ("edit unit", reverse("hub_units:edit", args=[spoke.pk]), manage_own),
        ("roles", reverse("hub_roles:index"), {**view_all, "coordinator": OK}),
        # Roles reach every unit: only training coordinators change them.
        ("add role", reverse("hub_roles:add"), {"coordinator": OK}),
        ("edit role", reverse("hub_roles:edit", args=[role.pk]), {"coordinator": OK}),
    ]


def login(client, hub, kind):
    if kind != "anonymous":
        client.force_login(getattr(hub, kind))


def outcome(response):
    if response.status_code == HTTPStatus.OK:
        return OK
    if response.status_code == HTTPStatus.NOT_FOUND:
        return HIDDEN
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN), (
        response.status_code
    )
    return DENIED


@pytest.mark.parametrize("kind", USERS)
def test_every_hub_screen_obeys_who_may_see_it(client, hub, records, kind):
    login(client, hub, kind)
    for name, url, expected in screens(hub, records):
        want = expected.get(kind, DENIED)
        assert outcome(client.get(url)) == want, f"{kind} GET {name}"


@pytest.mark.parametrize("kind", USERS)
def test_every_hub_action_obeys_who_may_take_it(client, hub, records, kind):
    login(client, hub, kind)
    assignment, submission = records["assignment"], records["submission"]
    today = timezone.localdate()
    actions = [
        (
            reverse("hub_reviews:review", args=[submission.pk]),
            {"decision": "approved", "feedback": ""},
        ),
        (
            reverse("hub_people:exempt", args=[assignment.pk]),
            {"reason": "Prior learning"},
        ),
        (
            reverse("hub_people:extend", args=[assignment.pk]),
            {"due_on": str(today + timedelta(days=99)), "reason": "Leave"},
        ),
        (
            reverse("hub_assignments:assign"),
            {
                "course": assignment.course_id,
                "target": "person",
                "person": hub.learner.pk,
                "due_on": str(today + timedelta(days=5)),
                "reason": "Go",
                "confirm": "1",
            },
        ),
        # Last: once ended, the learner is no longer in the manager's units.
        (
            reverse("hub_people:end_membership", args=[hub.membership.pk]),
            {"ended_on": str(today)},
        ),
    ]
    for url, data in actions:
        response = client.post(url, data)
        if kind == "manager":
            assert response.status_code == HTTPStatus.FOUND, (
                url,
                response.content[:2000],
            )
        else:
            assert response.status_code in (
                HTTPStatus.FOUND,
                HTTPStatus.FORBIDDEN,
                HTTPStatus.NOT_FOUND,
                HTTPStatus.BAD_REQUEST,
            )
    changed = {
        "reviewed": ScenarioSubmission.objects.get().status != "submitted",
        "exempt": hasattr(
            TrainingAssignment.objects.get(pk=assignment.pk), "exemption"
        ),
        "extended": assignment.extensions.exists(),
        "ended": type(hub.membership).objects.get(pk=hub.membership.pk).ended_on
        is not None,
        "assigned again": assignment.demands.count() > 1,
    }
    if kind == "manager":
        assert all(changed.values()), changed
    else:
        assert not any(changed.values()), (kind, changed)


def test_learners_see_no_hub_menu(client, hub):
    client.force_login(hub.editor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/hub/" not in page
    client.force_login(hub.manager)
    assert "/admin/hub/" in client.get(reverse("wagtailadmin_home")).content.decode()
