from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from lms import persons
from lms.querysets import (
    EnrolmentQuerySet,
    QuizAttemptQuerySet,
    ScenarioSubmissionQuerySet,
)


class Enrolment(models.Model):
    """A person taking a course. Points at the course's original translation."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.ACTIVE
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # Each time a completed course is taken again (to renew a certificate) a
    # new cycle starts; progress, attempts and answers belong to one cycle.
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="lms_one_enrolment_per_course"
            ),
            models.CheckConstraint(
                condition=Q(status="active", completed_at__isnull=True)
                | Q(status="completed", completed_at__isnull=False),
                name="lms_enrolment_completed_at_matches_status",
            ),
        ]

    def __str__(self):
        return f"{persons.display_name(self.user)} – {self.course}"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class CourseCompletion(models.Model):
    """One completion of a course: the history that re-taking it keeps."""

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="completions",
    )
    cycle = models.PositiveSmallIntegerField(_("cycle"))
    completed_at = models.DateTimeField(_("completed at"))

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "cycle"], name="lms_completed_once_per_cycle"
            ),
        ]

    def __str__(self):
        return f"{self.enrolment} ({self.completed_at:%Y-%m-%d})"


class ModuleProgress(models.Model):
    """A module that a learner has completed."""

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="module_progress",
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        related_name="progress",
    )
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module", "cycle"],
                name="lms_module_done_once_per_cycle",
            ),
        ]

    def __str__(self):
        return f"{self.enrolment} – {self.module}"


class QuizAttempt(models.Model):
    """One submitted set of answers to a quiz block; every attempt is kept."""

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        related_name="quiz_attempts",
    )
    block_id = models.CharField(_("quiz block"), max_length=64)
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)
    answers = models.JSONField(
        _("answers"), help_text=_("Question id to chosen answer ids.")
    )
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=4)
    passed = models.BooleanField(_("passed"))
    token = models.UUIDField(
        _("submission token"),
        help_text=_("Sent with the form, so that a repeated post is recorded once."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "token"], name="lms_quiz_attempt_once"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=1), name="lms_quiz_score_0_to_1"
            ),
        ]
        indexes = [models.Index(fields=["enrolment", "module", "block_id"])]

    def __str__(self):
        return f"{self.enrolment} – {self.block_id} ({self.score_percent}%)"

    @property
    def score_percent(self) -> int:
        return round(self.score * 100)


class ScenarioSubmission(models.Model):
    """A learner's free-text answer to a scenario block."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned with feedback")

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="scenario_submissions",
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        related_name="scenario_submissions",
    )
    block_id = models.CharField(_("scenario block"), max_length=64)
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)
    text = models.TextField(_("answer"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.SUBMITTED
    )
    token = models.UUIDField(_("submission token"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    objects = ScenarioSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("scenario answer")
        verbose_name_plural = _("scenario answers")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "token"], name="lms_scenario_once"
            ),
        ]
        indexes = [models.Index(fields=["enrolment", "module", "block_id"])]

    def __str__(self):
        return f"{self.enrolment} – {self.block_id}"

    @property
    def text_html(self):
        # The text was sanitised with bleach on the way in; only line breaks are added.
        return mark_safe(linebreaks(self.text, autoescape=False))  # noqa: S308
