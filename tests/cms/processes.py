"""Run manage.py as a real process against the database the suite runs on."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

MANAGE = Path(settings.BASE_DIR) / "manage.py"
# Django's own startup is a few seconds; CI machines may be slow and busy.
STARTUP_SECONDS = 60


def database_url(sqlite_path: Path, **options: str) -> str:
    """The suite's PostgreSQL test database as a URL, or a SQLite file."""
    if connection.vendor != "postgresql":
        return f"sqlite:///{sqlite_path}"
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = f"{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    query = "&".join(f"{key}={quote(value)}" for key, value in options.items())
    return f"postgres://{host}/{quote(db['NAME'])}" + (f"?{query}" if query else "")


def environment(settings_module: str, **variables: str) -> dict[str, str]:
    """A clean environment: only what a process needs, plus the given variables.

    Nothing leaks in from the shell that runs the suite (its settings module,
    DATABASE_URL, DEBUG, secrets).
    """
    env = {
        name: os.environ[name]
        for name in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
        if name in os.environ
    }
    env.update(DJANGO_SETTINGS_MODULE=settings_module, PYTHONUNBUFFERED="1")
    env.update(variables)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run one management command to its end and capture what it says."""
    return subprocess.run(
        [sys.executable, str(MANAGE), *args],
        cwd=MANAGE.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def dev_server(env: dict[str, str], log: Path):
    """`manage.py runserver` in a process of its own; yields its base URL."""
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                str(MANAGE),
                "runserver",
                "--noreload",
                f"127.0.0.1:{port}",
            ],
            cwd=MANAGE.parent,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_port(server, port, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_for_port(server: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server stopped:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(
        f"the server did not listen within {STARTUP_SECONDS}s:\n{log.read_text()}"
    )
