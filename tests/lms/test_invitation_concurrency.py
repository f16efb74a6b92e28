"""Invitations sent or used several times at once (PostgreSQL, where
requests really run side by side): one link works, and it works once."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.models import ModelLogEntry

from lms.invitations import services as invitations
from lms.models import Invitation
from tests.concurrency import THREADS, run_together
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("postgres_only"),
]


@pytest.fixture
def newcomer(db):
    person = UserFactory(name="New Colleague")
    person.set_unusable_password()
    person.save()
    return person


@override_settings(LMS_INVITATIONS_PER_PERSON_PER_DAY=THREADS)
def test_invitations_sent_at_once_leave_one_that_works(hub, newcomer):
    results = run_together(lambda i: invitations.invite(person=newcomer, by=hub.hr))

    assert [r for r in results if isinstance(r, Exception)] == []
    assert Invitation.objects.count() == THREADS
    assert Invitation.objects.open().count() == 1
    assert ModelLogEntry.objects.filter(action="lms.invite").count() == THREADS


def test_a_limit_reached_at_once_is_not_passed(hub, newcomer):
    limit = 2
    with override_settings(LMS_INVITATIONS_PER_PERSON_PER_DAY=limit):
        results = run_together(lambda i: invitations.invite(person=newcomer, by=hub.hr))

    refused = [r for r in results if isinstance(r, Exception)]
    assert all(isinstance(r, ValidationError) for r in refused), refused
    assert Invitation.objects.count() == limit


def test_a_link_used_at_once_sets_one_password(hub, newcomer):
    invitation = invitations.invite(person=newcomer, by=hub.hr)

    results = run_together(
        lambda i: invitations.accept(invitation=invitation, password=f"pass-{i}-long")
    )

    used = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(used) == 1
    assert all(isinstance(r, invitations.InvitationUnusable) for r in refused)
    newcomer.refresh_from_db()
    assert sum(newcomer.check_password(f"pass-{i}-long") for i in range(THREADS)) == 1
    assert ModelLogEntry.objects.filter(action="lms.invitation_accepted").count() == 1
