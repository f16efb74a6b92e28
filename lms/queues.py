"""RQ's own retries for the apps' background jobs, on RQ workers.

django-tasks-rq creates its jobs without a Retry, so a job that raises, or
whose worker is killed, fails for good. Named as the queue class of the RQ
queues (``RQ_QUEUES[name]["QUEUE_CLASS"]``), this class gives every job RQ's
Retry, and RQ does the rest:

- a work horse (the forked process running the job) killed by a signal or
  the OOM killer: its worker sees it die and re-queues the job at once, or
  after the next delay;
- a worker killed together with its horse (a machine lost): the job stays in
  the queue's StartedJobRegistry until its heartbeat expires (about a
  minute and a half), then the maintenance of any worker on the queue (at
  its start, and every ten minutes) re-queues it.

Delays above zero are kept by RQ's scheduler: run the workers with
``--with-scheduler`` (one of them takes the scheduler's lock). The jobs
themselves are safe to run again: each re-reads its record and does nothing
once it is done.
"""

from django_rq.queues import DjangoRQ
from rq import Retry

from lms import app_settings


class RetryingQueue(DjangoRQ):
    """A django-rq queue whose jobs are retried (LMS_TASK_RETRY_DELAYS)."""

    def create_job(self, func, *args, retry=None, **kwargs):
        delays = app_settings.TASK_RETRY_DELAYS
        if retry is None and delays:
            retry = Retry(max=len(delays), interval=delays)
        return super().create_job(func, *args, retry=retry, **kwargs)
