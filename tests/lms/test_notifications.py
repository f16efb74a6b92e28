"""Email notifications: new assignments, reminders, overdue notices."""

import io
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from smtplib import SMTPException
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.assignments import services as assignments
from lms.models import (
    AssignmentBatch,
    Enrolment,
    Notification,
    OrgUnit,
    Role,
    RoleRequirement,
    TrainingAssignment,
)
from lms.notifications import services as notifications
from lms.organisation import services as organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

START = date(2030, 3, 4)
DUE = START + timedelta(days=30)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=ZoneInfo("Europe/Amsterdam"))


@contextmanager
def on(day: date):
    """The clock stands still at noon of a day; queued work runs as if committed."""
    with time_machine.travel(noon(day), tick=False):
        yield


@pytest.fixture
def run_daily(django_capture_on_commit_callbacks):
    """Run lms_daily on a day; return what it printed and the mails it sent."""

    def run(day: date, *args):
        before = len(mail.outbox)
        out = io.StringIO()
        with on(day), django_capture_on_commit_callbacks(execute=True):
            call_command("lms_daily", *args, stdout=out)
        return out.getvalue(), mail.outbox[before:]

    return run


@pytest.fixture
def english_course(course, locales):
    """The course's English translation, live; the original is Dutch."""
    course.title = "Webcare voor beginners"
    course.save_revision().publish()
    translation = course.copy_for_translation(locales["en"], copy_parents=True)
    translation.title = "Webcare for beginners"
    translation.save_revision().publish()
    return translation


@pytest.fixture
def hub(db):
    """A hub with a unit below it, a manager for each, and two people in the unit."""
    hub_manager = UserFactory(name="Hanna Hub", language="nl")
    team_manager = UserFactory(name="Tom Team", language="en")
    with on(START):
        hub = organisation.create_unit(name="Hub")
        team = organisation.create_unit(name="Webcare", parent=hub)
        hub.managers.add(hub_manager)
        team.managers.add(team_manager)
        anne = UserFactory(name="Anne de Vries", language="nl")
        ed = UserFactory(name="Ed English", language="en")
        for person in (anne, ed):
            organisation.join_role(user=person, unit=team)
    return {
        "anne": anne,
        "ed": ed,
        "hub_manager": hub_manager,
        "team_manager": team_manager,
    }


@pytest.fixture
def admin(db):
    return UserFactory(name="Ada Admin", is_superuser=True)


@pytest.fixture
def assign(admin, course, english_course, django_capture_on_commit_callbacks):
    """Assign the course to a person the way a manager does, on START."""

    def assign(person, due_on=DUE, day=START, reason="Crisis readiness"):
        with on(day), django_capture_on_commit_callbacks(execute=True):
            assignments.assign_course(
                by=admin,
                course=course,
                due_on=due_on,
                reason=reason,
                target=AssignmentBatch.Target.PERSON,
                person=person,
            )
        return TrainingAssignment.objects.get(user=person, course=course)

    return assign


def recipients(messages):
    return [address for message in messages for address in message.to]


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_an_assignment_mails_the_person_once_in_their_language(hub, assign):
    anne, ed = hub["anne"], hub["ed"]
    assign(anne)
    assign(ed)
    assert recipients(mail.outbox) == [anne.email, ed.email]
    dutch, english = mail.outbox

    assert dutch.subject == "Nieuwe training voor je: Webcare voor beginners"
    assert "Ada Admin heeft je de cursus" in dutch.body
    assert "Crisis readiness" in dutch.body
    assert "3 april 2030" in dutch.body
    assert "http://testserver/learn/" in dutch.body
    assert '<html lang="nl">' in html_of(dutch)
    assert "3 april 2030" in html_of(dutch)

    assert english.subject == "New training for you: Webcare for beginners"
    assert "Ada Admin has assigned you the course" in english.body
    assert "3 April 2030" in english.body
    html = html_of(english)
    assert '<html lang="en">' in html
    assert "<h1" in html
    assert 'href="http://testserver/' in html

    # Assigning the same course again mails nobody twice.
    assign(anne, due_on=DUE + timedelta(days=10))
    assert len(mail.outbox) == 2
    assert (
        Notification.objects.filter(kind="assigned", sent_at__isnull=False).count() == 2
    )


def test_joining_a_role_announces_its_courses_and_leaving_it_stops_the_mails(
    hub, course, english_course, run_daily, django_capture_on_commit_callbacks
):
    role = Role.objects.create(name="Webcare agent")
    RoleRequirement.objects.create(role=role, course=course, due_within_days=30)
    ed = hub["ed"]
    with on(START), django_capture_on_commit_callbacks(execute=True):
        membership = organisation.join_role(
            user=ed, unit=OrgUnit.objects.get(name="Webcare"), role=role
        )
    [announcement] = mail.outbox
    assert announcement.to == [ed.email]
    assert "The course “Webcare for beginners” has been assigned to you." in (
        announcement.body
    )
    assert "Required for the role Webcare agent" in announcement.body

    with on(START + timedelta(days=1)):
        organisation.leave_role(membership=membership)
    for offset in (-7, 1, 8):
        assert run_daily(DUE + timedelta(days=offset))[1] == []


