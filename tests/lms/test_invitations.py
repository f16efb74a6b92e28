"""Invitations: sent by HR or a hub manager, used once, expiring, replaced
by a new one, and in the audit trail."""

import io
import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lms.invitations import services as invitations
from lms.invitations.tokens import invitation_tokens
from lms.models import Invitation
from lms.organisation import services as organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "a long new passphrase 7"


@pytest.fixture
def newcomer(hub):
    """Someone in the manager's unit who has never signed in."""
    person = UserFactory(name="New Colleague", language="en")
    person.set_unusable_password()
    person.save()
    organisation.join_role(user=person, unit=hub.team, role=hub.role)
    return person


@pytest.fixture
def client(client, settings):
    """A browser that reads English (the site's default is Dutch)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """invitations.invite, with the mail sent on commit as a worker would."""

    def send(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return invitations.invite(**kwargs)

    return send


@pytest.fixture
def daily(django_capture_on_commit_callbacks):
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("lms_daily", stdout=io.StringIO())

    return run


def link_in(message) -> str:
    [url] = re.findall(r"http://testserver(/learn/invitations/\S+/)", message.body)
    return url


def open_link(client, url):
    """Follow the mail's link as a browser does; return the page's address."""
    response = client.get(url)
    assert response.status_code == 302
    assert "/continue/" in response["Location"]
    return response["Location"]


def test_a_manager_invites_a_person_of_their_unit_by_mail(hub, newcomer, invite):
    invitation = invite(person=newcomer, by=hub.manager)

    [message] = mail.outbox
    assert message.to == [newcomer.email]
    assert message.subject == "Manager Webcare invites you to Hub Academy"
    assert "Hello" in message.body  # the person's language, English
    assert link_in(message) == invitations.link(invitation)
    assert invitation.sent_at is None  # the row as it was made
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    assert invitation.expires_at == invitation.created_at + timedelta(days=14)
    entry = ModelLogEntry.objects.get(action="lms.invite")
    assert (entry.object_id, entry.user) == (str(newcomer.pk), hub.manager)


def test_who_may_invite_whom(hub, newcomer, invite):
    assert invitations.may_invite(hub.manager, newcomer)
    assert invitations.may_invite(hub.hr, newcomer)  # HR invites anyone
    assert not invitations.may_invite(hub.other_manager, newcomer)
    assert not invitations.may_invite(hub.coordinator, newcomer)
    assert not invitations.may_invite(hub.learner, newcomer)


def test_the_person_chooses_a_password_once_and_is_signed_in(
    client, settings, hub, newcomer, invite
):
    invite(person=newcomer, by=hub.hr)
    page = open_link(client, link_in(mail.outbox[0]))

    response = client.get(page)
    assert response.status_code == 200
    assert "HR Person has invited you" in response.text
    assert "noindex" in response.text

    response = client.post(page, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:my_learning")
    newcomer.refresh_from_db()
    assert newcomer.check_password(PASSWORD)
    assert client.get(reverse("lms:my_learning")).status_code == 200  # signed in
    assert ModelLogEntry.objects.filter(
        action="lms.invitation_accepted", object_id=str(newcomer.pk)
    ).exists()

    # The same link again, in another browser: used.
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 410
    assert "It has been used already" in response.text


def test_a_bad_password_is_refused_and_changes_nothing(client, hub, newcomer, invite):
    invitation = invite(person=newcomer, by=hub.hr)
    page = open_link(client, link_in(mail.outbox[0]))

    response = client.post(page, {"new_password1": "short", "new_password2": "other"})

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    newcomer.refresh_from_db()
    assert not newcomer.has_usable_password()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_the_token_leaves_the_address_and_a_fresh_browser_cannot_continue(
    client, settings, hub, newcomer, invite
):
    invite(person=newcomer, by=hub.hr)
    page = open_link(client, link_in(mail.outbox[0]))

    client.cookies.pop(settings.SESSION_COOKIE_NAME)  # another browser
    response = client.get(page)

    assert response.status_code == 404


def test_an_expired_link_says_when_and_whom_to_ask(client, hub, newcomer, invite):
    invite(person=newcomer, by=hub.manager)
    url = link_in(mail.outbox[0])

    with time_machine.travel(timezone.now() + timedelta(days=14, minutes=1)):
        response = client.get(url)

    assert response.status_code == 410
    assert "It expired on" in response.text
    assert "Ask Manager Webcare" in response.text
    assert f"mailto:{hub.manager.email}" in response.text


@override_settings(LMS_INVITATION_EXPIRY_DAYS=2)
def test_the_expiry_is_a_setting(hub, newcomer, invite):
    invitation = invite(person=newcomer, by=hub.manager)
    assert invitation.expires_at - invitation.created_at == timedelta(days=2)


def test_sending_again_replaces_the_old_link(client, hub, newcomer, invite):
    first = invite(person=newcomer, by=hub.manager)
    second = invite(person=newcomer, by=hub.hr)
    old_url, new_url = (link_in(message) for message in mail.outbox)

    assert old_url != new_url
    first.refresh_from_db()
    assert first.status() == Invitation.Status.REPLACED
    response = client.get(old_url)
    assert response.status_code == 410
    assert "A newer invitation has been sent" in response.text
    assert second.status() == Invitation.Status.PENDING
    assert client.get(open_link(client, new_url)).status_code == 200


def test_a_tampered_or_moved_token_finds_nothing(client, hub, newcomer, invite):
    invitation = invite(person=newcomer, by=hub.manager)
    other = invite(person=UserFactory(), by=hub.hr)
    token = invitation_tokens.token_for(invitation)

    for pk, candidate in (
        (invitation.pk, token[:-1] + ("0" if token[-1] != "0" else "1")),
        (other.pk, token),
        (invitation.pk, "continue"),
        (invitation.pk, "x"),
        (999999, token),
    ):
        url = reverse("lms:invitation", args=[pk, candidate])
        response = client.get(url)
        assert response.status_code == 404, candidate
        assert "This invitation link is not valid" in response.text


def test_links_survive_a_rotated_secret_key(settings, hub, newcomer, invite):
    invitation = invite(person=newcomer, by=hub.manager)
    token = invitation_tokens.token_for(invitation)

    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-for-the-rotation-test"
    assert invitation_tokens.matches(invitation, token)
    settings.SECRET_KEY_FALLBACKS = []
    assert not invitation_tokens.matches(invitation, token)


def test_signing_in_any_other_way_uses_the_invitation(client, hub, newcomer, invite):
    invitation = invite(person=newcomer, by=hub.manager)

    client.force_login(newcomer)  # say, with the organisation's account

    invitation.refresh_from_db()
    assert invitation.status() == Invitation.Status.ACCEPTED
    entry = ModelLogEntry.objects.get(action="lms.invitation_accepted")
    assert entry.data == {"how": "sign_in"}


def test_who_cannot_be_invited(hub, newcomer, invite):
    hub.learner.last_login = timezone.now()
    hub.learner.save()
    gone = UserFactory(is_active=False)
    for person, text in (
        (hub.learner, "has signed in before"),
        (gone, "not active"),
    ):
        with pytest.raises(ValidationError, match=text):
            invite(person=person, by=hub.hr)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@override_settings(LMS_INVITATIONS_PER_PERSON_PER_DAY=2)
def test_one_person_gets_a_few_invitations_a_day_at_most(hub, newcomer, invite):
    invite(person=newcomer, by=hub.manager)
    invite(person=newcomer, by=hub.manager)
    with pytest.raises(ValidationError, match="wait before sending another"):
        invite(person=newcomer, by=hub.hr)
    assert Invitation.objects.count() == 2
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        invite(person=newcomer, by=hub.hr)


@override_settings(LMS_INVITATIONS_PER_SENDER_PER_HOUR=2)
def test_one_sender_sends_a_few_an_hour_from_the_screen(hub, invite):
    people = UserFactory.create_batch(3)
    for person in people[:2]:
        invite(person=person, by=hub.hr)
    with pytest.raises(ValidationError, match="in the last hour"):
        invite(person=people[2], by=hub.hr)


def test_a_failed_mail_is_sent_again_by_the_daily_run_with_the_same_link(
    hub, newcomer, monkeypatch, invite, daily
):
    def refuse(backend, messages):
        raise OSError("mail server down")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse)
    invite(person=newcomer, by=hub.manager)  # the task fails, and is recorded
    invitation = Invitation.objects.get()
    assert invitation.sent_at is None
    monkeypatch.undo()

    daily()

    [message] = mail.outbox
    assert link_in(message) == invitations.link(invitation)
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    daily()
    assert len(mail.outbox) == 1


def test_no_mail_for_an_invitation_replaced_before_it_went_out(hub, newcomer, invite):
    first = invite(person=newcomer, by=hub.manager)
    invite(person=newcomer, by=hub.manager)
    mail.outbox.clear()

    assert invitations.send_invitation(first.pk) is False
    assert mail.outbox == []


def test_the_mail_is_in_the_persons_language(hub, newcomer, invite):
    newcomer.language = "nl"
    newcomer.save()
    invite(person=newcomer, by=hub.manager)

    [message] = mail.outbox
    assert message.subject == "Manager Webcare nodigt je uit voor Hub Academy"
    assert "Hallo" in message.body


# From the people import

HEADER = "email,name,employee_number,unit,roles,manager_email\n"
FILE = (
    HEADER
    + "ann@example.org,Ann Example,,Hub/Webcare/Night shift,,\n"
    + "bob@example.org,Bob Example,,Hub/Webcare/Night shift,,\n"
)


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(FILE)
    return path


def test_the_import_command_invites_the_new_people_once(
    hub, csv_file, django_capture_on_commit_callbacks
):
    stdout = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_people", str(csv_file), "--invite", stdout=stdout)

    assert "2 invitations sent." in stdout.getvalue()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ann@example.org",
        "bob@example.org",
    ]
    assert ModelLogEntry.objects.filter(action="lms.invite").count() == 2
    entry = ModelLogEntry.objects.get(action="lms.import_people")
    assert entry.data["invitations_sent"] == 2

    # Again: their invitations still work, so nobody is invited twice.
    stdout = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_people", str(csv_file), "--invite", stdout=stdout)
    assert "0 invitations sent." in stdout.getvalue()
    assert len(mail.outbox) == 2


def test_the_import_invites_only_who_has_never_signed_in(hub, csv_file):
    ann = UserFactory(email="ann@example.org", name="Ann Example")
    ann.last_login = timezone.now()
    ann.save()

    call_command("import_people", str(csv_file), "--invite", stdout=io.StringIO())

    assert list(Invitation.objects.values_list("user__email", flat=True)) == [
        "bob@example.org"
    ]


def test_without_invite_and_in_a_dry_run_the_import_invites_nobody(hub, csv_file):
    call_command(
        "import_people", str(csv_file), "--dry-run", "--invite", stdout=io.StringIO()
    )
    call_command("import_people", str(csv_file), stdout=io.StringIO())

    assert not Invitation.objects.exists()


def test_the_import_screen_has_the_checkbox_and_carries_it_to_the_import(
    client, hub, django_capture_on_commit_callbacks
):
    hub.manager.language = "en"
    hub.manager.save()
    client.force_login(hub.manager)
    url = reverse("hub_people_import:index")
    assert 'name="invite"' in client.get(url).text

    upload = SimpleUploadedFile("people.csv", FILE.encode(), "text/csv")
    response = client.post(url, {"file": upload, "dry_run": "on", "invite": "on"})
    assert '<input type="hidden" name="invite" value="on">' in response.text
    assert not Invitation.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"csv_text": response.context["confirm_text"], "invite": "on"}
        )

    assert response.status_code == 200
    assert "2 invitations sent." in response.text
    assert len(mail.outbox) == 2
    assert set(Invitation.objects.values_list("invited_by", flat=True)) == {
        hub.manager.pk
    }


# The person's screen


def test_the_person_screen_shows_the_invitation_and_sends_a_new_one(
    client, hub, newcomer, invite
):
    hub.manager.language = "en"
    hub.manager.save()
    client.force_login(hub.manager)
    person_url = reverse("hub_people:person", args=[newcomer.pk])
    invite_url = reverse("hub_people:invite", args=[newcomer.pk])

    page = client.get(person_url).text
    assert "Has never signed in." in page and "Not invited yet." in page
    assert f'href="{invite_url}"' in page
    confirm = client.get(invite_url).text
    assert newcomer.email in confirm and "Send the invitation" in confirm

    response = client.post(invite_url)
    assert response.status_code == 302
    assert Invitation.objects.get().invited_by == hub.manager
    page = client.get(person_url).text
    assert "Invited on" in page and "by Manager Webcare" in page
    assert "Send a new invitation" in page


def test_the_screen_refuses_with_a_reason_and_sends_nothing(client, hub):
    hub.learner.last_login = timezone.now()
    hub.learner.save()
    hub.manager.language = "en"
    hub.manager.save()
    client.force_login(hub.manager)

    response = client.post(reverse("hub_people:invite", args=[hub.learner.pk]))

    assert response.status_code == 400
    assert "has signed in before" in response.text
    assert not Invitation.objects.exists()


def test_the_audit_trail_describes_invitations(client, hub, newcomer, invite):
    invite(person=newcomer, by=hub.manager)
    client.force_login(newcomer)  # takes the invitation up

    hub.hr.language = "en"
    hub.hr.save()
    client.force_login(hub.hr)
    page = client.get(reverse("hub_audit_trail")).text

    assert "Send an invitation" in page and "Accept an invitation" in page
    assert "sent from: the person&#x27;s screen" in page
    assert "how: signed in" in page


def test_using_the_link_confirms_the_address_for_allauth(client, hub, newcomer, invite):
    from allauth.account.models import EmailAddress

    invite(person=newcomer, by=hub.hr)
    page = open_link(client, link_in(mail.outbox[0]))
    client.post(page, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    address = EmailAddress.objects.get(user=newcomer)
    assert (address.email, address.verified, address.primary) == (
        newcomer.email,
        True,
        True,
    )
