"""A certificate is issued even when the process dies between the completion's
commit and the hook that issues it: the daily run issues it, once."""

import signal
import textwrap
from datetime import date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certification import daily, services
from certification.models import Certificate, Certification
from lms.learning import services as lms_services
from lms.models import CourseCompletion, Enrolment
from tests.cms.processes import database_url, environment, manage
from tests.factories import UserFactory, make_course, text_block

pytestmark = pytest.mark.django_db

ISSUED = date(2026, 1, 15)
WINDOW_OPENS = date(2026, 11, 16)  # 12 months, a 60-day window


def at(day: date):
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
    """Complete a course; with hook=False the process "dies" after the commit:
    the on-commit hooks (the one that issues among them) never run."""

    def complete(user, course, *, hook=True):
        lms_services.enrol(user=user, course=course)
        with django_capture_on_commit_callbacks(execute=hook):
            lms_services.complete_module(user=user, module=course.get_modules().get())

    return complete


def run_daily(day: date | None = None) -> str:
    out = StringIO()
    day = day or timezone.localdate()
    with at(day):
        call_command("lms_daily", date=day, stdout=out)
    return out.getvalue()


def test_the_daily_run_issues_the_certificate_whose_hook_never_ran(
    user, courses, certification, complete
):
    with at(ISSUED):
        complete(user, courses[0])
        complete(user, courses[1], hook=False)
    assert not Certificate.objects.exists()

    assert "certificates issued: 1" in run_daily(ISSUED)
    certificate = Certificate.objects.get()
    assert (certificate.holder, certificate.certification) == (user, certification)
    assert certificate.valid_from == ISSUED
    # Running it again, that day or the next, issues nothing more.
    assert "certificates issued: 0" in run_daily(ISSUED)
    assert "certificates issued: 0" in run_daily(ISSUED + timedelta(days=1))
    assert Certificate.objects.count() == 1


def test_the_daily_run_issues_nothing_that_was_not_earned_or_is_held(
    user, other_user, courses, certification, complete
):
    with at(ISSUED):
        # Half the work.
        complete(other_user, courses[0], hook=False)
        # All of it, answered by the hook.
        complete(user, courses[0])
        complete(user, courses[1])
    assert Certificate.objects.count() == 1
    assert "certificates issued: 0" in run_daily(ISSUED)
    # Expired, with no new work: earned again only by renewing.
    assert "certificates issued: 0" in run_daily(ISSUED + timedelta(days=800))
    # Revoked: what was done before does not earn it again.
    with at(ISSUED + timedelta(days=1)):
        services.revoke(
            certificate=Certificate.objects.get(),
            by=UserFactory(is_superuser=True),
            reason="Fraud",
        )
    assert "certificates issued: 0" in run_daily(ISSUED + timedelta(days=2))
    assert Certificate.objects.count() == 1


def test_work_redone_after_a_revocation_earns_the_certificate_again(
    user, courses, certification, complete
):
    with at(ISSUED):
        complete(user, courses[0])
        complete(user, courses[1])
    with at(ISSUED + timedelta(days=1)):
        services.revoke(
            certificate=Certificate.objects.get(),
            by=UserFactory(is_superuser=True),
            reason="Fraud",
        )
    later = ISSUED + timedelta(days=10)
    with at(later):
        for course in courses:
            lms_services.start_new_cycle(
                enrolment=Enrolment.objects.get(user=user, course=course)
            )
            complete(user, course, hook=False)
    assert "certificates issued: 1" in run_daily(later)
    assert Certificate.objects.in_force(later).get().valid_from == later
    assert "certificates issued: 0" in run_daily(later)


def test_a_renewal_completed_without_its_hook_is_renewed_by_the_daily_run(
    user, courses, certification, complete
):
    with at(ISSUED):
        for course in courses:
            complete(user, course)
    certificate = Certificate.objects.get()
    assert "renewals started: 1" in run_daily(WINDOW_OPENS)
    with at(WINDOW_OPENS):
        for course in courses:
            complete(user, course, hook=False)
    assert not Certificate.objects.filter(previous=certificate).exists()

    assert "certificates issued: 1" in run_daily(WINDOW_OPENS)
    renewed = Certificate.objects.get(previous=certificate)
    # No days lost: the new period starts where the old one ends.
    assert renewed.valid_from == certificate.valid_until + timedelta(days=1)
    assert "certificates issued: 0" in run_daily(WINDOW_OPENS)
    assert Certificate.objects.count() == 2


def test_finding_the_gaps_costs_the_same_queries_for_three_people_or_thirty(
    courses, certification
):
    """Half of them have done all the work, half part of it; none lacks a
    certificate that the hook would not have issued, so nothing is issued."""

    def people_with_work(count: int) -> None:
        now = timezone.now()
        for index in range(count):
            person = UserFactory()
            for course in courses[: 1 + index % 2]:
                enrolment = Enrolment.objects.create(
                    user=person,
                    course=course,
                    status=Enrolment.Status.COMPLETED,
                    completed_at=now,
                )
                CourseCompletion.objects.create(
                    enrolment=enrolment, cycle=1, completed_at=now
                )
            if index % 2:
                services.issue_certificate(
                    holder=person,
                    certification=certification,
                    valid_from=timezone.localdate(),
                )

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert daily.issue_earned(timezone.localdate()) == 0
        return len(captured)

    people_with_work(3)
    few = queries()
    people_with_work(27)
    assert queries() == few


# A real process completes the course and is killed right after the commit,
# before the hook that issues the certificate: on-commit callbacks run in the
# order they were registered, and the script's comes first.
COMPLETE_THEN_DIE = textwrap.dedent(
    """
    import os, signal
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from courses.models import ModulePage
    from lms.learning import services

    user = get_user_model().objects.get(pk={user})
    with transaction.atomic():
        transaction.on_commit(lambda: os.kill(os.getpid(), signal.SIGKILL))
        services.complete_module(user=user, module=ModulePage.objects.get(pk={module}))
    print("the hook ran")
    """
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("postgres_only")
def test_a_process_killed_between_the_completion_and_its_hook_leaves_the_daily_run_to_issue(  # noqa: E501
    user, courses, certification, complete, tmp_path
):
    complete(user, courses[0])
    lms_services.enrol(user=user, course=courses[1])
    module = courses[1].get_modules().get()
    env = environment(
        "cms.settings.test", DATABASE_URL=database_url(tmp_path / "unused.sqlite3")
    )
    script = COMPLETE_THEN_DIE.format(user=user.pk, module=module.pk)
    result = manage("shell", "--no-imports", "-c", script, env=env)

    assert result.returncode == -signal.SIGKILL, result.stderr
    assert "the hook ran" not in result.stdout
    # The completion is committed; the certificate it earned is not there.
    assert Enrolment.objects.get(user=user, course=courses[1]).is_completed
    assert not Certificate.objects.exists()

    assert "certificates issued: 1" in run_daily()
    assert Certificate.objects.get().holder == user
    assert "certificates issued: 0" in run_daily()
    assert Certificate.objects.count() == 1
