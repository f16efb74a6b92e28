"""The file's columns and limits, and the records an import passes along."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.organisation import services as organisation

COLUMNS = ("email", "name", "employee_number", "unit", "roles", "manager_email")
MAX_FILE_SIZE = 2 * 1024 * 1024
ROLE_SEPARATOR = ";"
UNIT_SEPARATOR = "/"
NAME_MAX_LENGTH = 150
EMPLOYEE_NUMBER_MAX_LENGTH = 50
UNIT_NAME_MAX_LENGTH = 150
UNIT_MAX_LEVELS = organisation.MAX_UNIT_DEPTH


@dataclass(frozen=True)
class RowError:
    """Why a line of the file cannot be imported."""

    line: int
    message: str
    # The column the message is about, where it is about one (the API names it).
    field: str = ""

    def __str__(self):
        return _("line %(line)s: %(message)s") % {
            "line": self.line,
            "message": self.message,
        }


@dataclass(frozen=True)
class ImportRow:
    """One person of the file, with its cells cleaned of surrounding spaces."""

    line: int
    email: str
    name: str
    employee_number: str
    unit: tuple[str, ...]
    roles: tuple[str, ...]
    manager_email: str

    @property
    def unit_label(self) -> str:
        return UNIT_SEPARATOR.join(self.unit)


@dataclass(frozen=True)
class NewPerson:
    line: int
    email: str
    name: str
    employee_number: str


@dataclass(frozen=True)
class Rename:
    line: int
    email: str
    old_name: str
    new_name: str


@dataclass(frozen=True)
class NumberChange:
    line: int
    email: str
    number: str


@dataclass(frozen=True)
class NewMembership:
    line: int
    email: str
    unit: str
    role: str  # empty: a plain member of the unit


@dataclass(frozen=True)
class NewManager:
    line: int
    email: str
    unit: str


@dataclass
class Changes:
    """What an import does (or, before it is applied, would do)."""

    new_people: list[NewPerson] = field(default_factory=list)
    renamed: list[Rename] = field(default_factory=list)
    new_numbers: list[NumberChange] = field(default_factory=list)
    new_units: list[str] = field(default_factory=list)
    new_memberships: list[NewMembership] = field(default_factory=list)
    new_managers: list[NewManager] = field(default_factory=list)
    # A new unit's path to the existing one it is one edit away from.
    look_alike_units: dict[str, str] = field(default_factory=dict)
    # Lines whose employee number the site keeps nowhere (lms.persons).
    numbers_not_kept: list[int] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The number of changes of each kind, e.g. for the audit log."""
        return {
            "people_created": len(self.new_people),
            "names_updated": len(self.renamed),
            "employee_numbers_updated": len(self.new_numbers),
            "units_created": len(self.new_units),
            "memberships_created": len(self.new_memberships),
            "managers_added": len(self.new_managers),
        }

    @property
    def is_empty(self) -> bool:
        return not any(self.counts().values())

    def sections(self) -> list[tuple[str, list[str]]]:
        """The changes as titled lists of sentences, for the report."""
        people = []
        for person in self.new_people:
            if person.employee_number:
                text = _("%(email)s (%(name)s, employee number %(number)s)") % {
                    "email": person.email,
                    "name": person.name,
                    "number": person.employee_number,
                }
            else:
                text = _("%(email)s (%(name)s)") % {
                    "email": person.email,
                    "name": person.name,
                }
            people.append(text)
        renamed = [
            _("%(email)s: '%(old)s' becomes '%(new)s'")
            % {"email": rename.email, "old": rename.old_name, "new": rename.new_name}
            for rename in self.renamed
        ]
        numbers = [
            _("%(email)s: employee number %(number)s")
            % {"email": item.email, "number": item.number}
            for item in self.new_numbers
        ]
        memberships = [
            (
                _("%(email)s as %(role)s in %(unit)s")
                % {"email": item.email, "role": item.role, "unit": item.unit}
                if item.role
                else _("%(email)s as a member of %(unit)s")
                % {"email": item.email, "unit": item.unit}
            )
            for item in self.new_memberships
        ]
        managers = [
            _("%(email)s manages %(unit)s") % {"email": item.email, "unit": item.unit}
            for item in self.new_managers
        ]
        units = [
            _("%(unit)s (did you mean %(existing)s?)")
            % {"unit": unit, "existing": self.look_alike_units[unit]}
            if unit in self.look_alike_units
            else unit
            for unit in self.new_units
        ]
        sections = [
            (_("New people"), people),
            (_("Changed names"), renamed),
            (_("Changed employee numbers"), numbers),
            (_("New units"), units),
            (_("New memberships"), memberships),
            (_("New managers"), managers),
        ]
        if self.numbers_not_kept:
            sections.append(
                (
                    _("Not kept"),
                    [
                        ngettext(
                            "This site keeps no employee numbers: the number "
                            "on %(count)d line is not stored.",
                            "This site keeps no employee numbers: the numbers "
                            "on %(count)d lines are not stored.",
                            len(self.numbers_not_kept),
                        )
                        % {"count": len(self.numbers_not_kept)}
                    ],
                )
            )
        return [(title, lines) for title, lines in sections if lines]


@dataclass
class ImportPlan:
    """A checked file: its rows, its errors, and what applying it would change."""

    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    for_user: object = None
    text: str = ""  # the decoded file, to confirm a dry run with
    create_units: bool = False

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def bad_lines(self) -> list[int]:
        return sorted({error.line for error in self.errors})


@dataclass
class ImportResult:
    """What an applied import changed, with the rows it read."""

    rows: list[ImportRow]
    changes: Changes
    invited: int = 0  # invitations sent to people who had never signed in

    def counts(self) -> dict[str, int]:
        return self.changes.counts()

    @property
    def employee_numbers(self) -> dict[str, str]:
        """Email to employee number, for the rows that gave one."""
        return {
            row.email: row.employee_number for row in self.rows if row.employee_number
        }


class ImportRejected(Exception):
    """The file (no longer) passes its checks; nothing was written."""

    def __init__(self, errors: list[RowError]):
        super().__init__(errors)
        self.errors = errors


def import_notes() -> list[str]:
    """What every report says about the limits of the import."""
    return [
        _(
            "The import adds and updates; it does not end memberships or remove "
            "managers that are not in the file."
        ),
    ]
