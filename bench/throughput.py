"""g: eight clients posting module completions to gunicorn, against the same
clients posting to a trivial logged-in view (bench.urls.ping).

The clients are threads of this process, each with a keep-alive connection
and real sessions: every learner logs in through allauth's form, and every
post carries its CSRF token. A thread is light next to a request (a tenth of
a millisecond against several), and it leaves the comparison fair: both
sides pay it. The windows alternate, trivial then completions, so that a
change in the machine's load falls on both. Then the database is asked
whether every acknowledged completion is there, once.
"""

import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from bench.build import PASSWORD, Organisation
from bench.content import QUIZ_POSITIONS, Content
from lms.models import Enrolment, ModuleProgress

CLIENTS = 8
GUNICORN_WORKERS = 2
GUNICORN_THREADS = 4
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn on the benchmark's settings and database, on a free port."""

    def __init__(self, log_path: Path):
        self.port = _free_port()
        self.log_path = log_path
        self.process = None

    def __enter__(self):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.bench"}
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log = open(self.log_path, "w")  # noqa: SIM115 (closed in __exit__)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(GUNICORN_WORKERS),
                "--threads",
                str(GUNICORN_THREADS),
                "--worker-class",
                "gthread",
                "--keep-alive",
                "30",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.log_path}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, 5)
                connection.request("GET", reverse("bench_ping"))
                status = connection.getresponse().status
                connection.close()
                if status == 302:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in time; see {self.log_path}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class Session:
    """One learner's cookies and CSRF token, over a client's connection."""

    def __init__(self, learner_id: int, email: str):
        self.learner_id = learner_id
        self.email = email
        self.cookies: dict[str, str] = {}
        self.token = ""

    def _headers(self, extra=None) -> dict:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {"Cookie": cookie, "Host": "127.0.0.1", **(extra or {})}

    def _keep_cookies(self, response):
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                # A browser would show the message on the next page and
                # drop it; kept here, it would grow with every post.
                if name == "messages":
                    continue
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)

    def request(self, connection, method, path, form=None):
        body, headers = None, {}
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=self._headers(headers))
        response = connection.getresponse()
        content = response.read()
        self._keep_cookies(response)
        return response.status, response.getheader("Location", ""), content

    def log_in(self, connection):
        login = reverse("account_login")
        status, _l, page = self.request(connection, "GET", login)
        match = TOKEN.search(page.decode())
        if status != 200 or not match:
            raise RuntimeError(f"login page: {status}")
        status, _l, _b = self.request(
            connection,
            "POST",
            login,
            {
                "login": self.email,
                "password": PASSWORD,
                "csrfmiddlewaretoken": match.group(1),
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login of {self.email}: {status}")
        status, _l, token = self.request(connection, "GET", reverse("bench_ping"))
        if status != 200:
            raise RuntimeError(f"ping after login: {status}")
        self.token = token.decode()


@dataclass
class Task:
    session: Session
    module_id: int
    path: str
    enrolment_id: int


@dataclass
class Window:
    kind: str
    seconds: float
    done: int = 0
    errors: Counter = field(default_factory=Counter)
    acknowledged: list = field(default_factory=list)
    latencies: list = field(default_factory=list)
    # When the first client had no module left to complete: the rate is then
    # taken over the time until then, not over the whole window (the other
    # clients' last completions still count: a little too high, not too low).
    ran_out_at: float | None = None

    @property
    def per_second(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


def _client(connection_factory, sessions, tasks, window: Window, deadline, lock):
    connection = connection_factory()
    ping = reverse("bench_ping")
    done, acknowledged, errors, latencies = 0, [], Counter(), []
    turn = 0
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            if window.kind == "trivial":
                session = sessions[turn % len(sessions)]
                turn += 1
                status, _l, body = session.request(
                    connection,
                    "POST",
                    ping,
                    {"csrfmiddlewaretoken": session.token},
                )
                if status == 200 and body == b"ok":
                    done += 1
                    latencies.append((time.perf_counter() - start) * 1000)
                else:
                    errors[status] += 1
                continue
            if not tasks:
                errors["out of modules"] += 1
                now = time.monotonic()
                with lock:
                    if window.ran_out_at is None:
                        window.ran_out_at = now
                break
            task = tasks.pop()
            status, location, _b = task.session.request(
                connection,
                "POST",
                reverse("lms:complete_module", args=[task.module_id]),
                {"csrfmiddlewaretoken": task.session.token},
            )
            # Done: redirected on to the next module (or the course); an
            # error redirects back to the module itself.
            if status == 302 and urlsplit(location).path != task.path:
                done += 1
                acknowledged.append(task)
                latencies.append((time.perf_counter() - start) * 1000)
            else:
                errors[status] += 1
        except (OSError, http.client.HTTPException) as error:
            errors[type(error).__name__] += 1
            connection.close()
            connection = connection_factory()
    connection.close()
    with lock:
        window.done += done
        window.acknowledged += acknowledged
        window.errors.update(errors)
        window.latencies += latencies


def run(
    org: Organisation,
    content: Content,
    *,
    seconds: float,
    windows: int = 3,
    log_path: Path,
    progress=lambda message: None,
) -> dict:
    """Both kinds of window, alternating, seconds in all for each kind."""
    learners = org.throughput
    # A run before left its completions: start afresh.
    ModuleProgress.objects.filter(enrolment__user_id__in=learners).delete()
    from django.contrib.auth import get_user_model

    emails = dict(
        get_user_model().objects.filter(pk__in=learners).values_list("pk", "email")
    )
    enrolments = {
        (user_id, course_id): pk
        for pk, user_id, course_id in Enrolment.objects.filter(
            user_id__in=learners
        ).values_list("pk", "user_id", "course_id")
    }
    readings = [
        (course.pk, module)
        for course, modules in zip(content.courses, content.modules, strict=True)
        for position, module in enumerate(modules)
        if position not in QUIZ_POSITIONS
    ]
    with Server(log_path) as server:

        def connect():
            return http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)

        per_client = len(learners) // CLIENTS
        clients = []
        for index in range(CLIENTS):
            sessions = [
                Session(pk, emails[pk])
                for pk in learners[index * per_client : (index + 1) * per_client]
            ]
            connection = connect()
            for session in sessions:
                session.log_in(connection)
            connection.close()
            tasks = [
                Task(
                    session,
                    module.pk,
                    module.url,
                    enrolments[session.learner_id, course_id],
                )
                for session in sessions
                for course_id, module in readings
            ]
            tasks.reverse()  # popped from the end: the courses in order
            clients.append((sessions, tasks))
        progress(f"{len(learners)} learners logged in to gunicorn")
        results = []
        window_seconds = seconds / windows
        for number in range(windows):
            for kind in ("trivial", "completion"):
                window = Window(kind, window_seconds)
                lock = threading.Lock()
                started = time.monotonic()
                deadline = started + window_seconds
                threads = [
                    threading.Thread(
                        target=_client,
                        args=(connect, sessions, tasks, window, deadline, lock),
                    )
                    for sessions, tasks in clients
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                if window.ran_out_at is not None:
                    window.seconds = window.ran_out_at - started
                results.append(window)
                progress(
                    f"window {number + 1}/{windows} {kind}: {window.per_second:.1f}/s"
                )
    return _verify(results, learners)


def _verify(windows: list[Window], learners) -> dict:
    trivial = [w for w in windows if w.kind == "trivial"]
    completion = [w for w in windows if w.kind == "completion"]
    acknowledged = [task for w in completion for task in w.acknowledged]
    acked_keys = Counter((task.enrolment_id, task.module_id) for task in acknowledged)
    rows = Counter(
        {
            (row["enrolment_id"], row["module_id"]): row["n"]
            for row in ModuleProgress.objects.filter(enrolment__user_id__in=learners)
            .values("enrolment_id", "module_id")
            .annotate(n=Count("pk"))
        }
    )
    missing = sum(1 for key in acked_keys if rows.get(key, 0) == 0)
    doubled = sum(1 for n in rows.values() if n > 1) + sum(
        1 for n in acked_keys.values() if n > 1
    )
    unacknowledged = sum(1 for key in rows if key not in acked_keys)
    completion_rate = sum(w.done for w in completion) / sum(
        w.seconds for w in completion
    )
    trivial_rate = sum(w.done for w in trivial) / sum(w.seconds for w in trivial)
    ratios = [
        c.per_second / t.per_second
        for t, c in zip(trivial, completion, strict=True)
        if t.per_second
    ]
    errors = Counter()
    for window in windows:
        errors.update({str(k): v for k, v in window.errors.items()})
    return {
        "completions_per_s": round(completion_rate, 1),
        "trivial_per_s": round(trivial_rate, 1),
        "median_ms": _median([ms for w in completion for ms in w.latencies]),
        "trivial_ms": _median([ms for w in trivial for ms in w.latencies]),
        "ratio": statistics.median(ratios) if ratios else None,
        "acknowledged": len(acknowledged),
        "in_database": sum(rows.values()),
        "missing": missing,
        "doubled": doubled,
        "written_unacknowledged": unacknowledged,
        "errors": dict(errors),
        "clients": CLIENTS,
        "gunicorn": f"{GUNICORN_WORKERS} workers x {GUNICORN_THREADS} threads",
        "windows": len(completion),
        "ran_out_of_modules": any(w.ran_out_at is not None for w in completion),
    }


def _median(values):
    return round(statistics.median(values), 2) if values else None
