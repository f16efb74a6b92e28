from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One notice about an assignment, or about the review of a scenario
    answer; its key makes a second copy impossible.

    The period says which occurrence it is: the due date for a reminder, the
    number of the overdue notice for overdue ones. A row is written before the
    mail goes out and marked sent after, so a crash leaves it to be retried.
    """

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", _("New assignment")
        REMINDER = "reminder", _("Reminder")
        OVERDUE = "overdue", _("Overdue")
        REVIEWED = "reviewed", _("Answer reviewed")

    assignment = models.ForeignKey(
        "lms.TrainingAssignment",
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    review = models.ForeignKey(
        "lms.ScenarioReview",
        verbose_name=_("review"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    period = models.CharField(_("period"), max_length=20)
    escalated = models.BooleanField(_("also to managers"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "kind", "period"], name="lms_notification_once"
            ),
            models.UniqueConstraint(
                fields=["review", "kind"], name="lms_review_notification_once"
            ),
            # About an assignment or a review, never both or neither.
            models.CheckConstraint(
                condition=models.Q(assignment__isnull=False, review__isnull=True)
                | models.Q(assignment__isnull=True, review__isnull=False),
                name="lms_notification_about_one_thing",
            ),
        ]

    def __str__(self):
        about = self.assignment if self.assignment_id else self.review
        return f"{self.get_kind_display()} {self.period}: {about}"

    @property
    def idempotency_key(self) -> str:
        """Names this notice in its mails' Message-ID, the same on every retry.

        The creation time makes it unique beyond this database's ids, which a
        restored or rebuilt database may hand out again.
        """
        return f"notification.{self.pk}.{self.created_at:%Y%m%d%H%M%S%f}"
