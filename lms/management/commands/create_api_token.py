"""Make an API token for a script, and print it once."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lms import persons
from lms.api import tokens
from lms.models import ApiToken


class Command(BaseCommand):
    help = (
        "Make an API token that acts as a person, for one integration, and "
        "print it. Only its digest is kept: it cannot be shown again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--user", required=True, help="The email address of the token's owner."
        )
        parser.add_argument(
            "--name", required=True, help="The integration, such as 'AFAS sync'."
        )
        parser.add_argument(
            "--write",
            action="store_true",
            help="Let the token write (HR sync, assignments); it only reads otherwise.",
        )
        parser.add_argument(
            "--days", type=int, help="How many days the token works (default 365)."
        )
        parser.add_argument(
            "--rate-per-minute",
            type=int,
            help="How many requests a minute the token may make (default "
            "LMS_API_RATE_PER_MINUTE).",
        )

    def handle(self, *args, user, name, write, days, rate_per_minute, **options):
        name = name.strip()
        if not name or len(name) > 100:
            raise CommandError("--name must be 1 to 100 characters.")
        email_field = persons.adapter().email_field
        owners = list(
            get_user_model().objects.filter(**{f"{email_field}__iexact": user})[:2]
        )
        if len(owners) != 1:
            raise CommandError(
                f"No one has the email address {user!r}."
                if not owners
                else f"More than one person has the email address {user!r}."
            )
        if days is not None and days < 1:
            raise CommandError("--days must be 1 or more.")
        if rate_per_minute is not None and rate_per_minute < 1:
            raise CommandError("--rate-per-minute must be 1 or more.")
        expires_at = timezone.now() + timedelta(days=days) if days else None
        try:
            token, raw = tokens.make_token(
                name=name,
                user=owners[0],
                access=ApiToken.Access.WRITE if write else ApiToken.Access.READ,
                expires_at=expires_at,
                rate_per_minute=rate_per_minute,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stderr.write(
            f"Made {token.get_access_display().lower()} token {token.name!r} "
            f"acting as {owners[0]}, valid until "
            f"{timezone.localtime(token.expires_at):%Y-%m-%d}. It is shown "
            "only now:"
        )
        self.stdout.write(raw)
