"""/healthz: whether the database, the cache and the task queue answer.

django-health-check runs the checks, each with a time limit, and logs why a
check failed; the answer names only the part that is down. It is for load
balancers and monitoring, so its words are fixed English, never translated.
"""

import asyncio
import dataclasses
import datetime
from http import HTTPStatus

import django_rq
from django.db import connections, router
from django.db.models import Q
from django.http import JsonResponse
from django.tasks import task_backends
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_rq.backend import RQBackend
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView
from redis.exceptions import RedisError
from rq import Worker
from rq.defaults import DEFAULT_WORKER_TTL

# An idle RQ worker renews its registration about every DEFAULT_WORKER_TTL
# seconds and RQ lets it lapse a minute after that: a worker seen within
# this time is alive, or was killed less than that long ago.
WORKER_SEEN_SECONDS = DEFAULT_WORKER_TTL + 60


@dataclasses.dataclass
class TaskQueue(HealthCheck):
    """A worker takes the tasks of every queue of a task backend.

    RQ: each queue has a worker that RQ saw within WORKER_SEEN_SECONDS.
    The database as queue keeps no record of its workers, so there no task
    may have waited for one longer than max_wait. A backend that runs tasks
    inline (development, tests) has no worker to wait for.
    """

    alias: str = "default"
    max_wait: datetime.timedelta = dataclasses.field(
        default=datetime.timedelta(minutes=10), repr=False
    )

    def run(self) -> None:
        backend = task_backends[self.alias]
        if isinstance(backend, RQBackend):
            self._check_workers(backend)
        elif isinstance(backend, DatabaseBackend):
            self._check_waiting(backend)

    def _check_workers(self, backend: RQBackend) -> None:
        cutoff = timezone.now() - datetime.timedelta(seconds=WORKER_SEEN_SECONDS)
        try:
            for name in sorted(backend.queues):
                workers = Worker.all(queue=django_rq.get_queue(name))
                if not any(
                    worker.last_heartbeat and worker.last_heartbeat >= cutoff
                    for worker in workers
                ):
                    raise ServiceUnavailable(
                        f"no worker seen on the {name!r} queue in the last "
                        f"{WORKER_SEEN_SECONDS} seconds"
                    )
        except RedisError as error:
            raise ServiceUnavailable("Redis does not answer") from error

    def _check_waiting(self, backend: DatabaseBackend) -> None:
        cutoff = timezone.now() - self.max_wait
        alias = router.db_for_read(DBTaskResult)
        # Runs in a thread of the check's own: close what it opens there.
        with connections[alias].temporary_connection():
            queue = (
                DBTaskResult.objects.using(alias)
                .ready()
                .filter(backend_name=backend.alias, enqueued_at__lt=cutoff)
                .filter(Q(run_after=get_date_max()) | Q(run_after__lt=cutoff))
                .values_list("queue_name", flat=True)
                .first()
            )
        if queue is not None:
            minutes = int(self.max_wait.total_seconds() // 60)
            raise ServiceUnavailable(
                f"a task on the {queue!r} queue has waited more than {minutes} "
                "minutes: no worker takes them"
            )


class HealthView(HealthCheckView):
    """200 when every part answers; 503 naming those that do not, as JSON."""

    parts = {"database": Database, "cache": Cache, "queue": TaskQueue}

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            results = await asyncio.gather(
                *(check().get_result(executor) for check in self.parts.values())
            )
        checks = {
            name: "ok" if result.error is None else str(result.error)
            for name, result in zip(self.parts, results, strict=True)
        }
        down = [
            name
            for name, result in zip(self.parts, results, strict=True)
            if result.error
        ]
        return JsonResponse(
            {
                "status": "unavailable" if down else "ok",
                "down": down,
                "checks": checks,
            },
            status=HTTPStatus.SERVICE_UNAVAILABLE if down else HTTPStatus.OK,
        )


healthz = HealthView.as_view()
