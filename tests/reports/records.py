"""Records for the report tests, made directly: the reports only read them."""

import uuid
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from certification.models import Certificate
from lms.models import Enrolment, QuizAttempt, TrainingAssignment


def assign(person, course, due, *, assigned_days_ago=0):
    today = timezone.localdate()
    assignment = TrainingAssignment.objects.create(
        user=person, course=course, source="manager", due_on=today + timedelta(due)
    )
    if assigned_days_ago:
        TrainingAssignment.objects.filter(pk=assignment.pk).update(
            assigned_at=timezone.now() - timedelta(days=assigned_days_ago)
        )
    return assignment


def complete(person, course, *scores):
    enrolment = Enrolment.objects.create(
        user=person, course=course, status="completed", completed_at=timezone.now()
    )
    quiz = course.get_modules()[1]
    for score in scores:
        QuizAttempt.objects.create(
            enrolment=enrolment,
            module=quiz,
            block_id="quiz",
            answers={},
            score=Decimal(score),
            passed=Decimal(score) >= Decimal("0.6"),
            token=uuid.uuid4(),
        )
    return enrolment


def certificate(holder, certification, until, *, valid_days=300, **fields):
    today = timezone.localdate()
    return Certificate.objects.create(
        holder=holder,
        certification=certification,
        valid_from=today + timedelta(until - valid_days),
        valid_until=today + timedelta(until),
        **fields,
    )
