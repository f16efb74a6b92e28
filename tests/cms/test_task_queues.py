"""Django's own tasks run through the database queue's worker, as production
runs them without Redis (RQ's worker: tests/cms/test_healthz.py)."""

import secrets

import psycopg
import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.cms.processes import database_url, environment, manage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("postgres_only")]


@pytest.fixture
def committed_tasks(postgres_only):
    """Delete afterwards the tasks that processes committed to the suite's
    database, which the test's own rollback leaves."""
    yield
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "localhost",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
        autocommit=True,
    ) as session:
        session.execute(
            f"DELETE FROM {DBTaskResult._meta.db_table} WHERE task_path = %s",
            ["tests.cms.worker_tasks.write_file"],
        )


@pytest.mark.usefixtures("committed_tasks")
def test_the_database_worker_runs_a_django_task(tmp_path):
    env = environment(
        "cms.settings.production",
        DATABASE_URL=database_url(tmp_path / "unused.sqlite3"),
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    done = tmp_path / "done.txt"

    enqueued = manage(
        "shell",
        "--no-imports",
        "-c",
        "from tests.cms.worker_tasks import write_file;"
        f"print(write_file.enqueue({str(done)!r}, 'ran').id)",
        env=env,
    )
    assert enqueued.returncode == 0, enqueued.stderr
    worked = manage("db_worker", "--batch", "--no-startup-delay", env=env)

    assert worked.returncode == 0, worked.stdout + worked.stderr
    assert done.read_text() == "ran"
    task = DBTaskResult.objects.get(pk=enqueued.stdout.strip())
    assert (task.status, task.return_value) == ("SUCCESSFUL", "ran")
