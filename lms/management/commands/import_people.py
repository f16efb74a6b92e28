"""Import people, units and role memberships from an HR export (CSV)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.people_import import (
    COLUMNS,
    ImportRejected,
    apply_import,
    import_notes,
    parse_people_csv,
)


class Command(BaseCommand):
    help = (
        "Create or update people, units and role memberships from a CSV file "
        f"with the header {','.join(COLUMNS)}. Nothing is written if any line "
        "is bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change, and write nothing.",
        )
        parser.add_argument(
            "--create-units",
            action="store_true",
            help=(
                "Create the units that do not exist; without it, such a unit "
                "is an error."
            ),
        )
        parser.add_argument(
            "--invite",
            action="store_true",
            help=(
                "Mail an invitation to everyone in the file who has never "
                "signed in and holds no invitation that still works."
            ),
        )

    def handle(
        self,
        *args,
        file: Path,
        dry_run: bool,
        create_units: bool,
        invite: bool,
        **options,
    ):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s")
                % {"file": file, "error": error.strerror}
            ) from None
        plan = parse_people_csv(data, create_units=create_units)
        if plan.errors:
            self._reject(plan.errors)
        invited = None
        if dry_run:
            self.stdout.write(_("Dry run: nothing has been written."))
            changes = plan.changes
        else:
            try:
                result = apply_import(plan, invite=invite)
            except ImportRejected as rejected:
                self._reject(rejected.errors)
            changes = result.changes
            invited = result.invited if invite else None
        self._report(changes, dry_run, invited)

    def _reject(self, errors):
        for error in errors:
            self.stderr.write(str(error))
        raise CommandError(
            ngettext(
                "%(count)s problem found; nothing has been imported.",
                "%(count)s problems found; nothing has been imported.",
                len(errors),
            )
            % {"count": len(errors)}
        )

    def _report(self, changes, dry_run, invited):
        if changes.is_empty:
            self.stdout.write(_("Nothing to change: everyone is up to date."))
        for title, lines in changes.sections():
            self.stdout.write(f"{title} ({len(lines)}):")
            for line in lines:
                self.stdout.write(f"  {line}")
        for note in import_notes():
            self.stdout.write(note)
        if invited is not None:
            self.stdout.write(
                ngettext(
                    "%(count)d invitation sent.",
                    "%(count)d invitations sent.",
                    invited,
                )
                % {"count": invited}
            )
        if not dry_run:
            self.stdout.write(self.style.SUCCESS(_("The import is done.")))
