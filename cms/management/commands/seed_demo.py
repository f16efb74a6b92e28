from django.core.management.base import BaseCommand

from cms.demo.seeding import DEMO_USERS, seed


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
        seed(password)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(f"Site:  {url}/   (admin: {url}/admin/)")
        self.stdout.write(f"Logins (password {password!r}):")
        for email, name, _language in DEMO_USERS:
            self.stdout.write(f"  {email:<24} {name}")
