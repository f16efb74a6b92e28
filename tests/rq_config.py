"""The RQ settings of the tests that run real workers (no Django imports, so
that the workers' settings module can use it)."""

import os

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
# No waiting between retries: a delay would need RQ's scheduler.
RETRY_DELAYS = [0, 0]


def rq_settings(queue: str, task_queues) -> dict:
    """TASKS and RQ_QUEUES that send the apps' tasks to RQ, with the test's
    queue among the queues (the test routes its tasks there)."""
    queues = [*task_queues, queue]
    return {
        "TASKS": {
            "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": queues}
        },
        "RQ_QUEUES": {
            name: {"URL": REDIS_URL, "QUEUE_CLASS": "lms.queues.RetryingQueue"}
            for name in queues
        },
        "LMS_TASK_RETRY_DELAYS": RETRY_DELAYS,
    }
