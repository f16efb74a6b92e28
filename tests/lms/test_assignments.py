from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lms.assignments import services as assignments
from lms.learning import services
from lms.models import (
    AssignmentBatch,
    DueDateExtension,
    Enrolment,
    Exemption,
    TrainingAssignment,
)
from lms.organisation import services as organisation
from tests.factories import UserFactory, make_course, text_block

pytestmark = pytest.mark.django_db


def soon(days=14):
    return timezone.localdate() + timedelta(days=days)


def test_preview_counts_people_completed_and_assigned(hub, catalogue):
    course = make_course(catalogue, bodies=[[text_block()]])
    done, assigned, fresh = UserFactory(), UserFactory(), UserFactory()
    for person in (done, assigned, fresh):
        organisation.join_role(user=person, unit=hub.spoke, role=hub.role)
    services.enrol(user=done, course=course)
    services.complete_module(user=done, module=course.get_modules().get())
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=soon(),
        reason="x",
        target="person",
        person=assigned,
    )
    preview = assignments.preview_assignment(
        by=hub.manager, course=course, target="role", role=hub.role, unit=None
    )
    # hub.learner, done, assigned, fresh: the manager's units only (not hub.outsider).
    assert (preview.people, preview.completed, preview.assigned) == (4, 1, 1)
    assert preview.new == 3
    hr_preview = assignments.preview_assignment(
        by=UserFactory(is_superuser=True),
        course=course,
        target="role",
        role=hub.role,
        unit=None,
    )
    assert hr_preview.people == 5


def test_assigning_to_a_unit_with_or_without_the_units_below(hub, course):
    person = UserFactory()
    organisation.join_role(user=person, unit=hub.spoke, role=None)
    kwargs = {"by": hub.manager, "course": course, "target": "unit", "unit": hub.spoke}
    assert assignments.preview_assignment(**kwargs, include_subunits=False).people == 1
    assert assignments.preview_assignment(**kwargs, include_subunits=True).people == 2


def test_assigning_writes_one_record_per_person_and_enrols(hub, course):
    batch = assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=soon(),
        reason="Refresher",
        target="role",
        role=hub.role,
    )
    assert batch.people_count == 1
    assignment = TrainingAssignment.objects.get(user=hub.learner, course=course)
    assert (assignment.reason, assignment.assigned_by, assignment.source) == (
        "Refresher",
        hub.manager,
        "manager",
    )
    assert Enrolment.objects.filter(user=hub.learner, course=course).exists()
    # A second batch adds its demand to the same record and keeps the due date.
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=soon(30),
        reason="Again",
        target="person",
        person=hub.learner,
    )
    assignment.refresh_from_db()
    assert (
        TrainingAssignment.objects.filter(user=hub.learner, course=course).count() == 1
    )
    assert assignment.due_on == soon() and assignment.demands.count() == 2


@pytest.mark.parametrize(
    "by, target",
    [
        ("manager", {"target": "person", "person": "outsider"}),
        ("manager", {"target": "unit", "unit": "other_spoke"}),
        ("hr", {"target": "person", "person": "learner"}),
    ],
)
def test_managers_cannot_reach_beyond_their_units(hub, course, by, target):
    target = {
        key: getattr(hub, value) if key != "target" else value
        for key, value in target.items()
    }
    with pytest.raises(PermissionDenied):
        assignments.assign_course(
            by=getattr(hub, by), course=course, due_on=soon(), reason="x", **target
        )
    assert not AssignmentBatch.objects.exists()
    assert not TrainingAssignment.objects.filter(user=hub.outsider).exists()


def test_a_past_due_date_is_refused(hub, course):
    with pytest.raises(ValidationError):
        assignments.assign_course(
            by=hub.manager,
            course=course,
            due_on=soon(-1),
            reason="x",
            target="role",
            role=hub.role,
        )
    assert not TrainingAssignment.objects.exists()


def test_assigning_a_role_of_500_takes_a_bounded_number_of_queries(
    hub, course, django_assert_max_num_queries
):
    from django.contrib.auth import get_user_model

    from lms.models import RoleMembership

    User = get_user_model()
    people = User.objects.bulk_create(
        [User(email=f"member{i}@example.org", name=f"Member {i}") for i in range(500)]
    )
    RoleMembership.objects.bulk_create(
        [
            RoleMembership(user=p, unit=hub.spoke, role=hub.role, started_on=soon(-10))
            for p in people
        ]
    )
    with django_assert_max_num_queries(15):
        batch = assignments.assign_course(
            by=hub.manager,
            course=course,
            due_on=soon(),
            reason="All",
            target="role",
            role=hub.role,
        )
    assert batch.people_count == 501
    assert TrainingAssignment.objects.filter(course=course).count() == 501
    assert Enrolment.objects.filter(course=course).count() == 501


def test_exemption_and_extension_are_their_own_records(hub, course):
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=soon(),
        reason="x",
        target="person",
        person=hub.learner,
    )
    assignment = TrainingAssignment.objects.get(user=hub.learner)
    assignments.extend_due_date(
        assignment=assignment, due_on=soon(40), reason="Leave", by=hub.manager
    )
    with pytest.raises(ValidationError, match="after the current due date"):
        assignments.extend_due_date(
            assignment=assignment, due_on=soon(20), reason="No", by=hub.manager
        )
    assignment.refresh_from_db()
    assert assignment.due_on == soon()  # history untouched
    status = TrainingAssignment.objects.with_status(timezone.localdate()).get(
        pk=assignment.pk
    )
    assert status.effective_due == soon(40)
    assert DueDateExtension.objects.count() == 1

    with pytest.raises(PermissionDenied):
        assignments.exempt(assignment=assignment, reason="x", by=hub.other_manager)
    assignments.exempt(assignment=assignment, reason="Did it elsewhere", by=hub.manager)
    with pytest.raises(ValidationError):
        assignments.exempt(assignment=assignment, reason="again", by=hub.manager)
    status = TrainingAssignment.objects.with_status(timezone.localdate()).get(
        pk=assignment.pk
    )
    assert status.status == "exempt" and Exemption.objects.count() == 1


def test_status_is_derived_from_dates_and_work(hub, course):
    import time_machine

    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=soon(5),
        reason="x",
        target="person",
        person=hub.learner,
    )
    query = TrainingAssignment.objects.filter(user=hub.learner)
    assert query.with_status(timezone.localdate()).get().status == "not_started"
    services.complete_module(user=hub.learner, module=course.get_modules()[0])
    assert query.with_status(timezone.localdate()).get().status == "in_progress"
    with time_machine.travel(timezone.now() + timedelta(days=6), tick=False):
        assert query.with_status(timezone.localdate()).get().status == "overdue"


def test_a_role_everywhere_reaches_only_holders_in_the_managers_units(hub, course):
    from lms.models import Role

    other_role = Role.objects.create(name="Champion")
    # A plain member of the manager's unit who holds the role elsewhere.
    straddler = UserFactory()
    organisation.join_role(user=straddler, unit=hub.spoke, role=None)
    organisation.join_role(user=straddler, unit=hub.other_spoke, role=other_role)
    preview = assignments.preview_assignment(
        by=hub.manager, course=course, target="role", role=other_role, unit=None
    )
    assert preview.people == 0
