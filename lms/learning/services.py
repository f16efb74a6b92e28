"""Learner workflows: enrol, complete modules, submit quizzes and scenarios.

Every workflow locks the enrolment row first, so that concurrent requests of
one learner run one after another and a course is completed exactly once.
"""

import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.grading import InvalidAnswer, grade_quiz
from courses.models import CoursePage, ModulePage
from lms import app_settings, signals
from lms.models import (
    CourseCompletion,
    Enrolment,
    ModuleProgress,
    QuizAttempt,
    ScenarioSubmission,
)
from lms.support.sanitising import sanitise_answer
from lms.webhooks import announcements as webhooks


class NotEnrolled(ValidationError):
    """The learner has no enrolment in the module's course."""


def enrol(*, user, course: CoursePage) -> Enrolment:
    """Enrol a person in a course; enrolling again returns the same enrolment."""
    course = course.get_canonical()
    if not course.live:
        raise ValidationError(_("This course is not published."), code="not_live")
    with transaction.atomic():
        enrolment, created = Enrolment.objects.get_or_create(user=user, course=course)
    if created:
        signals.learner_enrolled.send(
            sender=Enrolment, enrolment=enrolment, created=True
        )
    return enrolment


def self_enrol(*, user, course: CoursePage) -> Enrolment:
    """Enrol on a learner's own initiative, where the course allows it."""
    existing = Enrolment.objects.filter(
        user=user, course__translation_key=course.translation_key
    ).first()
    if existing:
        return existing
    if not course.self_enrolment:
        raise ValidationError(
            _("You can only take this course when it is assigned to you."),
            code="closed",
        )
    return enrol(user=user, course=course)


def _locked_enrolment(user, course: CoursePage) -> Enrolment:
    try:
        enrolment = Enrolment.objects.select_for_update().get(user=user, course=course)
    except Enrolment.DoesNotExist:
        raise NotEnrolled(
            _("Enrol in the course first."), code="not_enrolled"
        ) from None
    enrolment.course = course  # the same row: spares fetching it again
    return enrolment


def unmet_requirements(enrolment: Enrolment, module: ModulePage) -> list[str]:
    """Titles of the quizzes and scenarios of a module not yet done this cycle."""
    blocks = module.interactive_blocks()
    kinds = {block.block_type for block in blocks}
    this_cycle = {"enrolment": enrolment, "module": module, "cycle": enrolment.cycle}
    done = {"quiz": set(), "scenario": set()}
    # Only the kinds of block the module holds: a reading module asks nothing.
    if "quiz" in kinds:
        done["quiz"] = set(
            QuizAttempt.objects.filter(**this_cycle, passed=True).values_list(
                "block_id", flat=True
            )
        )
    if "scenario" in kinds:
        done["scenario"] = set(
            ScenarioSubmission.objects.approved()
            .filter(**this_cycle)
            .values_list("block_id", flat=True)
        )
    return [
        block.value["title"]
        for block in blocks
        if block.id not in done[block.block_type]
    ]


def _record_module(enrolment: Enrolment, module: ModulePage) -> ModuleProgress:
    """Record the module done this cycle, and the course once all its are.

    The caller holds the enrolment's row lock, so nobody else records its
    progress meanwhile: reading first and then inserting is safe, and the
    unique constraint still refuses a second row whatever happens.
    """
    done = dict(
        enrolment.module_progress.filter(cycle=enrolment.cycle).values_list(
            "module_id", "pk"
        )
    )
    if module.pk in done:
        recorded = ModuleProgress.objects.get(pk=done[module.pk])
    else:
        recorded = ModuleProgress.objects.create(
            enrolment=enrolment, module=module, cycle=enrolment.cycle
        )
        done[module.pk] = recorded.pk
    if enrolment.is_completed:
        return recorded
    required = set(enrolment.course.get_modules().values_list("pk", flat=True))
    if required and required <= done.keys():
        _complete_course(enrolment)
    return recorded


def _complete_course(enrolment: Enrolment) -> None:
    enrolment.status = Enrolment.Status.COMPLETED
    enrolment.completed_at = timezone.now()
    # Only the status and its time change: the learner and the course were
    # checked when the row was saved, and the database enforces the table's
    # constraints (one enrolment, a completion time with the status) itself.
    enrolment.full_clean(exclude=["user", "course"], validate_constraints=False)
    enrolment.save(update_fields=["status", "completed_at"])
    CourseCompletion.objects.create(
        enrolment=enrolment, cycle=enrolment.cycle, completed_at=enrolment.completed_at
    )
    # In the completion's transaction: the event is committed with it.
    webhooks.course_completed(enrolment)
    transaction.on_commit(
        lambda: signals.course_completed.send(
            sender=Enrolment,
            enrolment=enrolment,
            user=enrolment.user,
            course=enrolment.course,
        )
    )


def _resolve(module: ModulePage) -> tuple[ModulePage, CoursePage]:
    return module.get_canonical_with_course()


@transaction.atomic
def complete_module(*, user, module: ModulePage) -> ModuleProgress:
    """Mark a module done; its quizzes must be passed and scenarios answered."""
    module, course = _resolve(module)
    enrolment = _locked_enrolment(user, course)
    missing = unmet_requirements(enrolment, module)
    if missing:
        raise ValidationError(
            _("Finish these first: %(items)s.") % {"items": ", ".join(missing)},
            code="unfinished",
        )
    return _record_module(enrolment, module)


