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


@pytest.fixture
def hub(db):
    """A hub with two spokes, a manager for each, HR, an editor and members."""
    from datetime import timedelta

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from lms import organisation
    from lms.models import Role
    from tests.factories import UserFactory

    class Hub:
        pass

    hub = Hub()
    hub.root = organisation.create_unit(name="Hub")
    hub.spoke = organisation.create_unit(name="Webcare", parent=hub.root)
    hub.other_spoke = organisation.create_unit(name="Marketing", parent=hub.root)
    hub.team = organisation.create_unit(name="Night shift", parent=hub.spoke)
    hub.manager = UserFactory(name="Manager Webcare")
    hub.other_manager = UserFactory(name="Manager Marketing")
    managers = Group.objects.get(name="Hub managers")
    for manager, unit in (
        (hub.manager, hub.spoke),
        (hub.other_manager, hub.other_spoke),
    ):
        manager.groups.add(managers)
        unit.managers.add(manager)
    hub.hr = UserFactory(name="HR Person")
    hub.hr.groups.add(Group.objects.get(name="HR"))
    hub.editor = UserFactory(name="Editor")
    hub.editor.groups.add(Group.objects.get(name="Editors"))
    hub.role = Role.objects.create(name="Webcare agent")
    hub.learner = UserFactory(name="Learner Webcare")
    hub.outsider = UserFactory(name="Learner Marketing")
    started = timezone.localdate() - timedelta(days=1)
    hub.membership = organisation.join_role(
        user=hub.learner, unit=hub.team, role=hub.role, started_on=started
    )
    organisation.join_role(
        user=hub.outsider, unit=hub.other_spoke, role=hub.role, started_on=started
    )
    return hub
