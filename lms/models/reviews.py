from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScenarioReview(models.Model):
    """A manager's verdict on a scenario answer: approved, or returned with feedback."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned with feedback")

    submission = models.OneToOneField(
        "lms.ScenarioSubmission",
        verbose_name=_("answer"),
        on_delete=models.CASCADE,
        related_name="review",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision)
    feedback = models.TextField(_("feedback"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("scenario review")
        verbose_name_plural = _("scenario reviews")

    def __str__(self):
        return f"{self.submission}: {self.get_decision_display()}"