def test_lms_daily_retries_no_announcement_that_went_out(hub, assign, run_daily):
    assign(hub["anne"])
    _output, sent = run_daily(START)
    assert sent == []


def test_a_reminder_goes_out_seven_days_before_the_due_date(hub, assign, run_daily):
    anne = hub["anne"]
    assign(anne)
    mail.outbox.clear()

    assert run_daily(DUE - timedelta(days=8))[1] == []
    output, sent = run_daily(DUE - timedelta(days=7))
    assert recipients(sent) == [anne.email]
    assert sent[0].subject == (
        "Herinnering: de deadline voor Webcare voor beginners is 3 april 2030"
    )
    assert "reminders: 1, overdue: 0 (0 to managers)" in output
    for day in (DUE - timedelta(days=6), DUE):
        assert run_daily(day)[1] == []


def test_the_reminder_days_are_a_setting(hub, assign, run_daily, settings):
    settings.LMS_REMINDER_DAYS_BEFORE = 3
    assign(hub["anne"])
    mail.outbox.clear()
    assert run_daily(DUE - timedelta(days=7))[1] == []
    assert run_daily(DUE - timedelta(days=4))[1] == []
    assert recipients(run_daily(DUE - timedelta(days=3))[1]) == [hub["anne"].email]


def test_no_reminder_when_assigned_within_the_reminder_days(hub, assign, run_daily):
    """The assignment's own mail gave the date, a day or two before."""
    assign(hub["anne"], due_on=START + timedelta(days=5))
    assert len(mail.outbox) == 1
    assert run_daily(START)[1] == []
    assert run_daily(START + timedelta(days=1))[1] == []


def test_running_lms_daily_twice_sends_nothing_twice(hub, assign, run_daily):
    anne, ed = hub["anne"], hub["ed"]
    assign(anne, due_on=START + timedelta(days=20))
    assign(ed, due_on=START + timedelta(days=10))
    mail.outbox.clear()
    day = START + timedelta(days=18)  # a reminder for Anne, Ed late for 8 days

    output, sent = run_daily(day)
    assert sorted(recipients(sent)) == sorted(
        [anne.email, ed.email, hub["hub_manager"].email, hub["team_manager"].email]
    )
    assert "reminders: 1, overdue: 1 (1 to managers)" in output

    output, sent = run_daily(day)
    assert sent == []
    assert "reminders: 0, overdue: 0 (0 to managers)" in output
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0


@pytest.mark.parametrize("every", [7, 3])
def test_overdue_notices_follow_the_cadence_and_reach_managers_later(
    hub, assign, run_daily, settings, every
):
    settings.LMS_OVERDUE_EVERY_DAYS = every
    anne = hub["anne"]
    managers = sorted([hub["hub_manager"].email, hub["team_manager"].email])
    assign(anne)
    mail.outbox.clear()

    sent_on = {}
    for offset in range(1, 2 * every + 3):
        _output, sent = run_daily(DUE + timedelta(days=offset))
        if sent:
            sent_on[offset] = sorted(recipients(sent))

    assert sent_on == {
        1: [anne.email],
        1 + every: sorted([anne.email, *managers]),
        1 + 2 * every: sorted([anne.email, *managers]),
    }


def test_the_escalation_mails_speak_each_recipients_language(hub, assign, run_daily):
    anne = hub["anne"]
    assign(anne)
    mail.outbox.clear()
    first = run_daily(DUE + timedelta(days=1))[1]
    assert [message.subject for message in first] == ["Te laat: Webcare voor beginners"]
    assert "leidinggevende is hier ook" not in first[0].body

    second = {message.to[0]: message for message in run_daily(DUE + timedelta(8))[1]}
    assert "Je leidinggevende is hier ook van op de hoogte" in second[anne.email].body
    to_tom = second[hub["team_manager"].email]
    assert to_tom.subject == "Anne de Vries is overdue with Webcare for beginners"
    assert "http://testserver/admin/hub/people/" in to_tom.body
    assert '<html lang="en">' in html_of(to_tom)
    to_hanna = second[hub["hub_manager"].email]
    assert to_hanna.subject == "Anne de Vries is te laat met Webcare voor beginners"
    assert '<html lang="nl">' in html_of(to_hanna)


