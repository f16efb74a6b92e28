"""A person with a record of every kind, for personal-data requests."""

import uuid
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import timezone
from wagtail.users.models import UserProfile

from certification import services as certification_services
from certification.models import Certification
from lms.assignments import services as assignments
from lms.calendar import services as calendar_services
from lms.invitations import services as invitations
from lms.learning import services
from lms.models import Notification, TrainingAssignment
from lms.organisation import services as organisation
from lms.reviews import services as reviews
from tests.factories import UserFactory, correct_answers, make_course, text_block

NAME = "Xaviera Quintelier"
FIRST_NAME = "Xaviera"
EMAIL = "xaviera.quintelier@example.org"
OTHER_EMAIL = "xq.private@example.net"
NUMBER = "E-20417"


def block_of(module):
    return module.interactive_blocks()[0]


@pytest.fixture
def subject(hub, course, catalogue):
    """A learner in the Night shift with a record of every kind, and her name
    and email address in the free text others wrote about her."""
    person = UserFactory(name=NAME, email=EMAIL, employee_number=NUMBER)
    person.language = "en"
    person.save()
    EmailAddress.objects.create(user=person, email=EMAIL, primary=True, verified=True)
    EmailAddress.objects.create(user=person, email=OTHER_EMAIL)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    # She was invited, and signing in took the invitation up.
    invitations.invite(person=person, by=hub.hr)
    # A session in the database, as a login leaves it.
    Client().force_login(person)
    # She subscribed to her calendar.
    calendar_services.feed_for(user=person)

    today = timezone.localdate()
    organisation.join_role(
        user=person, unit=hub.team, role=hub.role, started_on=today, by=hub.manager
    )
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=today + timedelta(days=30),
        reason=f"{NAME} joins the webcare rota",
        target="person",
        person=person,
    )
    second = make_course(catalogue, bodies=[[text_block()]])
    assignments.assign_course(
        by=hub.manager,
        course=second,
        due_on=today + timedelta(days=10),
        reason="Everyone in the team",
        target="person",
        person=person,
    )
    first_assignment = TrainingAssignment.objects.get(user=person, course=course)
    second_assignment = TrainingAssignment.objects.get(user=person, course=second)
    assignments.extend_due_date(
        assignment=first_assignment,
        due_on=today + timedelta(days=60),
        reason=f"{NAME} is on leave; ask {EMAIL}",
        by=hub.manager,
    )
    assignments.exempt(
        assignment=second_assignment,
        reason=f"{NAME} did this course at her previous employer",
        by=hub.manager,
    )
    Notification.objects.create(
        assignment=first_assignment, kind=Notification.Kind.ASSIGNED, period="x"
    )

    reading, quiz_module, scenario_module = course.get_modules()
    services.complete_module(user=person, module=reading)
    services.submit_quiz(
        user=person,
        module=quiz_module,
        block_id=block_of(quiz_module).id,
        answers=correct_answers(block_of(quiz_module).value),
        token=uuid.uuid4(),
    )
    submission = services.submit_scenario(
        user=person,
        module=scenario_module,
        block_id=block_of(scenario_module).id,
        text=f"Hi, this is {NAME} from the council; mail me at {EMAIL}.",
        token=uuid.uuid4(),
    )
    reviews.review_scenario(
        submission=submission,
        by=hub.manager,
        decision="approved",
        feedback=f"Well put, {NAME}.",
    )

    certification = Certification.objects.create(name="Webcare", validity_months=24)
    certification.courses.add(course)
    certification_services.issue_certificate(
        holder=person, certification=certification, valid_from=today
    )
    return person
