"""certification listens to lms; lms knows nothing of certificates."""

from django.dispatch import receiver

from certification import services
from lms.signals import course_completed


@receiver(course_completed, dispatch_uid="certification.issue_on_completion")
def issue_on_completion(sender, *, user, course, **kwargs):
    services.issue_for_completed_course(user=user, course=course)
