"""Real RQ workers for tests, on a queue of the test's own in a Redis
database of the test's own (tests.redis_db), which parallel runs do not
share and which is emptied after the test. The worker runs `manage.py
rqworker` with the settings of tests.rq_worker_settings, against the suite's
database.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from tests.cms.processes import MANAGE, database_url, environment


def new_queue_name() -> str:
    return f"test-{os.getpid()}-{uuid.uuid4().hex[:12]}"


@contextlib.contextmanager
def worker(queue: str, smtp_port: int, log: Path, redis_url: str):
    """`manage.py rqworker` on the queue, mailing to the port; yields it."""
    env = environment(
        "tests.rq_worker_settings",
        DATABASE_URL=database_url(log.with_suffix(".unused.sqlite3")),
        TEST_RQ_QUEUE=queue,
        TEST_REDIS_URL=redis_url,
        TEST_SMTP_PORT=str(smtp_port),
        PYTHONPATH=str(MANAGE.parent),
    )
    with log.open("a") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                str(MANAGE),
                "rqworker",
                "--job-class",
                "django_tasks_rq.Job",
                queue,
            ],
            cwd=MANAGE.parent,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """End a worker (and its work horse, which has a process group of its own)."""
    for child in children(process.pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
    if process.poll() is None:
        process.kill()
    process.wait(10)


def children(pid: int) -> list[int]:
    """The processes a process forked (Linux)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except FileNotFoundError:
        return []
    return [int(child) for child in text.split()]


def wait_for(condition, what: str, log: Path | None = None, seconds: float = 60):
    """Poll until condition() is true, or fail saying what did not happen."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    worker_log = log.read_text() if log and log.exists() else ""
    raise AssertionError(f"{what} did not happen within {seconds}s\n{worker_log}")
