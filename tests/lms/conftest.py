from datetime import timedelta

import pytest
from django.utils import timezone

from certification import services as certification_services
from certification.models import Certification
from lms import signals


@pytest.fixture
def modules(course):
    """The course's reading, quiz and scenario modules, in order."""
    return list(course.get_modules())


@pytest.fixture
def completions():
    """Every course_completed signal sent during the test."""
    sent = []

    def receiver(sender, **kwargs):
        sent.append(kwargs)

    signals.course_completed.connect(receiver)
    yield sent
    signals.course_completed.disconnect(receiver)


@pytest.fixture
def certificate(hub, course):
    """The learner's certificate of a two-year certification of the course."""
    certification = Certification.objects.create(name="Webcare", validity_months=24)
    certification.courses.add(course)
    return certification_services.issue_certificate(
        holder=hub.learner,
        certification=certification,
        valid_from=timezone.localdate() - timedelta(days=1),
    )
