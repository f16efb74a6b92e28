"""Concurrent requests of one learner, on PostgreSQL where rows are really locked."""

import uuid

import pytest

from lms.learning import services
from lms.models import Enrolment, ModuleProgress
from tests.concurrency import THREADS, run_together
from tests.factories import UserFactory, correct_answers, make_course, text_block

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("postgres_only"),
]


def test_concurrent_enrolments_give_one(catalogue):
    user = UserFactory()
    course = make_course(catalogue)
    results = run_together(lambda _i: services.enrol(user=user, course=course))
    assert all(isinstance(result, Enrolment) for result in results), results
    assert Enrolment.objects.filter(user=user).count() == 1


def test_completing_the_last_modules_at_once_completes_the_course_once(
    catalogue, completions
):
    user = UserFactory()
    course = make_course(catalogue, bodies=[[text_block()] for _ in range(THREADS)])
    modules = list(course.get_modules())
    services.enrol(user=user, course=course)
    # Every thread completes a different module, so each could be the last one.
    results = run_together(
        lambda i: services.complete_module(user=user, module=modules[i])
    )
    assert not [result for result in results if isinstance(result, Exception)], results
    enrolment = Enrolment.objects.get(user=user)
    assert enrolment.is_completed
    assert ModuleProgress.objects.filter(enrolment=enrolment).count() == THREADS
    assert len(completions) == 1


def test_the_same_last_module_posted_at_once_completes_once(catalogue, completions):
    user = UserFactory()
    course = make_course(catalogue, bodies=[[text_block()], [text_block()]])
    first, last = course.get_modules()
    services.enrol(user=user, course=course)
    services.complete_module(user=user, module=first)
    results = run_together(lambda _i: services.complete_module(user=user, module=last))
    assert not [result for result in results if isinstance(result, Exception)], results
    assert ModuleProgress.objects.count() == 2
    assert len(completions) == 1


def test_a_double_submitted_quiz_is_one_attempt(catalogue):
    from lms.models import QuizAttempt
    from tests.factories import quiz_block

    user = UserFactory()
    course = make_course(catalogue, bodies=[[quiz_block()]])
    module = course.get_modules().get()
    block = module.interactive_blocks()[0]
    services.enrol(user=user, course=course)
    token = uuid.uuid4()
    results = run_together(
        lambda _i: services.submit_quiz(
            user=user,
            module=module,
            block_id=block.id,
            answers=correct_answers(block.value),
            token=token,
        )
    )
    assert not [result for result in results if isinstance(result, Exception)], results
    assert QuizAttempt.objects.count() == 1
    assert ModuleProgress.objects.count() == 1


def test_two_managers_assigning_the_same_course_at_once_give_one_assignment(
    hub, course
):
    from datetime import timedelta

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from lms.assignments import services as assignments
    from lms.models import AssignmentDemand, TrainingAssignment

    second = UserFactory()
    second.groups.add(Group.objects.get(name="Hub managers"))
    hub.spoke.managers.add(second)
    managers = [hub.manager, second] * (THREADS // 2)
    results = run_together(
        lambda i: assignments.assign_course(
            by=managers[i],
            course=course,
            due_on=timezone.localdate() + timedelta(days=10),
            reason=f"Manager {i}",
            target="person",
            person=hub.learner,
        )
    )
    assert not [result for result in results if isinstance(result, Exception)], results
    assert (
        TrainingAssignment.objects.filter(user=hub.learner, course=course).count() == 1
    )
    assert AssignmentDemand.objects.count() == THREADS
    assert Enrolment.objects.filter(user=hub.learner, course=course).count() == 1


def test_two_managers_reviewing_one_answer_at_once_give_one_review(hub, catalogue):
    from lms.models import ScenarioReview, ScenarioSubmission
    from lms.reviews import services as reviews
    from tests.factories import scenario_block

    course = make_course(catalogue, bodies=[[scenario_block()]])
    module = course.get_modules().get()
    services.enrol(user=hub.learner, course=course)
    submission = services.submit_scenario(
        user=hub.learner,
        module=module,
        block_id=module.interactive_blocks()[0].id,
        text="We are on our way to fix it today.",
        token=uuid.uuid4(),
    )
    results = run_together(
        lambda i: reviews.review_scenario(
            submission=submission, by=hub.manager, decision="approved", feedback=str(i)
        )
    )
    assert sum(1 for result in results if isinstance(result, ScenarioReview)) == 1
    assert ScenarioReview.objects.count() == 1
    assert ScenarioSubmission.objects.get().status == "approved"
    assert ModuleProgress.objects.count() == 1


def test_concurrent_completions_issue_one_certificate(catalogue):
    from datetime import date

    from certification import services as certificates
    from certification.models import Certificate, Certification

    user = UserFactory()
    certification = Certification.objects.create(name="Webcare", validity_months=24)
    results = run_together(
        lambda _i: certificates.issue_certificate(
            holder=user, certification=certification, valid_from=date(2026, 11, 28)
        )
    )
    assert not [result for result in results if isinstance(result, Exception)], results
    assert len({result.pk for result in results}) == 1
    assert Certificate.objects.count() == 1
