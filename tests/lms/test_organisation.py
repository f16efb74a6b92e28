from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lms.models import RoleMembership, RoleRequirement, TrainingAssignment
from lms.organisation import services as organisation
from lms.organisation.scope import managers_of, manages, visible_people, visible_units
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


def current(user):
    return {
        a.course_id: a for a in TrainingAssignment.objects.current().filter(user=user)
    }


def test_joining_a_role_assigns_its_courses_due_after_joining(hub, course):
    RoleRequirement.objects.create(role=hub.role, course=course, due_within_days=30)
    person = UserFactory()
    started = timezone.localdate() - timedelta(days=5)
    organisation.join_role(
        user=person, unit=hub.spoke, role=hub.role, started_on=started
    )
    assignment = current(person)[course.pk]
    assert assignment.due_on == started + timedelta(days=30)
    assert assignment.source == "role"
    assert person.enrolments.filter(course=course).exists()


def test_joining_the_same_role_twice_is_refused(hub):
    with pytest.raises(ValidationError, match="already has this role"):
        organisation.join_role(user=hub.learner, unit=hub.team, role=hub.role)
    assert RoleMembership.objects.filter(user=hub.learner).count() == 1


def test_a_new_requirement_reaches_every_current_member(hub, course):
    RoleRequirement.objects.create(role=hub.role, course=course, due_within_days=14)
    organisation.sync_role_requirements(role=hub.role)
    for person in (hub.learner, hub.outsider):
        assert current(person)[course.pk].due_on == timezone.localdate() + timedelta(
            days=14
        )
    organisation.sync_role_requirements(role=hub.role)  # running again changes nothing
    assert TrainingAssignment.objects.filter(course=course).count() == 2


def test_leaving_withdraws_open_work_but_keeps_history_and_finished_work(
    hub, catalogue
):
    from lms.learning import services

    open_course, done_course = (
        make_course(catalogue),
        make_course(catalogue, bodies=[[]]),
    )
    for course in (open_course, done_course):
        RoleRequirement.objects.create(role=hub.role, course=course)
    organisation.sync_role_requirements(role=hub.role)
    services.complete_module(user=hub.learner, module=done_course.get_modules().get())
    organisation.leave_role(membership=hub.membership)

    hub.membership.refresh_from_db()
    assert hub.membership.ended_on == timezone.localdate()  # history stays
    assignments = TrainingAssignment.objects.filter(user=hub.learner)
    assert assignments.get(course=open_course).withdrawn_at is not None
    assert assignments.get(course=done_course).withdrawn_at is None
    with pytest.raises(ValidationError):
        organisation.leave_role(membership=hub.membership)


def test_leaving_keeps_what_another_role_or_a_manager_asks_for(hub, course, catalogue):
    from lms.assignments import services as assignments
    from lms.models import Role

    other_role = Role.objects.create(name="Community manager")
    both = make_course(catalogue)
    for role in (hub.role, other_role):
        RoleRequirement.objects.create(role=role, course=both)
    RoleRequirement.objects.create(role=hub.role, course=course)
    organisation.sync_role_requirements(role=hub.role)
    organisation.join_role(user=hub.learner, unit=hub.spoke, role=other_role)
    manual = make_course(catalogue)
    RoleRequirement.objects.create(role=hub.role, course=manual)
    organisation.sync_role_requirements(role=hub.role)
    assignments.assign_course(
        by=hub.manager,
        course=manual,
        due_on=timezone.localdate() + timedelta(days=9),
        reason="Needed",
        target="person",
        person=hub.learner,
    )
    organisation.leave_role(membership=hub.membership)
    still = current(hub.learner)
    assert both.pk in still  # the other role requires it
    assert manual.pk in still  # a manager asked for it
    assert course.pk not in still


def test_removing_a_requirement_withdraws_it(hub, course):
    requirement = RoleRequirement.objects.create(role=hub.role, course=course)
    organisation.sync_role_requirements(role=hub.role)
    requirement.delete()
    organisation.sync_role_requirements(role=hub.role)
    assert course.pk not in current(hub.learner)


def test_scope_follows_the_tree(hub):
    assert set(visible_units(hub.manager)) == {hub.spoke, hub.team}
    assert set(visible_units(hub.hr)) == {
        hub.root,
        hub.spoke,
        hub.other_spoke,
        hub.team,
    }
    assert set(visible_people(hub.manager)) == {hub.learner}
    assert manages(hub.manager, hub.learner) and not manages(
        hub.other_manager, hub.learner
    )
    assert set(managers_of(hub.learner)) == {hub.manager}
    assert not visible_units(hub.learner).exists()
