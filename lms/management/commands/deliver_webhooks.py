"""Try every webhook delivery whose time has come; for cron, every minute.

Where the task backend defers tasks (RQ, the database backend), retries are
queued to run at their time and this command only catches what was lost;
with inline tasks it is what retries failed deliveries. Safe to run on
several machines at once: each delivery is claimed by one of them.
"""

from django.core.management.base import BaseCommand

from lms.webhooks.delivery import deliver_due


class Command(BaseCommand):
    help = (
        "Deliver the webhook events waiting for their (next) try. Run it every minute."
    )

    def handle(self, *args, **options):
        counts = deliver_due()
        self.stdout.write(
            "deliver_webhooks: "
            + ", ".join(f"{name}: {count}" for name, count in counts.items())
        )
