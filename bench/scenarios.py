"""The scenarios measured in this process, with Django's test client.

Requests (a, b, c) are timed round after round against their floors. The
work that changes data (d, e, f) runs in a transaction that is rolled back,
its on-commit callbacks run before the rollback as after a commit, so that
each round finds the same organisation. Assigning and lms_daily queue their
mail, as in production, on a queue that keeps the jobs in memory (Django's
dummy task backend): what is timed is the work and the queueing, not the
workers that send the mail later.
"""

import io
import statistics
import time
import tracemalloc
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.tasks import task_backends
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from bench import floors
from bench.build import Organisation
from bench.content import Content
from bench.measure import Scenario, counting_queries, rolled_back, timed
from certification import badges
from certification.models import Certificate, Certification
from courses.models import CoursePage
from lms.models import CourseCompletion, Enrolment


class RequestFailed(RuntimeError):
    pass


def _consume(response) -> int:
    """Read the whole body, as a browser would; returns its size."""
    size = 0
    if response.streaming:
        for chunk in response.streaming_content:
            size += len(chunk)
    else:
        size = len(response.content)
    response.close()
    return size


class Browsers:
    """One logged-in test client per person."""

    def __init__(self):
        self.clients = {}

    def client(self, user_id) -> Client:
        if user_id not in self.clients:
            client = Client()
            client.force_login(get_user_model().objects.get(pk=user_id))
            self.clients[user_id] = client
        return self.clients[user_id]

    def getter(self, user_id, url, expect=200):
        """A callable that GETs url as the person and reads the body."""

        def get():
            response = self.client(user_id).get(url)
            if response.status_code != expect:
                raise RequestFailed(f"GET {url}: {response.status_code}")
            return _consume(response)

        return get


def request_scenarios(org: Organisation, content: Content, browsers: Browsers):
    """a (the page), b and c, and their floors."""
    today = timezone.localdate()
    course = CoursePage.objects.get(pk=org.course)
    module = next(m for ms in content.modules for m in ms if m.pk == org.module)
    report = reverse("hub_reports_completion")
    learn = reverse("lms:my_learning")
    matrix = reverse("hub_matrix:index") + f"?unit={org.team_unit}"
    home = content.home.url
    floors_ = {
        "plain_page": browsers.getter(org.learner_1, home),
        "report_sql_page": lambda: floors.report_page(today),
    }
    scenarios = [
        Scenario("report_page", browsers.getter(org.hr, report), "report_sql_page"),
        Scenario("my_learning_1", browsers.getter(org.learner_1, learn), "plain_page"),
        Scenario(
            "my_learning_12", browsers.getter(org.learner_12, learn), "plain_page"
        ),
        Scenario(
            "course_page_1", browsers.getter(org.learner_1, course.url), "plain_page"
        ),
        Scenario(
            "course_page_12", browsers.getter(org.learner_12, course.url), "plain_page"
        ),
        Scenario(
            "module_page", browsers.getter(org.learner_1, module.url), "plain_page"
        ),
        Scenario(
            "module_page_12", browsers.getter(org.learner_12, module.url), "plain_page"
        ),
        Scenario(
            "team_matrix", browsers.getter(org.team_manager, matrix), "plain_page"
        ),
    ]
    return scenarios, floors_


def export_url(fmt: str, **filters) -> str:
    query = "&".join(f"{k}={v}" for k, v in {**filters, "export": fmt}.items())
    return reverse("hub_reports_completion") + "?" + query


def export_scenarios(org: Organisation, browsers: Browsers):
    """a: the CSV and XLSX exports over everyone, against fetching the rows."""
    today = timezone.localdate()
    floors_ = {"report_sql_rows": lambda: floors.report_rows(today)}
    scenarios = [
        Scenario(
            "report_csv", browsers.getter(org.hr, export_url("csv")), "report_sql_rows"
        ),
        Scenario(
            "report_xlsx",
            browsers.getter(org.hr, export_url("xlsx")),
            "report_sql_rows",
        ),
    ]
    return scenarios, floors_


def export_memory(org: Organisation, browsers: Browsers) -> dict:
    """Peak Python memory (tracemalloc) of one export over everyone and over
    one spoke (about a sixth of the rows): flat means the same."""
    result = {}
    for fmt in ("csv", "xlsx"):
        for label, filters in (("all", {}), ("spoke", {"unit": org.spoke_unit})):
            get = browsers.getter(org.hr, export_url(fmt, **filters))
            tracemalloc.start()
            try:
                tracemalloc.reset_peak()
                size = get()
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            result[f"{fmt}_{label}_peak_mib"] = round(peak / 2**20, 2)
            result[f"{fmt}_{label}_bytes"] = size
    return result


