"""/healthz: 200 when the database, the cache and the queue answer; 503 naming
the part that does not, in a body that says why and nothing more."""

import contextlib
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from http import HTTPStatus

import django_rq
import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from health_check.exceptions import ServiceUnavailable
from rq import Worker

from cms.health import TaskQueue
from tests.cms.processes import (
    MANAGE,
    _wait_for_port,
    database_url,
    environment,
    free_port,
    manage,
)

pytestmark = pytest.mark.django_db

ALL_OK = {"database": "ok", "cache": "ok", "queue": "ok"}
DATABASE_QUEUE = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "exports"],
    }
}
SECONDS = 60


@pytest.fixture
def closed_port():
    """A port on the loopback address that nothing listens on."""
    return free_port()


def health(client):
    response = client.get(reverse("healthz"))
    assert response["Content-Type"] == "application/json"
    assert "Traceback" not in response.content.decode()
    return response.status_code, response.json()


def use_rq(settings, url: str) -> None:
    settings.RQ_QUEUES = {"default": {"URL": url}}
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    }


def test_every_part_answering_is_a_200_that_no_one_caches(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "down": [], "checks": ALL_OK}
    assert "no-store" in response["Cache-Control"]


def test_redis_unreachable_as_the_cache_is_a_503_naming_the_cache(
    client, settings, closed_port
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }

    status, body = health(client)

    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert body["status"] == "unavailable"
    assert body["down"] == ["cache"]
    assert body["checks"] == {**ALL_OK, "cache": "Unexpected Result: Connection Error"}


def test_redis_unreachable_as_the_queue_is_a_503_naming_the_queue(
    client, settings, closed_port
):
    use_rq(settings, f"redis://127.0.0.1:{closed_port}/0")

    status, body = health(client)

    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert body["down"] == ["queue"]
    assert body["checks"]["queue"] == "Unavailable: Redis does not answer"


@pytest.mark.usefixtures("postgres_only")
def test_an_rq_queue_without_a_worker_seen_is_down(client, settings, redis_url):  # noqa: F811
    use_rq(settings, redis_url)

    status, body = health(client)

    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert body["down"] == ["queue"]
    assert body["checks"]["queue"] == (
        "Unavailable: no worker seen on the 'default' queue in the last 480 seconds"
    )


@pytest.mark.usefixtures("postgres_only")
def test_an_rq_worker_registered_on_the_queue_is_seen(client, settings, redis_url):  # noqa: F811
    use_rq(settings, redis_url)
    queue = django_rq.get_queue("default")
    worker = Worker([queue], connection=queue.connection)
    worker.register_birth()
    worker.heartbeat()

    assert health(client) == (
        HTTPStatus.OK,
        {"status": "ok", "down": [], "checks": ALL_OK},
    )

    worker.register_death()
    assert health(client)[0] == HTTPStatus.SERVICE_UNAVAILABLE


def waiting_task(*, queue="default", waited=timedelta(0), run_after=None, **fields):
    """A task in the database queue, enqueued some time ago."""
    task = DBTaskResult.objects.create(
        task_path="tests.cms.worker_tasks.write_file",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name=queue,
        run_after=run_after or get_date_max(),
        **fields,
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waited)
    return task


def test_the_database_queue_with_no_task_waiting_long_is_up(settings):
    settings.TASKS = DATABASE_QUEUE
    waiting_task(waited=timedelta(minutes=9))
    # Deferred: its wait began when its time came.
    waiting_task(
        waited=timedelta(hours=2), run_after=timezone.now() - timedelta(minutes=1)
    )
    waiting_task(waited=timedelta(hours=2), status="RUNNING")

    TaskQueue().run()


def test_an_empty_database_queue_is_up(client, settings):
    settings.TASKS = DATABASE_QUEUE

    assert health(client) == (
        HTTPStatus.OK,
        {"status": "ok", "down": [], "checks": ALL_OK},
    )


def test_a_task_waiting_past_the_limit_means_no_worker_takes_them(settings):
    settings.TASKS = DATABASE_QUEUE
    waiting_task(queue="exports", waited=timedelta(minutes=11))

    with pytest.raises(ServiceUnavailable) as down:
        TaskQueue().run()

    assert str(down.value) == (
        "Unavailable: a task on the 'exports' queue has waited more than 10 "
        "minutes: no worker takes them"
    )


@contextlib.contextmanager
def gunicorn(env, log):
    """The web process as production runs it; yields its base URL."""
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1"}
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "cms/gunicorn.conf.py"],
            cwd=MANAGE.parent,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_port(server, port, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url):
    """Status and body, over plain HTTP, following no redirect."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=SECONDS) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def production(**variables):
    return environment(
        "cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        **variables,
    )


def test_a_production_server_reaching_nothing_names_every_part(tmp_path):
    env = production(
        DATABASE_URL=f"postgres://academy@127.0.0.1:{free_port()}/academy",
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",
    )
    with gunicorn(env, tmp_path / "server.log") as base_url:
        status, body = fetch(base_url + "/healthz")
        other_status, _ = fetch(base_url + "/")

    # Plain HTTP, as a balancer probes, though every other page goes to HTTPS.
    assert other_status == HTTPStatus.MOVED_PERMANENTLY
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert "Traceback" not in body
    assert '"down": ["database", "cache", "queue"]' in body
    assert '"database": "Unavailable: connection failed"' in body


def wait_for_health(url, expected):
    deadline = time.monotonic() + SECONDS
    while (answer := fetch(url))[0] != expected:
        if time.monotonic() > deadline:
            raise AssertionError(f"/healthz still answers {answer}")
        time.sleep(0.2)
    return answer[1]


@pytest.mark.usefixtures("postgres_only")
def test_a_production_server_sees_its_worker_and_the_worker_runs_tasks(
    tmp_path,
    redis_url,  # noqa: F811
):
    env = production(
        DATABASE_URL=database_url(tmp_path / "unused.sqlite3"), REDIS_URL=redis_url
    )
    with (
        gunicorn(env, tmp_path / "server.log") as base_url,
        (tmp_path / "worker.log").open("w") as worker_log,
    ):
        worker = subprocess.Popen(
            [sys.executable, str(MANAGE), "rqworker", "default", "exports"],
            cwd=MANAGE.parent,
            env=env,
            stdout=worker_log,
            stderr=subprocess.STDOUT,
        )
        try:
            body = wait_for_health(base_url + "/healthz", HTTPStatus.OK)
            assert '"status": "ok"' in body

            # Django's own task API, enqueued as the site does it.
            done = tmp_path / "done.txt"
            enqueued = manage(
                "shell",
                "--no-imports",
                "-c",
                "from tests.cms.worker_tasks import write_file;"
                f"write_file.enqueue({str(done)!r}, 'ran')",
                env=env,
            )
            assert enqueued.returncode == 0, enqueued.stderr
            deadline = time.monotonic() + SECONDS
            while not done.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert done.read_text() == "ran"
        finally:
            # Stopped by SIGTERM, a worker says goodbye to Redis at once.
            stop(worker)

        body = wait_for_health(base_url + "/healthz", HTTPStatus.SERVICE_UNAVAILABLE)
        assert '"down": ["queue"]' in body
