"""The RQ settings of the tests that run real workers (no Django imports, so
that the workers' settings module can use it)."""

# No waiting between retries: a delay would need RQ's scheduler.
RETRY_DELAYS = [0, 0]


def rq_settings(queue: str, task_queues, redis_url: str) -> dict:
    """TASKS and RQ_QUEUES that send the apps' tasks to RQ, with the test's
    queue among the queues (the test routes its tasks there).

    Every queue, the apps' own included, is in a Redis database of the test's
    own (tests.redis_db): Wagtail queues its page tasks on "default", and
    in database 0 a real site's workers would run them."""
    queues = [*task_queues, queue]
    return {
        "TASKS": {
            "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": queues}
        },
        "RQ_QUEUES": {
            name: {"URL": redis_url, "QUEUE_CLASS": "lms.queues.RetryingQueue"}
            for name in queues
        },
        "LMS_TASK_RETRY_DELAYS": RETRY_DELAYS,
    }
