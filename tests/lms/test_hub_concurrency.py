"""The same hub action sent several times at once happens once (PostgreSQL,
where requests really run side by side)."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lms.assignments import services as assignments
from lms.models import (
    AssignmentBatch,
    DueDateExtension,
    Exemption,
    OrgUnit,
    RoleMembership,
    TrainingAssignment,
)
from lms.organisation import services as organisation
from lms.people_import import ImportRejected, apply_import, parse_people_csv
from tests.concurrency import THREADS, run_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("postgres_only"),
]

HEADER = "email,name,employee_number,unit,roles,manager_email\n"


@pytest.fixture
def assignment(hub, course):
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=timezone.localdate() + timedelta(days=9),
        reason="Needed",
        target="person",
        person=hub.learner,
    )
    return TrainingAssignment.objects.get(user=hub.learner, course=course)


def refusals(results):
    """The results that are not refusals with a clear message."""
    return [r for r in results if isinstance(r, Exception)]


def test_an_exemption_sent_at_once_is_recorded_once(hub, assignment):
    results = run_together(
        lambda _i: assignments.exempt(
            assignment=assignment, reason="Prior learning", by=hub.manager
        )
    )

    errors = refusals(results)
    assert all(isinstance(error, ValidationError) for error in errors), errors
    assert len(errors) == THREADS - 1
    assert Exemption.objects.filter(assignment=assignment).count() == 1


def test_an_extension_sent_at_once_is_granted_once(hub, assignment):
    due_on = timezone.localdate() + timedelta(days=30)

    results = run_together(
        lambda _i: assignments.extend_due_date(
            assignment=assignment, due_on=due_on, reason="Leave", by=hub.manager
        )
    )

    errors = refusals(results)
    assert all(isinstance(error, ValidationError) for error in errors), errors
    assert DueDateExtension.objects.filter(assignment=assignment).count() == 1
    assert ModelLogEntry.objects.filter(action="lms.extend").count() == 1


def test_a_membership_ended_at_once_ends_once(hub, assignment):
    results = run_together(
        lambda _i: organisation.leave_role(membership=hub.membership, by=hub.manager)
    )

    errors = refusals(results)
    assert all(isinstance(error, ValidationError) for error in errors), errors
    assert ModelLogEntry.objects.filter(action="lms.leave_role").count() == 1


def test_one_assignment_form_sent_at_once_assigns_once(hub, course):
    token = uuid.uuid4()

    results = run_together(
        lambda _i: assignments.assign_course(
            by=hub.manager,
            course=course,
            due_on=timezone.localdate() + timedelta(days=9),
            reason="Needed",
            target="person",
            person=hub.learner,
            token=token,
        )
    )

    assert not refusals(results), results
    assert {batch.pk for batch in results} == {AssignmentBatch.objects.get().pk}
    assert ModelLogEntry.objects.filter(action="lms.assign").count() == 1


def test_one_import_sent_at_once_is_applied_once(hub):
    text = HEADER + (
        f"{hub.learner.email},,,Hub/Webcare/Race team,,\n"
        "new.person@example.org,New Person,,Hub/Webcare/Race team,,\n"
    )
    plans = [
        parse_people_csv(text, for_user=hub.manager, create_units=True)
        for _ in range(THREADS)
    ]

    results = run_together(lambda i: apply_import(plans[i], by=hub.manager))

    errors = refusals(results)
    assert all(isinstance(error, ImportRejected) for error in errors), errors
    assert OrgUnit.objects.filter(name="Race team").count() == 1
    team = OrgUnit.objects.get(name="Race team")
    assert RoleMembership.objects.filter(unit=team).count() == 2