def test_an_extension_moves_the_schedule(hub, assign, run_daily, admin):
    anne = hub["anne"]
    assignment = assign(anne)
    mail.outbox.clear()
    assert len(run_daily(DUE - timedelta(days=7))[1]) == 1

    new_due = DUE + timedelta(days=14)
    with on(DUE - timedelta(days=3)):
        assignments.extend_due_date(
            assignment=assignment, due_on=new_due, reason="Holiday", by=admin
        )
    assert run_daily(DUE + timedelta(days=1))[1] == []
    reminder = run_daily(new_due - timedelta(days=7))[1]
    assert [message.subject for message in reminder] == [
        "Herinnering: de deadline voor Webcare voor beginners is 17 april 2030"
    ]
    assert recipients(run_daily(new_due + timedelta(days=1))[1]) == [anne.email]


def test_completed_and_exempted_assignments_get_nothing(hub, assign, run_daily, admin):
    anne, ed = hub["anne"], hub["ed"]
    assign(anne)
    exempted = assign(ed)
    mail.outbox.clear()
    with on(START + timedelta(days=2)):
        Enrolment.objects.filter(user=anne).update(
            status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
        )
        assignments.exempt(assignment=exempted, reason="Did it elsewhere", by=admin)
    for offset in (-7, 1, 8, 15):
        assert run_daily(DUE + timedelta(days=offset))[1] == []


def test_a_notice_whose_sending_failed_is_sent_once_on_the_next_run(
    hub, assign, run_daily
):
    anne = hub["anne"]
    assign(anne)
    mail.outbox.clear()
    send_messages = EmailBackend.send_messages
    calls = []

    def fail_once(self, messages):
        calls.append(messages)
        if len(calls) == 1:
            raise SMTPException("The mail server is down.")
        return send_messages(self, messages)

    day = DUE - timedelta(days=7)
    with mock.patch.object(EmailBackend, "send_messages", fail_once):
        assert run_daily(day)[1] == []
        assert Notification.objects.get(kind="reminder").sent_at is None
        assert recipients(run_daily(day)[1]) == [anne.email]
        assert run_daily(day)[1] == []
    assert len(calls) == 2
    assert Notification.objects.get(kind="reminder").sent_at is not None


def test_sending_a_notification_twice_sends_it_once(hub, assign, run_daily):
    assign(hub["anne"])
    notification = Notification.objects.get()
    with on(START):
        assert notifications.send_notification(notification.pk) is False
    Notification.objects.update(sent_at=None)
    mail.outbox.clear()
    with on(START):
        assert notifications.send_notification(notification.pk) is True
        assert notifications.send_notification(notification.pk) is False
    assert len(mail.outbox) == 1


def test_the_date_option_runs_as_on_that_day(hub, assign, run_daily):
    assign(hub["anne"])
    mail.outbox.clear()
    day = DUE - timedelta(days=7)
    output, sent = run_daily(START, "--date", day.isoformat())
    assert recipients(sent) == [hub["anne"].email]
    assert "reminders: 1" in output


def test_finding_the_notices_takes_the_same_queries_for_5_or_50(course, admin):
    today = START + timedelta(days=8)
    due = START + timedelta(days=5)
    with on(START):
        unit = organisation.create_unit(name="Webcare")
        batch = AssignmentBatch.objects.create(
            course=course,
            due_on=due,
            reason="Everyone in webcare",
            assigned_by=admin,
            target=AssignmentBatch.Target.UNIT,
            unit=unit,
        )

    def assign_to_more(count):
        with on(START):
            assignments.ensure_assignments(
                user_ids=[person.pk for person in UserFactory.create_batch(count)],
                course=course,
                due_on=due,
                source=TrainingAssignment.Source.MANAGER,
                batch=batch,
            )

    assign_to_more(5)
    with CaptureQueriesContext(connection) as five:
        assert len(notifications.notices_due(today)) == 5
    assign_to_more(45)
    with CaptureQueriesContext(connection) as fifty:
        assert len(notifications.notices_due(today)) == 50
    assert len(five) == len(fifty) == 1


def test_lms_daily_runs_the_other_apps_steps_and_reports_failures(db):
    from io import StringIO

    from django.core.management import CommandError, call_command

    from lms.signals import daily_run

    def renew(sender, today, **kwargs):
        return f"renewed on {today}"

    def broken(sender, today, **kwargs):
        raise RuntimeError("boom")

    daily_run.connect(renew)
    try:
        out = StringIO()
        call_command("lms_daily", "--date", "2026-12-01", stdout=out)
        assert "renew: renewed on 2026-12-01" in out.getvalue()
        daily_run.connect(broken)
        out = StringIO()
        with pytest.raises(CommandError, match="broken"):
            call_command("lms_daily", "--date", "2026-12-01", stdout=out)
        assert "renewed on" in out.getvalue()
    finally:
        daily_run.disconnect(renew)
        daily_run.disconnect(broken)
