"""A worker killed in the middle of sending a mail: the job runs again, the
mail reaches the mailbox once, and nothing is lost.

Real RQ workers (`manage.py rqworker`) on a queue of the test's own in a
database of the test's own in the real Redis, a real SMTP server (tests.smtp_sink) that keeps what it gets,
and the suite's PostgreSQL database, which the workers share with the test.
Every wait polls for something observable, with a deadline.
"""

import os
import signal
import time
from datetime import timedelta

import pytest
import redis
from django.db import transaction
from django.utils import timezone
from rq.job import Job, JobStatus
from rq.registry import FinishedJobRegistry, StartedJobRegistry

from lms import tasks
from lms.assignments.services import ensure_assignments
from lms.models import Notification, TrainingAssignment
from lms.notifications import services as notifications
from tests.factories import UserFactory
from tests.rq_config import RETRY_DELAYS, rq_settings
from tests.rq_workers import children, new_queue_name, wait_for, worker
from tests.smtp_sink import SMTPSink

pytestmark = [
    # The workers must see the test's data: it is committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("postgres_only"),
]


@pytest.fixture
def redis_connection(redis_url):
    connection = redis.Redis.from_url(redis_url)
    yield connection
    connection.close()


@pytest.fixture
def queue(settings, monkeypatch, redis_url):
    """A queue of the test's own, where the notification tasks go."""
    name = new_queue_name()
    for setting, value in rq_settings(
        name, settings.TASKS["default"].get("QUEUES", ["default"]), redis_url
    ).items():
        setattr(settings, setting, value)
    monkeypatch.setattr(
        tasks,
        "send_notification_task",
        tasks.send_notification_task.using(queue_name=name),
    )
    return name


@pytest.fixture
def learner(db):
    return UserFactory(language="en")


def assign(person, course) -> Notification:
    """Assign a course; its announcement is queued when the assignment commits."""
    with transaction.atomic():
        ensure_assignments(
            user_ids=[person.pk],
            course=course,
            due_on=timezone.localdate() + timedelta(days=30),
            source=TrainingAssignment.Source.MANAGER,
        )
    return Notification.objects.get(assignment__user=person)


def is_sent(notification: Notification) -> bool:
    notification.refresh_from_db()
    return notification.sent_at is not None


def gone(pid: int) -> bool:
    return not os.path.exists(f"/proc/{pid}")


def the_finished_job(connection, queue: str, log) -> Job:
    """The queue's one job, once its worker has recorded it finished: that
    comes after the task's own commit, so a test waits for it before it
    stops the worker."""
    finished = FinishedJobRegistry(queue, connection=connection)
    (job_id,) = wait_for(finished.get_job_ids, "the job recorded as finished", log)
    return Job.fetch(job_id, connection=connection)


def test_a_work_horse_killed_after_the_mail_server_took_the_mail_is_retried_and_the_mailbox_gets_it_once(  # noqa: E501
    queue,
    redis_connection,
    redis_url,
    learner,
    course,
    tmp_path,
):
    log = tmp_path / "worker.log"
    sink = SMTPSink(hold_at="DATA")
    with sink.running(), worker(queue, sink.port, log, redis_url) as process:
        notification = assign(learner, course)
        # The mail server has the mail; the worker waits to hear so, inside
        # the transaction that would mark the notification sent.
        wait_for(sink.held.is_set, "the mail reaching the mail server", log)
        (horse,) = wait_for(lambda: children(process.pid), "the work horse", log)
        os.kill(horse, signal.SIGKILL)
        sink.release.set()
        # RQ's worker sees its horse die and retries the job.
        wait_for(lambda: is_sent(notification), "the mail marked sent", log)
        job = the_finished_job(redis_connection, queue, log)
        assert process.poll() is None, "the worker itself lives on"

    # At least once: the mail went out again, as the first attempt never
    # heard that it had arrived; with the same Message-ID, so the mailbox
    # keeps one.
    assert len(sink.deliveries) == 2
    message_id = notifications.message_id(notification.idempotency_key, learner)
    assert list(sink.mailbox()) == [message_id]
    (message,) = sink.mailbox().values()
    assert message["To"] == learner.email
    assert course.title in message["Subject"] or course.title in str(message)
    assert Notification.objects.count() == 1
    assert job.get_status() == JobStatus.FINISHED
    assert job.retries_left == len(RETRY_DELAYS) - 1


def test_a_worker_killed_with_its_horse_before_sending_leaves_a_job_that_the_next_worker_runs(  # noqa: E501
    queue,
    redis_connection,
    redis_url,
    learner,
    course,
    tmp_path,
):
    log = tmp_path / "worker.log"
    sink = SMTPSink(hold_at="MAIL")
    with sink.running():
        with worker(queue, sink.port, log, redis_url) as first:
            notification = assign(learner, course)
            wait_for(sink.held.is_set, "the worker connecting to send", log)
            (horse,) = wait_for(lambda: children(first.pid), "the work horse", log)
            # The whole machine lost: the worker and its horse at once.
            os.kill(first.pid, signal.SIGKILL)
            os.kill(horse, signal.SIGKILL)
            wait_for(lambda: gone(horse), "the work horse ending", log)
        sink.release.set()
        assert not sink.deliveries
        assert not is_sent(notification)

        # The job is abandoned: started, with no worker to finish it. RQ
        # re-queues it once its heartbeat has expired (90 s after the last
        # one); the test moves that moment to now rather than wait.
        started = StartedJobRegistry(queue, connection=redis_connection)
        (job_id,) = started.get_job_ids(cleanup=False)
        assert Job.fetch(job_id, connection=redis_connection).get_status() == (
            JobStatus.STARTED
        )
        for entry, _score in redis_connection.zrange(
            started.key, 0, -1, withscores=True
        ):
            redis_connection.zadd(started.key, {entry: time.time() - 1})

        # A worker starting (here: the one that replaces the lost machine's)
        # first cleans the queue's registries, which re-queues the job.
        with worker(queue, sink.port, log, redis_url):
            wait_for(lambda: is_sent(notification), "the mail marked sent", log)
            job = the_finished_job(redis_connection, queue, log)

    assert len(sink.deliveries) == 1
    assert list(sink.mailbox()) == [
        notifications.message_id(notification.idempotency_key, learner)
    ]
    assert job.id == job_id
    assert job.retries_left == len(RETRY_DELAYS) - 1


def test_the_retry_of_a_mail_already_sent_sends_nothing(
    queue,
    redis_connection,
    redis_url,
    learner,
    course,
    tmp_path,
):
    log = tmp_path / "worker.log"
    sink = SMTPSink()
    with sink.running(), worker(queue, sink.port, log, redis_url):
        notification = assign(learner, course)
        wait_for(lambda: is_sent(notification), "the mail marked sent", log)
        # The daily run, or a retry, queues it again.
        tasks.enqueue_send(notification.pk)
        wait_for(
            lambda: len(FinishedJobRegistry(queue, connection=redis_connection)) == 2,
            "the second job finishing",
            log,
        )
    assert len(sink.deliveries) == 1
