"""Write everything held about one person as a JSON document."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from certification import data_requests


class Command(BaseCommand):
    help = (
        "Export everything held about a person (profile, roles, assignments, "
        "learning records, certificates, notifications, audit entries) as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("person", help="The person's id or email address.")
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            help="Write to this file instead of standard output.",
        )

    def handle(self, *args, person: str, output: Path | None, **options):
        try:
            found = data_requests.find_person(person)
        except data_requests.PersonNotFound as error:
            raise CommandError(str(error)) from None
        document = data_requests.export_json(found)
        if output is None:
            self.stdout.write(document)
            return
        try:
            output.write_text(document + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(error)s")
                % {"file": output, "error": error.strerror}
            ) from None
        self.stderr.write(
            _("The data of person #%(id)s is in %(file)s.")
            % {"id": found.pk, "file": output}
        )
