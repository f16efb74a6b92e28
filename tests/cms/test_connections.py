"""No web process can hold more database connections than it has threads.

runserver serves every request in a new thread, and Django keeps a database
connection per thread: with persistent connections each finished thread
would leave one open, until PostgreSQL runs out of them. Production's
servers have a fixed number of threads, so there they are kept and reused.
"""

import secrets
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus

import pytest
from django.db import connection

from tests.cms.processes import database_url, dev_server, environment, manage

pytestmark = pytest.mark.django_db

REQUESTS = 40
SETTLE_SECONDS = 15


def open_connections(application_name: str) -> int:
    """Connections to the test database that the server process opened."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = %s AND application_name = %s",
            [connection.settings_dict["NAME"], application_name],
        )
        return cursor.fetchone()[0]


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read().decode()


@pytest.mark.parametrize(
    ("settings_module", "expected"),
    [
        ("cms.settings.dev", ["0", "False"]),
        ("cms.settings.test", ["0", "False"]),
        ("cms.settings.production", ["60", "True"]),
    ],
)
def test_only_production_keeps_its_connections(settings_module, expected, tmp_path):
    if settings_module.endswith(".production") and connection.vendor != "postgresql":
        pytest.skip("production runs on PostgreSQL only")
    env = environment(
        settings_module,
        DATABASE_URL=database_url(tmp_path / "db.sqlite3"),
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection as c;"
        "print(c.settings_dict['CONN_MAX_AGE'], c.settings_dict['CONN_HEALTH_CHECKS'])",
        env=env,
    )
    assert result.stdout.split() == expected, result.stderr


# The server process must see the course, so the test data is committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("postgres_only")
def test_dev_server_holds_no_connections_after_concurrent_requests(course, tmp_path):
    # The server's connections carry a name of their own, so that neither
    # this test's connection nor anyone else's is counted.
    application_name = f"hub-academy-test-{uuid.uuid4().hex[:12]}"
    env = environment(
        "cms.settings.dev",
        DATABASE_URL=database_url(
            tmp_path / "unused.sqlite3", application_name=application_name
        ),
    )
    with dev_server(env, tmp_path / "server.log") as base_url:
        with ThreadPoolExecutor(REQUESTS) as pool:
            responses = list(pool.map(fetch, [base_url + course.url] * REQUESTS))
        # The course exists only in the test database: the server read it.
        assert all(
            status == HTTPStatus.OK and course.title in body
            for status, body in responses
        )
        # A request's connection closes just after its response is sent.
        deadline = time.monotonic() + SETTLE_SECONDS
        while (remaining := open_connections(application_name)) > 0:
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert remaining == 0, (
            f"{remaining} connections still open {SETTLE_SECONDS}s after "
            f"{REQUESTS} requests"
        )
