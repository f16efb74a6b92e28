"""Bad input is refused with a 400 or a 404 and changes nothing (issue 9).

Ids beyond 64 bits, unit paths deeper than the tree allows, dates far ahead
(decision D4) and the unit form's choice of managers.
"""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from lms.assignments import services as assignments
from lms.models import (
    AssignmentBatch,
    DueDateExtension,
    OrgUnit,
    Role,
    RoleMembership,
    RoleRequirement,
    TrainingAssignment,
)
from lms.organisation import services as organisation
from lms.people_import import apply_import, parse_people_csv
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
FAR = "9999-12-31"
# One past the largest 64-bit id (19 digits, as the converter accepts), and
# a number of the size the probe sent.
HUGE_IDS = [str(2**63), "9999999999999999999999999"]


def days(n: int) -> date:
    return TODAY() + timedelta(days=n)


def rows() -> dict:
    """What the screens below could change, counted."""
    return {
        "units": list(OrgUnit.objects.values_list("pk", "path", "name")),
        "managers": list(
            OrgUnit.managers.through.objects.values_list("orgunit_id", "user_id")
        ),
        "memberships": list(
            RoleMembership.objects.values_list("pk", "started_on", "ended_on")
        ),
        "assignments": list(
            TrainingAssignment.objects.values_list("pk", "due_on", "withdrawn_at")
        ),
        "batches": AssignmentBatch.objects.count(),
        "extensions": DueDateExtension.objects.count(),
    }


@pytest.fixture
def required(hub, course):
    """The role requires the course, so the learner has it assigned."""
    RoleRequirement.objects.create(role=hub.role, course=course, due_within_days=30)
    organisation.sync_role_requirements(role=hub.role)
    return TrainingAssignment.objects.current().get(user=hub.learner)


@pytest.fixture
def top_manager(hub):
    """A manager of the whole hub, who also manages the Webcare spoke."""
    manager = UserFactory(name="Top Manager", email="top@example.org")
    hub.root.managers.add(manager)
    hub.spoke.managers.add(manager)
    organisation.join_role(user=manager, unit=hub.root)
    return manager


# The unit form offers only people the user may see ----------------------


def test_the_unit_form_offers_a_spoke_manager_only_people_they_see(
    client, hub, top_manager
):
    client.force_login(hub.manager)

    for url in (
        reverse("hub_units:add"),
        reverse("hub_units:edit", args=[hub.spoke.pk]),
    ):
        response = client.get(url)

        assert response.status_code == HTTPStatus.OK
        offered = response.context["form"].fields["managers"].queryset
        assert set(offered) == {hub.manager, hub.learner}
        page = response.content.decode()
        assert hub.outsider.email not in page
        assert top_manager.email not in page