# Work that changes data ----------------------------------------------------


@dataclass
class Measured:
    """Rounds of one piece of work, in milliseconds, with its queries."""

    samples: list[float] = field(default_factory=list)
    after_commit: list[float] = field(default_factory=list)
    floors: list[float] = field(default_factory=list)
    queries: int | None = None
    queries_after_commit: int | None = None
    extra: dict = field(default_factory=dict)

    def summary(self) -> dict:
        median = statistics.median(self.samples) if self.samples else None
        result = {
            "median_ms": median,
            "queries": self.queries,
            "rounds": len(self.samples),
        }
        if self.after_commit:
            result["after_commit_ms"] = statistics.median(self.after_commit)
            result["with_after_commit_ms"] = statistics.median(
                [a + b for a, b in zip(self.samples, self.after_commit, strict=True)]
            )
            result["queries_after_commit"] = self.queries_after_commit
        if self.floors:
            result["floor_ms"] = statistics.median(self.floors)
            result["ratio"] = statistics.median(
                [s / f for s, f in zip(self.samples, self.floors, strict=True)]
            )
        return {**result, **self.extra}


def _queued(settings) -> dict:
    """Every task queue of the site, on Django's dummy backend."""
    return {
        alias: {
            "BACKEND": "django.tasks.backends.dummy.DummyBackend",
            "QUEUES": config.get("QUEUES", ["default"]),
        }
        for alias, config in settings.TASKS.items()
    }


def _jobs_queued() -> int:
    return sum(len(getattr(backend, "results", ())) for backend in task_backends.all())


def _forget_jobs() -> None:
    for backend in task_backends.all():
        if hasattr(backend, "results"):
            backend.results.clear()


def _rolled_back_rounds(work, floor, rounds: int) -> Measured:
    """Time work and its on-commit callbacks (queueing its mail) apart, each
    round rolled back, with the floor (rolled back too) in the same round,
    alternating order."""
    from django.conf import settings

    with override_settings(TASKS=_queued(settings)):
        return _rounds(work, floor, rounds)


def _rounds(work, floor, rounds: int) -> Measured:
    measured = Measured()
    for number in range(rounds):
        order = [("work", work), ("floor", floor)]
        if number % 2:
            order.reverse()
        for kind, action in order:
            mail.outbox = []
            _forget_jobs()
            if kind == "floor":
                with rolled_back():
                    measured.floors.append(timed(action))
                continue
            with counting_queries() as total:
                with rolled_back():
                    with counting_queries() as inside:
                        start = time.perf_counter()
                        action()
                        done = time.perf_counter()
                end = time.perf_counter()
            measured.samples.append((done - start) * 1000)
            measured.after_commit.append((end - done) * 1000)
            measured.queries = inside.count
            measured.queries_after_commit = total.count - inside.count
            measured.extra["jobs_queued"] = _jobs_queued()
            measured.extra["mails_sent_inline"] = len(getattr(mail, "outbox", []))
    mail.outbox = []
    _forget_jobs()
    return measured


def assign_role(org: Organisation, browsers: Browsers, rounds: int) -> dict:
    """d: the top manager assigns the free course to the 2,000-person role,
    everywhere, through the admin form (its confirming post)."""
    client = browsers.client(org.top_manager)
    url = reverse("hub_assignments:assign")
    due = (timezone.localdate() + timedelta(days=60)).isoformat()

    def post():
        response = client.post(
            url,
            {
                "course": org.free_course,
                "target": "role",
                "role": org.role_2000,
                "unit": "",
                "include_subunits": "on",
                "due_on": due,
                "reason": "Benchmark",
                "token": str(uuid.uuid4()),
                "confirm": "1",
            },
        )
        if response.status_code != 302:
            raise RequestFailed(f"POST {url}: {response.status_code}")

    def floor():
        # The rows it writes, written by one statement each.
        with connection.cursor() as cursor:
            cursor.execute(
                FLOOR_ASSIGN,
                {"course": org.free_course, "due": due, "role": org.role_2000},
            )

    measured = _rolled_back_rounds(post, floor, rounds)
    measured.extra["people"] = org.role_2000_size
    return measured.summary()


