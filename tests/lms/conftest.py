import pytest

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
