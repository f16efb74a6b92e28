"""lms_daily started on two machines at the same moment: one run does the
day's work and the other exits, and nothing is mailed twice."""

import io
import json
import subprocess
import sys
import time
from datetime import timedelta

import psycopg
import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from lms.assignments import services as assignments
from lms.management.commands.lms_daily import LOCK
from lms.models import AssignmentBatch, Notification
from lms.support import locks
from tests.cms.processes import MANAGE, database_url, environment
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("postgres_only")]

SKIPPED = "another run is in progress (it holds the lock); this one does nothing."
EXIT_SECONDS = 120


@pytest.fixture
def overdue(hub, course, django_capture_on_commit_callbacks):
    """Two people whose course was due ten days ago: today brings each an
    overdue notice."""
    admin = UserFactory(is_superuser=True)
    people = [hub.learner, hub.outsider]
    today = timezone.localdate()
    with (
        time_machine.travel(timezone.now() - timedelta(days=20), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        for person in people:
            assignments.assign_course(
                by=admin,
                course=course,
                due_on=today - timedelta(days=10),
                reason="Crisis readiness",
                target=AssignmentBatch.Target.PERSON,
                person=person,
            )
    mail.outbox.clear()
    return people


@pytest.fixture
def other_session():
    """A session of its own on the suite's database, as another machine has."""
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "localhost",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
        autocommit=True,
    ) as session:
        yield session


def overdue_notices():
    return Notification.objects.filter(kind=Notification.Kind.OVERDUE)


def test_a_run_finding_the_lock_held_does_nothing(overdue, other_session):
    other_session.execute("SELECT pg_advisory_lock(%s)", [locks.lock_key(LOCK)])
    out = io.StringIO()

    call_command("lms_daily", stdout=out)

    assert out.getvalue().strip() == f"lms_daily: {SKIPPED}"
    assert not overdue_notices().exists()
    assert mail.outbox == []


def test_the_lock_is_free_again_after_a_run(overdue, other_session):
    call_command("lms_daily", stdout=io.StringIO())

    (taken,) = other_session.execute(
        "SELECT pg_try_advisory_lock(%s)", [locks.lock_key(LOCK)]
    ).fetchone()
    assert taken
    assert overdue_notices().count() == len(overdue)


def start_daily(env, log):
    return subprocess.Popen(
        [sys.executable, str(MANAGE), "lms_daily"],
        cwd=MANAGE.parent,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for_one(runs):
    """The first of the processes to exit."""
    deadline = time.monotonic() + EXIT_SECONDS
    while time.monotonic() < deadline:
        for run in runs:
            if run.poll() is not None:
                return run
        time.sleep(0.05)
    raise AssertionError(f"neither lms_daily exited within {EXIT_SECONDS}s")


# The processes must see the assignments, so the test data is committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_started_together_mail_each_notice_once(overdue, tmp_path):
    mail_log, gate = tmp_path / "mail.jsonl", tmp_path / "gate"
    env = environment(
        "tests.cms.settings_mail_to_file",
        DATABASE_URL=database_url(tmp_path / "unused.sqlite3"),
        MAIL_LOG=str(mail_log),
        # The run that takes the lock holds it until the other has exited.
        MAIL_GATE=str(gate),
    )
    logs = [(tmp_path / f"run{i}.log").open("w+") for i in range(2)]
    runs = [start_daily(env, log) for log in logs]
    try:
        first = wait_for_one(runs)
        gate.touch()
        for run in runs:
            run.wait(timeout=EXIT_SECONDS)
    finally:
        for run in runs:
            if run.poll() is None:
                run.kill()
                run.wait()
    outputs = []
    for log in logs:
        log.seek(0)
        outputs.append(log.read())
        log.close()
    skipped = outputs[runs.index(first)]
    ran = outputs[1 - runs.index(first)]

    assert [run.returncode for run in runs] == [0, 0], outputs
    assert skipped.strip() == f"lms_daily: {SKIPPED}"
    assert "overdue: 2" in ran
    sent = [json.loads(line) for line in mail_log.read_text().splitlines()]
    assert {line["pid"] for line in sent} == {runs[1 - runs.index(first)].pid}
    letters = [(tuple(line["to"]), line["subject"]) for line in sent]
    assert len(letters) == len(set(letters))
    assert {address for to, _ in letters for address in to} >= {
        person.email for person in overdue
    }
    assert overdue_notices().filter(sent_at__isnull=False).count() == len(overdue)
