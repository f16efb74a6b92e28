"""The background task of large report exports (lms.reports.export_jobs).

It runs on a queue of its own, "exports": a long export must not hold up
the mail of the default queue, and its workers can be sized (and kept from
being stopped mid-file) on their own. The queue must be among the task
backend's QUEUES (and RQ_QUEUES with django-tasks-rq).
"""

from functools import partial

from django.db import transaction
from django.tasks import task

from lms.reports import export_jobs

EXPORT_QUEUE = "exports"


@task(queue_name=EXPORT_QUEUE)
def run_export_task(job_id: int) -> str:
    """Prepare one export's file; a retry starts the file again."""
    return export_jobs.run_export(job_id)


def enqueue_export(job_id: int) -> None:
    """Queue a job once the transaction that created it commits.

    A failure to queue is logged, not raised: the job is left waiting, and
    asking again once it is stale (LMS_EXPORT_STALE_MINUTES) starts anew.
    """
    transaction.on_commit(partial(run_export_task.enqueue, job_id), robust=True)