FLOOR_ASSIGN = """
WITH people AS (
    SELECT DISTINCT m.user_id FROM lms_rolemembership m
    JOIN cms_user u ON u.id = m.user_id AND u.is_active
    WHERE m.role_id = %(role)s AND m.ended_on IS NULL
), assigned AS (
    INSERT INTO lms_trainingassignment
        (user_id, course_id, source, due_on, reason, assigned_at)
    SELECT user_id, %(course)s, 'manager', %(due)s, 'Benchmark', now() FROM people
    ON CONFLICT DO NOTHING
    RETURNING id
), enrolled AS (
    INSERT INTO lms_enrolment (user_id, course_id, status, enrolled_at, cycle)
    SELECT user_id, %(course)s, 'active', now(), 1 FROM people
    ON CONFLICT DO NOTHING
    RETURNING id
)
INSERT INTO lms_notification (assignment_id, kind, period, escalated, created_at)
SELECT id, 'assigned', '1', false, now() FROM assigned
"""


def daily(org: Organisation, rounds: int) -> dict:
    """e: lms_daily over the whole organisation, its mail queued."""

    def run():
        call_command("lms_daily", stdout=io.StringIO())

    def floor():
        # The rows the day's notices come from, in one query.
        with connection.cursor() as cursor:
            cursor.execute(
                floors.ROWS + "SELECT count(*) FROM report WHERE status IN"
                " ('overdue', 'in_progress', 'not_started')"
                " AND effective_due <= %(soon)s",
                {
                    "today": timezone.localdate(),
                    "soon": timezone.localdate() + timedelta(days=7),
                },
            )
            cursor.fetchall()

    measured = _rolled_back_rounds(run, floor, rounds)
    return measured.summary()


def issue_certificates(org: Organisation, count: int = 1000) -> dict:
    """f: certificates issued on completion (certification's receiver) and
    signed as Open Badges credentials, one person after another; the floor
    is one INSERT of the row and one RS256 signature of the same payload."""
    from certification.services import issue_for_completed_course

    certification = Certification.objects.get(pk=org.issue_certification)
    course = CoursePage.objects.get(pk=org.issue_course)
    holders = list(
        Enrolment.objects.filter(course=course, status="active")
        .exclude(user__certificates__certification=certification)
        .values_list("user_id", "pk")[:count]
    )
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1")
    key = badges.signing_key()
    User = get_user_model()
    samples, floor_samples, queries = [], [], None
    with rolled_back():
        # Their courses completed (not timed): the work before issuing.
        now = timezone.now()
        Enrolment.objects.filter(pk__in=[e for _u, e in holders]).update(
            status="completed", completed_at=now
        )
        CourseCompletion.objects.bulk_create(
            CourseCompletion(enrolment_id=e, cycle=1, completed_at=now)
            for _u, e in holders
        )
        people = User.objects.in_bulk([u for u, _e in holders])
        for index, (user_id, _e) in enumerate(holders):
            person = people[user_id]

            def issue(person=person):
                for certificate in issue_for_completed_course(
                    user=person, course=course
                ):
                    badges.signed_credential(certificate, request=request)

            def floor(person=person, index=index):
                with connection.cursor() as cursor:
                    cursor.execute(
                        "INSERT INTO certification_certificate (holder_id,"
                        " certification_id, issued_at, valid_from, code,"
                        " revocation_reason) VALUES (%s, %s, now(),"
                        " current_date - 1, %s, '') RETURNING id",
                        [person.pk, certification.pk, f"floor-{index}"],
                    )
                key.sign(FLOOR_PAYLOAD, padding.PKCS1v15(), hashes.SHA256())

            if index == 0:
                with counting_queries() as counter:
                    samples.append(timed(issue))
                queries = counter.count
            else:
                samples.append(timed(issue))
            floor_samples.append(timed(floor))
        issued = Certificate.objects.filter(
            certification=certification,
            holder_id__in=people,
            valid_from=timezone.localdate(),
        ).count()
    return {
        "median_ms": statistics.median(samples),
        "queries": queries,
        "rounds": len(samples),
        "floor_ms": statistics.median(floor_samples),
        "ratio": statistics.median(
            [s / f for s, f in zip(samples, floor_samples, strict=True)]
        ),
        "issued": issued,
    }


# About the size of a signed credential's header and payload.
FLOOR_PAYLOAD = b"x" * 1800


def completion_queries(org: Organisation, content: Content, browsers: Browsers) -> int:
    """g: the queries of one module completion, posted as a learner would."""
    from bench.content import QUIZ_POSITIONS

    learner = org.throughput[-1]
    module = next(
        m
        for position, m in enumerate(content.modules[-1])
        if position not in QUIZ_POSITIONS
    )
    client = browsers.client(learner)
    url = reverse("lms:complete_module", args=[module.pk])
    with rolled_back():
        with counting_queries() as counter:
            response = client.post(url)
        if response.status_code != 302:
            raise RequestFailed(f"POST {url}: {response.status_code}")
    return counter.count
