from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.demo.seeding import DEMO_USERS, seed

DISCARD = {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}


@contextmanager
def demo_mail_discarded():
    """The mails the demo's own story sends (assignments, reviews,
    certificates) go nowhere: its people are made up, and on the console,
    where development mail goes, they would bury the summary."""
    mailers = settings.MAILERS
    settings.MAILERS = {**mailers, "default": DISCARD}
    try:
        yield
    finally:
        settings.MAILERS = mailers


class Command(BaseCommand):
    help = "Create the demo site, courses (nl + en) and users; safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", default="demo-password-1", help="Password for the demo users."
        )
        parser.add_argument(
            "--url",
            default="http://127.0.0.1:8000",
            help="Where the site will be served.",
        )

    def handle(self, *args, password, url, **options):
        with demo_mail_discarded():
            seed(password)
        # Last, so that nothing the seeding printed comes after it.
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(f"Site:  {url}/   (admin: {url}/admin/)")
        self.stdout.write(f"Logins (password {password!r}):")
        for email, name, _language in DEMO_USERS:
            self.stdout.write(f"  {email:<24} {name}")
