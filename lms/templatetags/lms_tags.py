"""Learner data for course templates, which may not import lms themselves."""

import uuid

from django import template
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import QueryDict
from django.shortcuts import resolve_url

from courses.grading import InvalidAnswer, grade_quiz, question_choices, quiz_questions
from lms import app_settings, persons
from lms.learning import progress
from lms.learning.views import quiz_answers

register = template.Library()


@register.simple_tag(takes_context=True)
def login_url(context) -> str:
    """The host site's sign-in page (settings.LOGIN_URL), back here after."""
    query = QueryDict(mutable=True)
    query[REDIRECT_FIELD_NAME] = context["request"].get_full_path()
    return f"{resolve_url(settings.LOGIN_URL)}?{query.urlencode(safe='/')}"


@register.filter
def person_name(user) -> str:
    """How a person is shown, whatever the site's user model (lms.persons)."""
    return persons.display_name(user) if user else ""


@register.simple_tag(takes_context=True)
def course_progress(context, course):
    """The signed-in learner's progress through a course page."""
    return progress.course_progress(context["request"].user, course)


@register.simple_tag(takes_context=True)
def course_held(context, course):
    """What the signed-in person already holds that a course leads to, in a
    sentence, or None."""
    return progress.courses_held(context["request"].user, [course]).get(
        course.translation_key
    )


@register.simple_tag(takes_context=True)
def catalogue_states(context, courses):
    """The signed-in person's state of each course on a catalogue page."""
    return progress.catalogue_states(context["request"].user, courses)


@register.filter
def state_of(states, course):
    """A course's (state, label) in catalogue_states, or None."""
    return states.get(course.translation_key)


@register.simple_tag(takes_context=True)
def module_state(context, module):
    """The signed-in learner's enrolment, completion and answers for a module."""
    return progress.module_state(context["request"].user, module)


def _quiz_feedback(quiz, attempt, reveal: bool):
    try:
        result = grade_quiz(quiz, attempt.answers)
    except InvalidAnswer:
        return None  # the quiz was edited since; its old answers no longer fit
    outcomes = {question.question_id: question for question in result.questions}
    questions = []
    for question_id, question in quiz_questions(quiz):
        outcome = outcomes[question_id]
        choices = [
            {
                "id": choice_id,
                "text": choice["text"],
                "chosen": choice_id in outcome.chosen,
                "correct": choice_id in outcome.correct,
                "explanation": choice["explanation"],
                "show": choice_id in outcome.chosen
                or (reveal and choice_id in outcome.correct),
            }
            for choice_id, choice in question_choices(question)
        ]
        questions.append(
            {
                "id": question_id,
                "text": question["text"],
                "correct": outcome.is_correct,
                "choices": choices,
            }
        )
    return questions


def _error_summary(request, block_id, targets: dict[str, str]):
    """The errors a submit of a block came back with, for an error summary.

    targets maps the fields an error may name (a question id, "text") to the
    id of the control that a summary entry links to. Returns the entries
    ({"message", "target"}: the fields' in their order, then the others) and
    each field's messages; both empty when the block has no error.
    """
    error = getattr(request, "lms_errors", {}).get(block_id)
    if error is None:
        return [], {}
    by_field, other = {}, []
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            if name in targets:
                by_field[name] = messages
            else:
                other.extend(messages)
    else:
        other = error.messages
    entries = [
        {"message": message, "target": target}
        for name, target in targets.items()
        for message in by_field.get(name, [])
    ]
    entries += [{"message": message, "target": ""} for message in other]
    return entries, by_field


@register.inclusion_tag("lms/tags/quiz_panel.html", takes_context=True)
def quiz_panel(context, page, block, state):
    """A quiz as a form, with feedback on the learner's latest attempt."""
    request = context["request"]
    block_state = state.block(block.id)
    latest = block_state.latest
    questions = [
        {"id": question_id, "value": question, "choices": question_choices(question)}
        for question_id, question in quiz_questions(block.value)
    ]
    errors, by_question = _error_summary(
        request,
        block.id,
        {
            # An entry links to the question's first answer.
            question["id"]: f"c-{block.id}-{question['choices'][0][0]}"
            for question in questions
            if question["choices"]
        },
    )
    for question in questions:
        question["errors"] = by_question.get(question["id"], [])
    chosen = set()
    if errors:  # keep what the learner ticked when the form comes back with an error
        chosen = {
            value for values in quiz_answers(request.POST).values() for value in values
        }
    return {
        "request": request,
        "page": page,
        "block": block,
        "quiz": block.value,
        "questions": questions,
        "enrolment": state.enrolment,
        "state": block_state,
        "feedback": _quiz_feedback(block.value, latest, reveal=block_state.passed)
        if latest
        else None,
        "errors": errors,
        "chosen": chosen,
        "token": uuid.uuid4(),
    }


@register.inclusion_tag("lms/tags/scenario_panel.html", takes_context=True)
def scenario_panel(context, page, block, state):
    """A scenario with the answer form, or the learner's submitted answer."""
    request = context["request"]
    errors, by_field = _error_summary(request, block.id, {"text": f"answer-{block.id}"})
    return {
        "request": request,
        "page": page,
        "block": block,
        "scenario": block.value,
        "enrolment": state.enrolment,
        "state": state.block(block.id),
        "errors": errors,
        "text_errors": by_field.get("text", []),
        "text": request.POST.get("text", "") if errors else "",
        "min_length": app_settings.SCENARIO_MIN_LENGTH,
        "max_length": app_settings.SCENARIO_MAX_LENGTH,
        "token": uuid.uuid4(),
    }


@register.filter
def choices_of(question):
    """The (id, value) pairs of a question's answers, for looping in templates."""
    return question_choices(question)
