"""Demo learners work through modules the way a person would, via the services."""

import uuid

from lms.learning import services
from lms.models import ScenarioSubmission
from lms.reviews import services as reviews

# Stable ids, so that a Dutch block and its English translation share one id,
# and a demo answer posted twice is recorded once.
ID_NAMESPACE = uuid.UUID("1b1a8a5e-6d59-4a8e-9d7c-6a2f3f1c0b01")


def stable_id(*parts) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(map(str, parts))))


def right_answers(quiz) -> dict[str, list[str]]:
    return {
        question.id: [
            choice.id
            for choice in question.value["choices"].bound_blocks
            if choice.value["correct"]
        ]
        for question in quiz["questions"].bound_blocks
    }


def work_through(user, module, *, token_prefix: str, reviewer=None) -> bool:
    """Pass the module's quizzes and answer its scenarios with the model answer.

    A reviewer, when given, approves the answers, so the module completes;
    returns whether it did.
    """
    for block in module.interactive_blocks():
        token = stable_id(token_prefix, user.pk, block.id)
        if block.block_type == "quiz":
            services.submit_quiz(
                user=user,
                module=module,
                block_id=block.id,
                answers=right_answers(block.value),
                token=token,
            )
            continue
        submission = services.submit_scenario(
            user=user,
            module=module,
            block_id=block.id,
            text=block.value["model_answer"],
            token=token,
        )
        if reviewer and submission.status == ScenarioSubmission.Status.SUBMITTED:
            reviews.review_scenario(
                submission=submission,
                by=reviewer,
                decision="approved",
                feedback="Helder en menselijk.",
            )
    enrolment = services.enrol(user=user, course=module.get_course())
    return services.complete_module_if_done(enrolment=enrolment, module=module)
