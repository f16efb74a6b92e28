import uuid

import pytest
from django.core.exceptions import ValidationError

from lms.learning import services
from lms.models import Enrolment, ModuleProgress, QuizAttempt, ScenarioSubmission
from lms.reviews import services as reviews
from tests.factories import UserFactory, correct_answers, wrong_answers

pytestmark = pytest.mark.django_db


def quiz_of(module):
    return module.interactive_blocks()[0]


def finish(user, modules):
    """Complete every module: read, pass the quiz, answer the scenario."""
    reading, quiz_module, scenario_module = modules
    services.complete_module(user=user, module=reading)
    block = quiz_of(quiz_module)
    services.submit_quiz(
        user=user,
        module=quiz_module,
        block_id=block.id,
        answers=correct_answers(block.value),
        token=uuid.uuid4(),
    )
    submission = services.submit_scenario(
        user=user,
        module=scenario_module,
        block_id=quiz_of(scenario_module).id,
        text="Sorry to hear that; a team comes by today.",
        token=uuid.uuid4(),
    )
    approve(submission)


def approve(submission):
    reviews.review_scenario(
        submission=submission,
        by=UserFactory(is_superuser=True),
        decision="approved",
    )


def test_enrolling_twice_gives_one_enrolment(user, course):
    first = services.enrol(user=user, course=course)
    second = services.enrol(user=user, course=course)
    assert first.pk == second.pk
    assert Enrolment.objects.count() == 1


def test_self_enrolment_respects_the_course_setting(user, course):
    course.self_enrolment = False
    course.save()
    with pytest.raises(ValidationError, match="assigned"):
        services.self_enrol(user=user, course=course)
    assert not Enrolment.objects.exists()


def test_unpublished_course_cannot_be_enrolled(user, course):
    course.unpublish()
    with pytest.raises(ValidationError, match="not published"):
        services.enrol(user=user, course=course)


def test_module_actions_need_an_enrolment(user, modules):
    with pytest.raises(services.NotEnrolled):
        services.complete_module(user=user, module=modules[0])
    assert not ModuleProgress.objects.exists()


def test_a_module_with_a_quiz_is_not_completed_by_hand(user, course, modules):
    services.enrol(user=user, course=course)
    with pytest.raises(ValidationError, match="Finish these first: Quiz"):
        services.complete_module(user=user, module=modules[1])
    assert not ModuleProgress.objects.exists()


def test_every_attempt_is_kept_and_the_best_counts(user, course, modules):
    services.enrol(user=user, course=course)
    module = modules[1]
    block = quiz_of(module)
    failed = services.submit_quiz(
        user=user,
        module=module,
        block_id=block.id,
        answers=wrong_answers(block.value),
        token=uuid.uuid4(),
    )
    assert not failed.passed and failed.score == 0
    assert not ModuleProgress.objects.filter(module=module).exists()
    passed = services.submit_quiz(
        user=user,
        module=module,
        block_id=block.id,
        answers=correct_answers(block.value),
        token=uuid.uuid4(),
    )
    assert passed.passed and passed.score == 1
    services.submit_quiz(
        user=user,
        module=module,
        block_id=block.id,
        answers=wrong_answers(block.value),
        token=uuid.uuid4(),
    )
    assert QuizAttempt.objects.count() == 3
    # A worse attempt after passing does not undo the module.
    assert ModuleProgress.objects.filter(module=module).count() == 1


def test_the_pass_mark_decides(user, catalogue):
    from tests.factories import make_course, question, quiz_block

    course = make_course(
        catalogue, bodies=[[quiz_block(question(), question())]], pass_mark=50
    )
    services.enrol(user=user, course=course)
    module = course.get_modules().get()
    block = quiz_of(module)
    answers = wrong_answers(block.value)
    first_question = next(iter(answers))
    half_right = {
        **answers,
        first_question: correct_answers(block.value)[first_question],
    }
    attempt = services.submit_quiz(
        user=user,
        module=module,
        block_id=block.id,
        answers=half_right,
        token=uuid.uuid4(),
    )
    assert attempt.score_percent == 50 and attempt.passed
    course.pass_mark = 51
    course.save()
    attempt = services.submit_quiz(
        user=user,
        module=module,
        block_id=block.id,
        answers=half_right,
        token=uuid.uuid4(),
    )
    assert not attempt.passed


def test_every_question_needs_an_answer_and_each_missing_one_is_named(user, catalogue):
    from tests.factories import make_course, question, quiz_block

    course = make_course(
        catalogue, bodies=[[quiz_block(question(), question(), question())]]
    )
    services.enrol(user=user, course=course)
    module = course.get_modules().get()
    block = quiz_of(module)
    answers = correct_answers(block.value)
    second = list(answers)[1]
    for given, missing in [({}, [1, 2, 3]), ({second: answers[second]}, [1, 3])]:
        with pytest.raises(ValidationError) as refused:
            services.submit_quiz(
                user=user,
                module=module,
                block_id=block.id,
                answers=given,
                token=uuid.uuid4(),
            )
        question_ids = [q for q in answers if q != second or not given]
        assert refused.value.message_dict == {
            question_id: [f"Choose an answer to question {number}."]
            for question_id, number in zip(question_ids, missing, strict=True)
        }
    assert not QuizAttempt.objects.exists()


