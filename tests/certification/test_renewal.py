"""Renewal: the daily run opens the renewal courses, completing them renews."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certification import renewal, services
from certification.models import Certificate, Certification
from certification.readiness import certified_until
from lms.learning import services as lms_services
from lms.models import (
    CourseCompletion,
    Enrolment,
    Notification,
    Role,
    RoleRequirement,
    TrainingAssignment,
)
from lms.organisation import services as organisation
from tests.factories import make_course, text_block

pytestmark = pytest.mark.django_db

ISSUED = date(2026, 1, 15)
LAST_DAY = date(2027, 1, 14)  # 12 months
WINDOW_OPENS = LAST_DAY - timedelta(days=59)  # 60-day window: 16 November 2026


def at(day: date):
    """Travel to noon of a day (time-machine, so every clock agrees)."""
    return time_machine.travel(
        timezone.make_aware(datetime.combine(day, datetime.min.time())).replace(
            hour=12
        ),
        tick=False,
    )


@pytest.fixture
def courses(catalogue):
    return [make_course(catalogue, bodies=[[text_block()]]) for _ in range(2)]


@pytest.fixture
def certification(courses):
    certification = Certification.objects.create(name="Crisis lead", validity_months=12)
    certification.courses.set(courses)
    return certification


@pytest.fixture
def complete(django_capture_on_commit_callbacks):
    def complete(user, course):
        lms_services.enrol(user=user, course=course)
        with django_capture_on_commit_callbacks(execute=True):
            lms_services.complete_module(user=user, module=course.get_modules().get())

    return complete


@pytest.fixture
def certificate(user, courses, certification, complete):
    with at(ISSUED):
        for course in courses:
            complete(user, course)
    certificate = Certificate.objects.get()
    assert (certificate.valid_from, certificate.valid_until) == (ISSUED, LAST_DAY)
    return certificate


@pytest.fixture
def daily(django_capture_on_commit_callbacks):
    def run(day: date) -> str:
        out = StringIO()
        with at(day), django_capture_on_commit_callbacks(execute=True):
            call_command("lms_daily", date=day, stdout=out)
        return out.getvalue()

    return run


def test_renewal_starts_the_day_the_certificate_enters_its_window(certificate):
    day_before = WINDOW_OPENS - timedelta(days=1)
    assert certificate.status_on(day_before) == "valid"
    assert not renewal.renewals_due(day_before).exists()
    assert certificate.status_on(WINDOW_OPENS) == "expiring"
    assert list(renewal.renewals_due(WINDOW_OPENS)) == [certificate]


def test_the_daily_run_assigns_the_renewal_courses_due_on_the_expiry_date(
    user, certificate, courses, daily, mailoutbox
):
    summary = daily(WINDOW_OPENS)
    assert "renewals started: 1" in summary
    for course in courses:
        assignment = TrainingAssignment.objects.current().get(user=user, course=course)
        assert assignment.source == TrainingAssignment.Source.RENEWAL
        assert assignment.due_on == LAST_DAY
        # What asks for it, put in words in the reader's language.
        assert assignment.reason_object == certificate.certification
        assert assignment.reason_text == "To renew the certificate “Crisis lead”"
        enrolment = Enrolment.objects.get(user=user, course=course)
        assert (enrolment.status, enrolment.cycle) == ("active", 2)
    # Each course announced to the holder, as any other assignment.
    assert len(mailoutbox) == 2
    assert all(message.to == [user.email] for message in mailoutbox)
    # In the holder's language.
    assert "Voor verlenging van het certificaat “Crisis lead”" in mailoutbox[0].body
    certificate.refresh_from_db()
    assert certificate.renewal_started_at is not None
    assert ModelLogEntry.objects.filter(action="certification.renewal").count() == 1


def test_running_the_day_twice_or_the_next_day_starts_nothing_more(
    certificate, daily, mailoutbox
):
    daily(WINDOW_OPENS)
    state = (
        TrainingAssignment.objects.count(),
        len(mailoutbox),
        ModelLogEntry.objects.count(),
    )
    assert "renewals started: 0" in daily(WINDOW_OPENS)
    daily(WINDOW_OPENS + timedelta(days=1))
    assert (
        TrainingAssignment.objects.count(),
        len(mailoutbox),
        ModelLogEntry.objects.count(),
    ) == state


def test_the_finished_round_stays_as_history_and_is_not_overdue(
    user, hub, courses, certificate, daily
):
    # A manager had assigned the first course; it was done on time.
    TrainingAssignment.objects.create(
        user=user, course=courses[0], source="manager", due_on=date(2026, 2, 1)
    )
    daily(WINDOW_OPENS)
    old = TrainingAssignment.objects.get(user=user, course=courses[0], source="manager")
    assert old.fulfilled_at is not None
    status = TrainingAssignment.objects.with_status(WINDOW_OPENS)
    assert status.get(pk=old.pk).status == "completed"
    renewal_assignment = status.current().get(user=user, course=courses[0])
    assert renewal_assignment.status == "not_started"
    # The first completion is kept in the history.
    assert CourseCompletion.objects.filter(enrolment__user=user, cycle=1).count() == 2


def test_earlier_work_does_not_count_for_the_new_round(
    user, certificate, courses, complete, daily
):
    daily(WINDOW_OPENS)
    with at(WINDOW_OPENS + timedelta(days=3)):
        complete(user, courses[0])
    # The second course's completion in the first round does not count.
    assert not Enrolment.objects.get(user=user, course=courses[1]).is_completed
    assert (
        services.issue_if_earned(holder=user, certification=certificate.certification)
        is None
    )
    assert Certificate.objects.count() == 1


def test_renewing_early_starts_the_new_period_where_the_old_one_ends(
    user, certificate, courses, complete, daily
):
    daily(WINDOW_OPENS)
    with at(date(2026, 12, 1)):
        for course in courses:
            complete(user, course)
    new = Certificate.objects.get(previous=certificate)
    assert new.valid_from == date(2027, 1, 15)  # no day lost
    assert new.valid_until == date(2028, 1, 14)
    certificate.refresh_from_db()
    assert certificate.successor == new
    # The old one still counts until its last day; the new one takes over.
    assert certificate.status_on(date(2026, 12, 1)) == "expiring"
    in_force = Certificate.objects.in_force
    assert list(in_force(LAST_DAY)) == [certificate]
    assert list(in_force(LAST_DAY + timedelta(days=1))) == [new]
    # Readiness sees no lapse coming: the holder stays certified until 2028.
    until = certified_until([user.pk], [certificate.certification], date(2026, 12, 1))
    assert until[(user.pk, certificate.certification_id)] == date(2028, 1, 14)


def test_renewing_after_the_lapse_starts_the_new_period_at_completion(
    user, certificate, courses, complete, daily
):
    daily(WINDOW_OPENS)
    renewed_on = date(2027, 2, 10)
    assert certificate.status_on(renewed_on) == "expired"
    # The renewal assignments are overdue by then.
    overdue = TrainingAssignment.objects.open(renewed_on).filter(status="overdue")
    assert overdue.count() == 2
    with at(renewed_on):
        for course in courses:
            complete(user, course)
    new = Certificate.objects.get(previous=certificate)
    assert (new.valid_from, new.valid_until) == (renewed_on, date(2028, 2, 9))
    assert not TrainingAssignment.objects.open(renewed_on).exists()


def test_renewal_courses_may_differ_from_the_required_ones(
    user, catalogue, certificate, certification, courses, complete, daily
):
    refresher = make_course(catalogue, bodies=[[text_block()]])
    certification.renewal_courses.set([refresher])
    daily(WINDOW_OPENS)
    assigned = TrainingAssignment.objects.current().filter(user=user, source="renewal")
    assert [a.course for a in assigned] == [refresher]
    # The required courses stay completed; only the refresher is to do.
    assert Enrolment.objects.filter(user=user, status="completed").count() == 2
    with at(date(2026, 12, 1)):
        complete(user, refresher)
    assert Certificate.objects.get(previous=certificate).valid_from == date(2027, 1, 15)


def test_revoked_and_long_lapsed_certificates_are_not_renewed(
    user, other_user, certification
):
    revoked = services.issue_certificate(
        holder=user, certification=certification, valid_from=ISSUED
    )
    revoked.revoked_at = timezone.now()
    revoked.save()
    lapsed = services.issue_certificate(
        holder=other_user, certification=certification, valid_from=date(2024, 1, 1)
    )
    assert lapsed.valid_until < WINDOW_OPENS - timedelta(days=60)
    assert not renewal.renewals_due(WINDOW_OPENS).exists()


def test_a_renewed_certificate_is_not_renewed_again(
    user, certificate, courses, complete
):
    with at(WINDOW_OPENS):
        renewal.start_due_renewals(WINDOW_OPENS)
    with at(date(2026, 12, 1)):
        for course in courses:
            complete(user, course)
    new = Certificate.objects.get(previous=certificate)
    # The next window is the new certificate's, a year later.
    assert list(renewal.renewals_due(date(2027, 12, 1))) == [new]
    assert not renewal.renewals_due(date(2027, 1, 10)).exists()
    # Completing a course again issues nothing more.
    assert (
        services.issue_if_earned(holder=user, certification=new.certification) is None
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("postgres_only")
def test_concurrent_daily_runs_start_a_renewal_once(user, certificate, courses):
    from tests.lms.test_concurrency import run_together

    with at(WINDOW_OPENS):
        results = run_together(lambda _i: renewal.start_due_renewals(WINDOW_OPENS), 4)
    assert sorted(results) == [0, 0, 0, 1], results
    assert TrainingAssignment.objects.filter(source="renewal").count() == len(courses)
    assert Enrolment.objects.filter(cycle=2).count() == len(courses)
    assert ModelLogEntry.objects.filter(action="certification.renewal").count() == 1


def test_renewal_assignments_are_reminded_like_any_other(
    user, certificate, daily, mailoutbox
):
    daily(WINDOW_OPENS)
    mailoutbox.clear()
    summary = daily(LAST_DAY - timedelta(days=7))
    assert "reminders: 2" in summary
    assert {message.to[0] for message in mailoutbox} == {user.email}
    daily(LAST_DAY + timedelta(days=1))
    overdue = Notification.objects.filter(kind="overdue", sent_at__isnull=False)
    assert set(overdue.values_list("assignment__source", flat=True)) == {"renewal"}
    assert overdue.count() == 2


def _role_requiring(course):
    role = Role.objects.create(name="Crisis team")
    RoleRequirement.objects.create(role=role, course=course, due_within_days=30)
    return role


def test_a_role_ending_or_dropping_the_course_keeps_the_renewal(
    user, hub, certificate, courses, daily
):
    role = _role_requiring(courses[0])
    with at(ISSUED):
        membership = organisation.join_role(
            user=user, unit=hub.team, role=role, started_on=ISSUED
        )
    daily(WINDOW_OPENS)
    renewal_assignment = TrainingAssignment.objects.current().get(
        user=user, course=courses[0]
    )
    assert renewal_assignment.source == "renewal"
    # The role's demand moved to the renewal assignment with it.
    assert renewal_assignment.demands.filter(membership=membership).exists()
    with at(WINDOW_OPENS + timedelta(days=1)):
        role.requirements.all().delete()
        organisation.sync_role_requirements(role=role)
        organisation.leave_role(membership=membership)
    renewal_assignment.refresh_from_db()
    assert renewal_assignment.withdrawn_at is None


def test_an_open_or_exempted_assignment_gives_way_to_the_renewal(
    user, hub, catalogue, certificate, certification, complete, daily
):
    refresher = make_course(catalogue, bodies=[[text_block()]])
    certification.renewal_courses.set([refresher])
    later = TrainingAssignment.objects.create(
        user=user, course=refresher, source="manager", due_on=date(2027, 6, 1)
    )
    daily(WINDOW_OPENS)
    later.refresh_from_db()
    assert later.withdrawn_at is not None
    renewal_assignment = TrainingAssignment.objects.current().get(
        user=user, course=refresher
    )
    assert (renewal_assignment.source, renewal_assignment.due_on) == (
        "renewal",
        LAST_DAY,
    )


def test_revoking_stops_the_renewal_and_reinstating_starts_it_again(
    user, admin_user, certificate, courses, daily, mailoutbox
):
    daily(WINDOW_OPENS)
    with at(WINDOW_OPENS + timedelta(days=1)):
        services.revoke(certificate=certificate, by=admin_user, reason="Fraud")
    assert (
        not TrainingAssignment.objects.open(WINDOW_OPENS)
        .filter(source="renewal")
        .exists()
    )
    with at(WINDOW_OPENS + timedelta(days=2)):
        services.reinstate(certificate=certificate, by=admin_user)
    assert "renewals started: 1" in daily(WINDOW_OPENS + timedelta(days=2))
    assert TrainingAssignment.objects.open(WINDOW_OPENS).filter(
        source="renewal"
    ).count() == len(courses)


def test_a_revoked_certificate_is_earned_again_not_reissued_from_old_work(
    user, admin_user, catalogue, certificate, certification, courses, complete
):
    refresher = make_course(catalogue, bodies=[[text_block()]])
    certification.renewal_courses.set([refresher])
    with at(date(2026, 5, 1)):
        services.revoke(
            certificate=certificate, by=admin_user, reason="Someone else's account"
        )
    with at(date(2026, 6, 1)):
        complete(user, refresher)
    assert not Certificate.objects.in_force(date(2026, 6, 1)).exists()
    assert not services.has_completed_all(user, certification)


def test_a_course_reopened_for_one_certification_still_counts_for_another(
    user, catalogue, courses, certificate, complete, daily
):
    other_course = make_course(catalogue, bodies=[[text_block()]])
    other = Certification.objects.create(name="Webcare lead", validity_months=12)
    other.courses.set([courses[0], other_course])
    daily(WINDOW_OPENS)  # reopens courses[0] for the crisis certificate
    with at(WINDOW_OPENS + timedelta(days=2)):
        complete(user, other_course)
    assert Certificate.objects.filter(holder=user, certification=other).exists()


def test_a_renewal_not_yet_started_says_so(
    client, user, certificate, courses, complete, daily
):
    daily(WINDOW_OPENS)
    with at(date(2026, 12, 1)):
        for course in courses:
            complete(user, course)
    new = Certificate.objects.get(previous=certificate)
    assert new.status_on(date(2026, 12, 1)) == "pending"
    assert new.status_on(date(2027, 1, 15)) == "valid"
    with at(date(2026, 12, 1)):
        response = client.get(
            reverse("certification:verify", args=[new.code]),
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert b"verify--pending" in response.content
    assert b"valid from 15 January 2027" in response.content


@pytest.mark.parametrize(
    "months, days, ok", [(12, 60, True), (1, 28, False), (1, 0, False)]
)
def test_the_renewal_window_is_shorter_than_the_validity(months, days, ok):
    certification = Certification(
        name="Drill", validity_months=months, renewal_window_days=days
    )
    if ok:
        certification.full_clean()
    else:
        with pytest.raises(ValidationError):
            certification.full_clean()
