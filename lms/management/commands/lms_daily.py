"""The periodic work of the day, for cron or a timer; safe to run twice a day.

Cron may start it on several machines at the same moment: the first run takes
a lock and the others exit at once, with a message and success, since the
day's work is being done. Waiting instead would only run it again, in turn,
on every machine.
"""

import argparse
import logging
from collections.abc import Callable
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lms import signals
from lms.invitations import services as invitations
from lms.notifications import services as notifications
from lms.support import locks
from lms.webhooks import announcements as webhook_announcements
from lms.webhooks import delivery as webhook_delivery

logger = logging.getLogger(__name__)

# One run at a time across every machine.
LOCK = "lms_daily"


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date: use YYYY-MM-DD."
        ) from None


def send_notices(today: date) -> str:
    """Reminders and overdue notices, and announcements and review notices
    whose mail failed."""
    counts = notifications.queue_due_notices(today)
    line = (
        f"reminders: {counts['reminder']}, overdue: {counts['overdue']} "
        f"({counts['escalated']} to managers)"
    )
    if counts["assigned"]:
        line += f", assignment mails retried: {counts['assigned']}"
    if counts["reviewed"]:
        line += f", review mails retried: {counts['reviewed']}"
    return line


def retry_invitations(today: date) -> str:
    """Invitations whose mail failed, while their link still works."""
    return f"invitation mails retried: {invitations.queue_unsent()}"


def announce_overdue(today: date) -> str:
    """Webhook events of the assignments that have become overdue."""
    return f"overdue announced: {webhook_announcements.assignments_overdue(today)}"


def deliver_webhooks(today: date) -> str:
    """Webhook deliveries waiting for their next try (cron's deliver_webhooks
    does this every minute; here in case it is not run)."""
    counts = webhook_delivery.deliver_due()
    return ", ".join(f"{name}: {count}" for name, count in counts.items())


class Command(BaseCommand):
    help = (
        "Send the day's reminders and overdue notices and start the renewals "
        "that are due. Run it daily; running it again on the same day sends "
        "nothing twice."
    )

    # The steps of the daily run, in order. Each takes the day, returns a line
    # for the summary, and must be safe to run twice on one day. Apps above
    # lms (certification: expiry and renewal) add theirs by receiving
    # lms.signals.daily_run, since lms may not import them.
    steps: list[Callable[[date], str]] = [
        send_notices,
        retry_invitations,
        announce_overdue,
        deliver_webhooks,
    ]

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=_day,
            help="Run as on this day (YYYY-MM-DD) instead of today.",
        )

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        with locks.held_while_running(LOCK) as taken:
            if not taken:
                self.stdout.write(
                    "lms_daily: another run is in progress (it holds the lock); "
                    "this one does nothing."
                )
                return
            self.run_day(today)

    def run_day(self, today: date) -> None:
        """Every step and receiver of the daily run, in order."""
        failed = []
        # A failing step does not keep the others from running.
        for step in self.steps:
            try:
                summary = step(today)
            except Exception:
                logger.exception("lms_daily: %s failed", step.__name__)
                failed.append(step.__name__)
                continue
            self.stdout.write(f"{step.__name__}: {summary}")
        for receiver, result in signals.daily_run.send_robust(
            sender=Command, today=today
        ):
            name = getattr(receiver, "__name__", str(receiver))
            if isinstance(result, Exception):
                logger.error("lms_daily: %s failed", name, exc_info=result)
                failed.append(name)
            else:
                self.stdout.write(f"{name}: {result}")
        if failed:
            raise CommandError(f"lms_daily {today}: failed: {', '.join(failed)}")
