"""Managers review scenario answers: approve them, or return them with feedback."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses.localization import localized_title
from lms.learning.services import complete_module_if_done
from lms.models import ScenarioReview, ScenarioSubmission
from lms.notifications import services as notifications
from lms.organisation import scope


def review_queue(user):
    """Answers waiting for review from the people a manager is responsible for,
    with their module_title in the active language."""
    submissions = (
        ScenarioSubmission.objects.waiting()
        .select_related("enrolment__user", "module")
        .annotate(module_title=localized_title("module"))
    )
    if not scope.sees_everything(user):
        submissions = submissions.filter(enrolment__user__in=scope.visible_people(user))
    # Nobody reviews their own answers.
    return submissions.exclude(enrolment__user=user).order_by("submitted_at", "pk")


def reviewed_answers(user):
    """Answers already reviewed, of the people a manager is responsible for,
    the latest review first, with their module_title in the active language."""
    submissions = (
        ScenarioSubmission.objects.filter(review__isnull=False)
        .select_related("enrolment__user", "module", "review__reviewer")
        .annotate(module_title=localized_title("module"))
    )
    if not scope.sees_everything(user):
        submissions = submissions.filter(enrolment__user__in=scope.visible_people(user))
    return submissions.order_by("-review__reviewed_at", "-pk")


def answers_of(person):
    """A person's scenario answers, newest first, with their reviews and
    module_title in the active language (the person page)."""
    return (
        ScenarioSubmission.objects.filter(enrolment__user=person)
        .select_related("module", "review__reviewer")
        .annotate(module_title=localized_title("module"))
        .order_by("-submitted_at", "-pk")
    )


@transaction.atomic
def review_scenario(
    *, submission: ScenarioSubmission, by, decision: str, feedback: str = ""
) -> ScenarioReview:
    """Approve an answer (the module may then be complete) or return it.

    The learner is told by mail, sent by a worker once the review commits.
    """
    learner = submission.enrolment.user
    if (
        not by.has_perm("lms.add_scenarioreview")
        or learner.pk == by.pk
        or not scope.manages(by, learner)
    ):
        raise PermissionDenied
    submission = ScenarioSubmission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != ScenarioSubmission.Status.SUBMITTED:
        raise ValidationError(
            _("This answer has already been reviewed."), code="reviewed"
        )
    feedback = feedback.strip()
    if decision == ScenarioReview.Decision.RETURNED and not feedback:
        raise ValidationError(
            {"feedback": _("Say what the learner should improve.")}, code="feedback"
        )
    review = ScenarioReview(
        submission=submission, reviewer=by, decision=decision, feedback=feedback
    )
    review.full_clean()
    review.save()
    submission.status = decision
    submission.save(update_fields=["status"])
    notifications.notify_reviewed(review)
    if decision == ScenarioReview.Decision.APPROVED:
        complete_module_if_done(
            enrolment=submission.enrolment, module=submission.module
        )
    log(
        submission,
        f"lms.review_{decision}",
        user=by,
        data={
            "learner": str(submission.enrolment.user),
            "module": submission.module.title,
        },
    )
    return review
