"""Learner data for course templates, which may not import lms themselves."""

import uuid

from django import template

from courses.grading import InvalidAnswer, grade_quiz, question_choices, quiz_questions
from lms import app_settings, progress
from lms.views.learner import quiz_answers

register = template.Library()


@register.simple_tag(takes_context=True)
def course_progress(context, course):
    """The signed-in learner's progress through a course page."""
    return progress.course_progress(context["request"].user, course)


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


@register.inclusion_tag("lms/tags/quiz_panel.html", takes_context=True)
def quiz_panel(context, page, block, state):
    """A quiz as a form, with feedback on the learner's latest attempt."""
    request = context["request"]
    block_state = state.block(block.id)
    latest = block_state.latest
    errors = getattr(request, "lms_errors", {}).get(block.id)
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
        "questions": quiz_questions(block.value),
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
    errors = getattr(request, "lms_errors", {}).get(block.id)
    return {
        "request": request,
        "page": page,
        "block": block,
        "scenario": block.value,
        "enrolment": state.enrolment,
        "state": state.block(block.id),
        "errors": errors,
        "text": request.POST.get("text", "") if errors else "",
        "max_length": app_settings.SCENARIO_MAX_LENGTH,
        "token": uuid.uuid4(),
    }


@register.filter
def choices_of(question):
    """The (id, value) pairs of a question's answers, for looping in templates."""
    return question_choices(question)