def test_a_repeated_post_is_recorded_once(user, course, modules):
    services.enrol(user=user, course=course)
    block = quiz_of(modules[1])
    token = uuid.uuid4()
    kwargs = {
        "user": user,
        "module": modules[1],
        "block_id": block.id,
        "answers": correct_answers(block.value),
        "token": token,
    }
    assert services.submit_quiz(**kwargs).pk == services.submit_quiz(**kwargs).pk
    assert QuizAttempt.objects.count() == 1


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"no-such-question": []}, "has no question"),
        (
            lambda value: {value["questions"].bound_blocks[0].id: ["nope"]},
            "has no answer",
        ),
    ],
)
def test_a_tampered_quiz_answer_is_refused_and_changes_nothing(
    user, course, modules, answers, message
):
    services.enrol(user=user, course=course)
    block = quiz_of(modules[1])
    if callable(answers):
        answers = answers(block.value)
    with pytest.raises(ValidationError, match=message):
        services.submit_quiz(
            user=user,
            module=modules[1],
            block_id=block.id,
            answers=answers,
            token=uuid.uuid4(),
        )
    assert not QuizAttempt.objects.exists()


def test_an_unknown_block_is_refused(user, course, modules):
    services.enrol(user=user, course=course)
    with pytest.raises(ValidationError, match="no such quiz"):
        services.submit_quiz(
            user=user,
            module=modules[0],
            block_id="missing",
            answers={},
            token=uuid.uuid4(),
        )
    with pytest.raises(ValidationError, match="expired"):
        services.submit_quiz(
            user=user, module=modules[1], block_id="x", answers={}, token="not-a-uuid"
        )


def test_scenario_text_is_sanitised(user, course, modules):
    services.enrol(user=user, course=course)
    module = modules[2]
    submission = services.submit_scenario(
        user=user,
        module=module,
        block_id=quiz_of(module).id,
        token=uuid.uuid4(),
        text='<script>alert(1)</script><b>Sorry</b> <a href="javascript:x" onclick="y">for</a> the wait & the mess.',
    )
    assert submission.text == "alert(1)<b>Sorry</b> for the wait &amp; the mess."
    assert "<script" not in submission.text_html
    # The answer waits for a manager's review before the module counts.
    assert not ModuleProgress.objects.filter(module=module).exists()
    approve(submission)
    assert ModuleProgress.objects.filter(module=module).exists()


@pytest.mark.parametrize(
    "text, message",
    [
        ("x" * 5001, "under 5000"),
        ("   <p> </p>  ", "at least 20"),
        ("too short", "at least"),
    ],
)
def test_bad_scenario_answers_are_refused_and_change_nothing(
    user, course, modules, text, message
):
    services.enrol(user=user, course=course)
    module = modules[2]
    with pytest.raises(ValidationError, match=message):
        services.submit_scenario(
            user=user,
            module=module,
            block_id=quiz_of(module).id,
            text=text,
            token=uuid.uuid4(),
        )
    assert not ScenarioSubmission.objects.exists()


def test_completing_every_module_completes_the_course_once(
    user, course, modules, completions, django_capture_on_commit_callbacks
):
    enrolment = services.enrol(user=user, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        finish(user, modules)
        services.complete_module(user=user, module=modules[0])
    enrolment.refresh_from_db()
    assert enrolment.is_completed and enrolment.completed_at
    assert len(completions) == 1
    assert (
        completions[0]["enrolment"] == enrolment and completions[0]["course"] == course
    )


def test_work_in_a_translation_counts_for_the_original(user, course, modules, locales):
    english_course = course.copy_for_translation(locales["en"], copy_parents=True)
    english_course.save_revision().publish()
    english_modules = []
    for module in modules:
        translated = module.copy_for_translation(locales["en"])
        translated.save_revision().publish()
        english_modules.append(translated)
    services.enrol(user=user, course=english_course)
    enrolment = Enrolment.objects.get()
    assert enrolment.course_id == course.pk
    finish(user, english_modules)
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    assert set(enrolment.module_progress.values_list("module_id", flat=True)) == {
        m.pk for m in modules
    }


def test_a_new_cycle_asks_for_the_course_again_and_keeps_the_last_one(
    user, course, modules, completions, django_capture_on_commit_callbacks
):
    from lms.learning import progress
    from lms.models import CourseCompletion

    services.enrol(user=user, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        finish(user, modules)
    enrolment = Enrolment.objects.get()
    first_completed_at = enrolment.completed_at
    enrolment = services.start_new_cycle(enrolment=enrolment)
    assert (enrolment.cycle, enrolment.status, enrolment.completed_at) == (
        2,
        "active",
        None,
    )
    # Starting again while in progress changes nothing.
    assert services.start_new_cycle(enrolment=enrolment).cycle == 2
    # The passed quiz and approved answer of cycle 1 do not count for cycle 2.
    reading, quiz_module, scenario_module = modules
    assert services.unmet_requirements(enrolment, quiz_module) == ["Quiz"]
    assert services.unmet_requirements(enrolment, scenario_module) != []
    with pytest.raises(ValidationError, match="Finish these first"):
        services.complete_module(user=user, module=quiz_module)
    state = progress.module_state(user, quiz_module)
    assert not state.done and state.block(quiz_of(quiz_module).id).latest is None
    assert Enrolment.objects.with_progress().get().modules_done == 0
    assert not any(line.done for line in progress.course_progress(user, course).modules)
    # A scenario answered in cycle 1 may be answered again.
    with django_capture_on_commit_callbacks(execute=True):
        finish(user, modules)
    enrolment.refresh_from_db()
    assert enrolment.is_completed and enrolment.completed_at > first_completed_at
    assert list(
        CourseCompletion.objects.order_by("cycle").values_list("cycle", flat=True)
    ) == [1, 2]
    assert ModuleProgress.objects.count() == 6
    assert len(completions) == 2