@pytest.mark.parametrize("view", ["add", "edit"])
def test_a_manager_outside_the_editors_scope_is_refused(client, hub, view):
    client.force_login(hub.manager)
    url = (
        reverse("hub_units:add")
        if view == "add"
        else reverse("hub_units:edit", args=[hub.spoke.pk])
    )
    before = rows()

    response = client.post(
        url,
        {
            "name": "Weekend",
            "description": "",
            "parent": hub.spoke.pk,
            "managers": [hub.manager.pk, hub.outsider.pk],
        },
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "managers" in response.context["form"].errors
    assert rows() == before


def test_saving_the_unit_form_keeps_managers_the_editor_cannot_see(
    client, hub, top_manager
):
    client.force_login(hub.manager)

    response = client.post(
        reverse("hub_units:edit", args=[hub.spoke.pk]),
        {"name": "Webcare", "description": "", "managers": [hub.learner.pk]},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert set(hub.spoke.managers.all()) == {hub.learner, top_manager}


# Ending a membership ------------------------------------------------------


@pytest.mark.parametrize(
    ("ended_on", "code"),
    [
        (lambda hub: hub.membership.started_on - timedelta(days=1), "before_start"),
        (lambda hub: days(1), "future_end"),
        (lambda hub: date(9999, 12, 31), "future_end"),
    ],
    ids=["before-start", "tomorrow", "9999-12-31"],
)
def test_a_membership_ends_between_its_start_and_today(
    client, hub, required, ended_on, code
):
    client.force_login(hub.manager)
    before = rows()

    response = client.post(
        reverse("hub_people:end_membership", args=[hub.membership.pk]),
        {"ended_on": ended_on(hub).isoformat()},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert [e.code for e in response.context["form"].errors.as_data()["ended_on"]] == [
        code
    ]
    assert rows() == before

    with pytest.raises(ValidationError) as error:
        organisation.leave_role(membership=hub.membership, ended_on=ended_on(hub))
    assert list(error.value.message_dict) == ["ended_on"]
    hub.membership.refresh_from_db()
    assert hub.membership.is_current
    assert TrainingAssignment.objects.current().filter(pk=required.pk).exists()


def test_a_membership_ends_today(client, hub, required):
    client.force_login(hub.manager)

    response = client.post(
        reverse("hub_people:end_membership", args=[hub.membership.pk]),
        {"ended_on": TODAY().isoformat()},
    )

    assert response.status_code == HTTPStatus.FOUND
    hub.membership.refresh_from_db()
    assert hub.membership.ended_on == TODAY()


# Dates far ahead (D4) -------------------------------------------------------


@pytest.mark.parametrize("due_on", [FAR, str(days(1097))])
def test_a_due_date_far_ahead_is_refused(client, hub, course, due_on):
    client.force_login(hub.manager)
    before = rows()

    response = client.post(
        reverse("hub_assignments:assign"),
        {
            "course": course.pk,
            "target": "person",
            "person": hub.learner.pk,
            "due_on": due_on,
            "reason": "Needed",
            "confirm": "1",
        },
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert [e.code for e in response.context["form"].errors.as_data()["due_on"]] == [
        "too_far_ahead"
    ]
    assert rows() == before


def test_the_service_holds_due_dates_to_the_setting(hub, course, settings):
    settings.LMS_MAX_DAYS_AHEAD = 10
    target = {"target": "person", "person": hub.learner}

    with pytest.raises(ValidationError) as error:
        assignments.assign_course(
            by=hub.manager, course=course, due_on=days(11), reason="x", **target
        )

    assert list(error.value.message_dict) == ["due_on"]
    assert not AssignmentBatch.objects.exists()
    assignments.assign_course(
        by=hub.manager, course=course, due_on=days(10), reason="x", **target
    )


@pytest.mark.parametrize("due_on", [FAR, str(days(1097)), str(days(-1))])
def test_an_extension_far_ahead_or_in_the_past_is_refused(
    client, hub, required, due_on
):
    required.due_on = days(-10)  # overdue: a day in the past is still later
    required.save(update_fields=["due_on"])
    client.force_login(hub.manager)
    before = rows()

    response = client.post(
        reverse("hub_people:extend", args=[required.pk]),
        {"due_on": due_on, "reason": "Ill"},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "due_on" in response.context["form"].errors
    assert rows() == before
    with pytest.raises(ValidationError) as error:
        assignments.extend_due_date(
            assignment=required,
            due_on=date.fromisoformat(due_on),
            reason="Ill",
            by=hub.manager,
        )
    assert list(error.value.message_dict) == ["due_on"]
    assert rows() == before


def test_a_membership_starting_far_ahead_is_refused(client, hub, required):
    client.force_login(hub.manager)
    before = rows()

    response = client.post(
        reverse("hub_people:add_membership", args=[hub.learner.pk]),
        {"role": hub.role.pk, "unit": hub.spoke.pk, "started_on": FAR},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "started_on" in response.context["form"].errors
    assert rows() == before
    # Before the check, 9999-12-31 plus the requirement's days overflowed.
    with pytest.raises(ValidationError) as error:
        organisation.join_role(
            user=hub.learner, unit=hub.spoke, role=hub.role, started_on=days(1097)
        )
    assert list(error.value.message_dict) == ["started_on"]
    assert rows() == before


def test_a_membership_may_start_up_to_the_limit(hub):
    membership = organisation.join_role(
        user=hub.learner, unit=hub.spoke, started_on=days(1096)
    )

    assert membership.started_on == days(1096)


@pytest.mark.parametrize(
    ("due_within", "valid"), [(0, False), (1096, True), (1097, False)]
)
def test_a_role_requires_a_course_within_three_years(hub, course, due_within, valid):
    requirement = RoleRequirement(
        role=hub.role, course=course, due_within_days=due_within
    )

    if valid:
        requirement.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            requirement.full_clean()
        assert list(error.value.message_dict) == ["due_within_days"]


@pytest.mark.parametrize("course_id", HUGE_IDS)
def test_the_role_editor_refuses_a_course_id_beyond_64_bits(
    client, hub, course, course_id
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    client.force_login(hub.coordinator)
    data = nested_form_data(
        {
            "name": "Night watch",
            "purpose": "",
            "tasks": "",
            "responsibilities": "",
            "requirements": inline_formset(
                [{"course": course_id, "due_within_days": 30}]
            ),
        }
    )

    response = client.post(reverse("hub_roles:add"), data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Role.objects.filter(name="Night watch").exists()


# Unit paths deeper than the tree allows -------------------------------------


def chain(levels: int) -> list[OrgUnit]:
    """Units nested so many levels deep, from the top."""
    units = [organisation.create_unit(name="Level 1")]
    for level in range(2, levels + 1):
        units.append(organisation.create_unit(name=f"Level {level}", parent=units[-1]))
    return units


def test_no_unit_is_created_below_the_deepest_level(db):
    deepest = chain(organisation.MAX_UNIT_DEPTH)[-1]

    with pytest.raises(ValidationError) as error:
        organisation.create_unit(name="Too deep", parent=deepest)

    assert list(error.value.message_dict) == ["parent"]
    assert not OrgUnit.objects.filter(name="Too deep").exists()


def test_the_unit_form_refuses_a_unit_below_the_deepest_level(client, hub):
    units = chain(organisation.MAX_UNIT_DEPTH)
    units[0].managers.add(hub.manager)
    client.force_login(hub.manager)
    before = rows()

    response = client.post(
        reverse("hub_units:add"),
        {"name": "Too deep", "description": "", "parent": units[-1].pk},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "parent" in response.context["form"].errors
    assert rows() == before


def test_the_unit_form_moves_a_unit_only_where_its_units_fit(client, hub):
    units = chain(organisation.MAX_UNIT_DEPTH)
    units[0].managers.add(hub.manager)
    side = organisation.create_unit(name="Side", parent=units[0])
    organisation.create_unit(name="Side team", parent=side)
    client.force_login(hub.manager)
    url = reverse("hub_units:edit", args=[side.pk])
    before = rows()

    # Side would be at level 10 and its team at 11.
    response = client.post(
        url, {"name": "Side", "description": "", "parent": units[8].pk}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "parent" in response.context["form"].errors
    assert rows() == before

    response = client.post(
        url, {"name": "Side", "description": "", "parent": units[7].pk}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert OrgUnit.objects.get(name="Side team").depth == organisation.MAX_UNIT_DEPTH


@pytest.mark.parametrize("levels", [11, 300])
def test_an_imported_unit_path_too_deep_is_a_row_error(db, levels):
    path = "/".join(f"Unit {n}" for n in range(levels))
    text = (
        "email,name,employee_number,unit,roles,manager_email\n"
        f"deep@example.org,Deep,,{path},,\n"
    )

    plan = parse_people_csv(text, create_units=True)

    assert not plan.is_valid
    assert [error.line for error in plan.errors] == [2]
    assert "levels" in str(plan.errors[0])
    assert not OrgUnit.objects.exists()


def test_an_imported_unit_path_at_the_deepest_level_is_imported(db):
    path = "/".join(f"Unit {n}" for n in range(organisation.MAX_UNIT_DEPTH))
    text = (
        "email,name,employee_number,unit,roles,manager_email\n"
        f"deep@example.org,Deep,,{path},,\n"
    )

    apply_import(parse_people_csv(text, create_units=True))

    assert OrgUnit.objects.get(name="Unit 9").depth == organisation.MAX_UNIT_DEPTH


def test_the_import_screen_refuses_a_deep_path(client, hub):
    path = "/".join(["Hub", "Webcare", *(f"Team {n}" for n in range(300))])
    client.force_login(hub.manager)
    before = rows()

    response = client.post(
        reverse("hub_people_import:index"),
        {
            "csv_text": "email,name,employee_number,unit,roles,manager_email\n"
            f"deep@example.org,Deep,,{path},,\n"
        },
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert rows() == before


# Ids beyond 64 bits -----------------------------------------------------------


@pytest.mark.parametrize("huge", HUGE_IDS)
@pytest.mark.parametrize(
    ("url_name", "field"),
    [
        ("hub_reports_completion", "course"),
        ("hub_reports_completion", "unit"),
        ("hub_reports_completion", "role"),
        ("hub_reports_overdue", "course"),
        ("hub_reports_certificates", "certification"),
        ("hub_reports_certificates", "unit"),
        ("hub_reports_expiring", "certification"),
        ("hub_reports_expiring", "role"),
    ],
)
def test_a_report_filter_refuses_an_id_beyond_64_bits(
    client, hub, url_name, field, huge
):
    client.force_login(hub.manager)

    response = client.get(reverse(url_name), {field: huge})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in response.context["filters"].form.errors


@pytest.mark.parametrize("huge", HUGE_IDS)
@pytest.mark.parametrize(
    "route",
    [
        "/learn/courses/{}/enrol/",
        "/learn/modules/{}/complete/",
        "/learn/modules/{}/quiz/block/",
        "/learn/modules/{}/scenario/block/",
    ],
)
def test_a_learner_url_with_an_id_beyond_64_bits_is_not_found(
    client, hub, course, route, huge
):
    client.force_login(hub.learner)

    response = client.post(route.format(huge))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    "route",
    [
        "/learn/courses/{}/enrol/",
        "/credentials/status/{}",
        "/admin/hub/people/{}/",
        "/admin/hub/people/{}/memberships/add/",
        "/admin/hub/people/memberships/{}/end/",
        "/admin/hub/people/assignments/{}/exempt/",
        "/admin/hub/people/assignments/{}/extend/",
        "/admin/hub/reviews/{}/",
        "/admin/hub/certificates/{}/revoke/",
        "/admin/hub/certificates/{}/reinstate/",
        "/admin/hub/personal-data/{}/",
        "/admin/hub/personal-data/{}/export/",
        "/admin/hub/personal-data/{}/erase/",
    ],
)
def test_our_routes_take_ids_up_to_64_bits(route):
    ours = resolve(route.format(2**63 - 1)).view_name
    for huge in HUGE_IDS:
        # No route of ours matches (Wagtail's pages may catch it: a 404).
        try:
            assert resolve(route.format(huge)).view_name != ours
        except Resolver404:
            pass


@pytest.mark.parametrize(
    "route",
    [
        "/admin/hub/units/edit/{}/",
        "/admin/hub/units/inspect/{}/",
        "/admin/hub/units/delete/{}/",
        "/admin/hub/units/history/{}/",
        "/admin/hub/units/usage/{}/",
        "/admin/hub/roles/edit/{}/",
        "/admin/hub/roles/delete/{}/",
        "/admin/hub/certifications/edit/{}/",
        "/admin/hub/certifications/delete/{}/",
    ],
)
def test_wagtails_screens_of_our_models_answer_404_to_huge_ids(client, route):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    for huge in HUGE_IDS:
        assert client.get(route.format(huge)).status_code == HTTPStatus.NOT_FOUND


def test_a_form_refuses_a_course_id_beyond_64_bits(client, hub, course):
    client.force_login(hub.manager)
    before = rows()

    response = client.post(
        reverse("hub_assignments:assign"),
        {
            "course": HUGE_IDS[1],
            "target": "person",
            "person": hub.learner.pk,
            "due_on": str(days(7)),
            "reason": "Needed",
        },
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "course" in response.context["form"].errors
    assert rows() == before


def test_the_unit_form_refuses_a_manager_id_beyond_64_bits(client, hub):
    client.force_login(hub.manager)
    before = rows()

    response = client.post(
        reverse("hub_units:add"),
        {"name": "Weekend", "parent": hub.spoke.pk, "managers": [HUGE_IDS[1]]},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "managers" in response.context["form"].errors
    assert rows() == before


def test_a_membership_that_starts_later_can_be_taken_back(hub, course):
    from lms.models import RoleRequirement

    RoleRequirement.objects.create(role=hub.role, course=course, due_within_days=9)
    later = organisation.join_role(
        user=hub.outsider, unit=hub.spoke, role=hub.role, started_on=days(30)
    )

    organisation.leave_role(membership=later)

    later.refresh_from_db()
    assert later.ended_on == later.started_on
    assert not RoleMembership.objects.current().filter(pk=later.pk).exists()


def test_a_membership_cannot_start_before_living_memory(client, hub):
    client.force_login(hub.manager)
    before = rows()

    response = client.post(
        reverse("hub_people:add_membership", args=[hub.learner.pk]),
        {"unit": hub.spoke.pk, "started_on": "0001-01-01"},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert rows() == before
    with pytest.raises(ValidationError) as error:
        organisation.join_role(
            user=hub.learner, unit=hub.spoke, started_on=date(1, 1, 1)
        )
    assert list(error.value.message_dict) == ["started_on"]
