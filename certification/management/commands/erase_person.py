"""Erase one person: anonymise them and keep their records."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certification import data_requests


class Command(BaseCommand):
    help = (
        "Erase a person: their details are removed, their answers replaced, "
        "their certificates revoked and their account closed; their records "
        "stay, anonymised, so report totals do not change. Cannot be undone."
    )

    def add_arguments(self, parser):
        parser.add_argument("person", help="The person's id or email address.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Confirm the erasure (it cannot be undone).",
        )

    def handle(self, *args, person: str, yes: bool, **options):
        try:
            found = data_requests.find_person(person)
        except data_requests.PersonNotFound as error:
            raise CommandError(str(error)) from None
        if not yes:
            raise CommandError(
                _(
                    "Erasing %(person)s cannot be undone: run the command again "
                    "with --yes to confirm. Nothing has been changed."
                )
                % {"person": f"#{found.pk}"}
            )
        try:
            counts = data_requests.erase_person(person=found)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        revoked = counts["certificates_revoked"]
        self.stdout.write(
            ngettext(
                "Person #%(id)s has been erased (%(certificates)s certificate revoked).",
                "Person #%(id)s has been erased (%(certificates)s certificates revoked).",
                revoked,
            )
            % {"id": found.pk, "certificates": revoked}
        )
