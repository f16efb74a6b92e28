"""certification listens to lms; lms knows nothing of certificates."""

from django.dispatch import receiver

from certification import renewal, services
from lms.signals import course_completed, daily_run


@receiver(course_completed, dispatch_uid="certification.issue_on_completion")
def issue_on_completion(sender, *, user, course, **kwargs):
    services.issue_for_completed_course(user=user, course=course)


@receiver(daily_run, dispatch_uid="certification.start_renewals")
def start_renewals(sender, *, today, **kwargs) -> str:
    """lms_daily's renewal step: returns its line of the summary."""
    return f"renewals started: {renewal.start_due_renewals(today)}"
