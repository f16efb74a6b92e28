"""The background task that tries a webhook delivery (lms.webhooks.delivery)."""

from datetime import datetime
from functools import partial

from django.db import transaction
from django.tasks import task

from lms.webhooks import delivery


@task
def deliver_webhook_task(delivery_id: int) -> str:
    """Try one delivery, if its time has come and no other worker has it."""
    return delivery.deliver(delivery_id)


def enqueue_delivery(delivery_id: int, run_after: datetime | None = None) -> None:
    """Queue a delivery's try once the current transaction commits.

    A retry is queued to run at its time where the task backend can defer
    tasks; elsewhere it waits for the sweep (deliver_webhooks, run by cron
    every minute). A failure to queue is logged, not raised: the delivery
    stays pending, and the sweep finds it.
    """
    if run_after is None:
        queued = deliver_webhook_task
    elif deliver_webhook_task.get_backend().supports_defer:
        queued = deliver_webhook_task.using(run_after=run_after)
    else:
        return
    transaction.on_commit(partial(queued.enqueue, delivery_id), robust=True)