def _parse_token(token) -> uuid.UUID:
    try:
        return uuid.UUID(str(token))
    except ValueError:
        raise ValidationError(
            _("The form has expired; please try again."), code="token"
        ) from None


@transaction.atomic
def submit_quiz(
    *, user, module: ModulePage, block_id: str, answers, token
) -> QuizAttempt:
    """Grade answers to a quiz block on the server and keep the attempt.

    ``answers`` maps question ids to the chosen answer ids; nothing else from
    the client is trusted. Every question needs an answer: otherwise the
    ValidationError names each unanswered question by its id. A repeated
    post with the same token returns the attempt it already made.
    """
    token = _parse_token(token)
    block = module.find_block(block_id, "quiz")
    if block is None:
        raise ValidationError(_("This module has no such quiz."), code="unknown_block")
    canonical, course = _resolve(module)
    enrolment = _locked_enrolment(user, course)
    existing = QuizAttempt.objects.filter(enrolment=enrolment, token=token).first()
    if existing:
        return existing
    try:
        result = grade_quiz(block.value, answers)
    except InvalidAnswer as error:
        raise ValidationError(str(error), code="invalid_answer") from error
    if result.unanswered:
        numbers = {
            question.question_id: number
            for number, question in enumerate(result.questions, start=1)
        }
        raise ValidationError(
            {
                question_id: ValidationError(
                    _("Choose an answer to question %(number)d.")
                    % {"number": numbers[question_id]},
                    code="unanswered",
                )
                for question_id in result.unanswered
            }
        )
    score = (
        Decimal(result.score.numerator) / Decimal(result.score.denominator)
    ).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    attempt = QuizAttempt(
        enrolment=enrolment,
        module=canonical,
        block_id=block_id,
        cycle=enrolment.cycle,
        answers={key: sorted(value) for key, value in answers.items()},
        score=score,
        passed=result.passes(course.pass_mark),
        token=token,
    )
    attempt.full_clean()
    attempt.save()
    if attempt.passed and not unmet_requirements(enrolment, canonical):
        _record_module(enrolment, canonical)
    return attempt


def clean_scenario_text(text: str) -> str:
    """The sanitised answer, or a ValidationError saying what is wrong with it."""
    maximum = app_settings.SCENARIO_MAX_LENGTH
    if len(text) > maximum:
        raise ValidationError(
            _("Keep your answer under %(max)d characters (it has %(len)d).")
            % {"max": maximum, "len": len(text)},
            code="too_long",
        )
    cleaned = sanitise_answer(text)
    minimum = app_settings.SCENARIO_MIN_LENGTH
    if len(cleaned) < minimum:
        raise ValidationError(
            _("Write an answer of at least %(min)d characters.") % {"min": minimum},
            code="too_short",
        )
    return cleaned


@transaction.atomic
def submit_scenario(
    *, user, module: ModulePage, block_id: str, text: str, token
) -> ScenarioSubmission:
    """Keep a learner's answer to a scenario, for a manager to review.

    A new answer is accepted only while none waits for review or is approved.
    """
    token = _parse_token(token)
    if module.find_block(block_id, "scenario") is None:
        raise ValidationError(
            _("This module has no such scenario."), code="unknown_block"
        )
    try:
        cleaned = clean_scenario_text(text)
    except ValidationError as error:
        raise ValidationError({"text": error.error_list}) from None
    canonical, course = _resolve(module)
    enrolment = _locked_enrolment(user, course)
    existing = ScenarioSubmission.objects.filter(
        enrolment=enrolment, token=token
    ).first()
    if existing:
        return existing
    answered = ScenarioSubmission.objects.filter(
        enrolment=enrolment, module=canonical, block_id=block_id, cycle=enrolment.cycle
    ).exclude(status=ScenarioSubmission.Status.RETURNED)
    if answered.exists():
        raise ValidationError(
            _("You have answered this scenario already."), code="answered"
        )
    submission = ScenarioSubmission(
        enrolment=enrolment,
        module=canonical,
        block_id=block_id,
        cycle=enrolment.cycle,
        text=cleaned,
        token=token,
    )
    submission.full_clean()
    submission.save()
    return submission


def complete_module_if_done(*, enrolment: Enrolment, module: ModulePage) -> bool:
    """Record a module as done once all of its quizzes and scenarios are."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if unmet_requirements(enrolment, module):
        return False
    _record_module(enrolment, module)
    return True


@transaction.atomic
def start_new_cycle(*, enrolment: Enrolment) -> Enrolment:
    """Open a completed course again, to be taken anew (to renew a certificate).

    The earlier cycle's progress, attempts and completion stay as history. An
    enrolment still in progress is left as it is, so that this is idempotent.
    """
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if not enrolment.is_completed:
        return enrolment
    enrolment.cycle += 1
    enrolment.status = Enrolment.Status.ACTIVE
    enrolment.completed_at = None
    enrolment.save(update_fields=["cycle", "status", "completed_at"])
    return enrolment
