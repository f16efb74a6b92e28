"""certification listens to lms; lms knows nothing of certificates."""

from django.dispatch import receiver

from certification import daily, mail, renewal, services
from lms.signals import course_completed, daily_run


@receiver(course_completed, dispatch_uid="certification.issue_on_completion")
def issue_on_completion(sender, *, user, course, **kwargs):
    # After the completion's commit: if the process dies first, the daily
    # run's issue_earned issues the certificate instead.
    services.issue_for_completed_course(user=user, course=course)


# The daily steps run in the order they are connected: issuing first, so that
# renewals start from the certificates as they should stand.
@receiver(daily_run, dispatch_uid="certification.issue_earned")
def issue_earned(sender, *, today, **kwargs) -> str:
    """lms_daily's step that issues what completions earned and lack."""
    return f"certificates issued: {daily.issue_earned(today)}"


@receiver(daily_run, dispatch_uid="certification.start_renewals")
def start_renewals(sender, *, today, **kwargs) -> str:
    """lms_daily's renewal step: returns its line of the summary."""
    return f"renewals started: {renewal.start_due_renewals(today)}"


@receiver(daily_run, dispatch_uid="certification.retry_mails")
def retry_mails(sender, *, today, **kwargs) -> str:
    """lms_daily's step that queues again the holders' mails not sent."""
    return f"certificate mails queued again: {mail.queue_unsent()}"
