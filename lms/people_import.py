"""Importing people from an HR export: people, units, roles and managers.

A file is checked completely before anything is written: every bad line is
reported with its number (the header is line 1) and nothing is written while
one remains. A good file is applied in one transaction. The import adds and
updates; it never ends a membership that the file does not mention.

Employee numbers are checked (at most 50 characters, once per file) and
stored where the site keeps them (lms.persons: an ``employee_number`` field
of the user model, by default); where it keeps none the plan says so.

Units are created only when asked for (create_units): otherwise a unit that
does not exist is an error. Either way, a new unit whose path is one edit
away from an existing one (Hub/Webcaer beside Hub/Webcare) is pointed out.
"""

import codecs
import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from lms import locks, organisation, persons, scope
from lms.models import OrgUnit, Role, RoleMembership

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


def template_csv(for_user) -> str:
    """A file to start from: the header and two example lines, with a unit
    and a role that exist and that the importer may use."""
    unit = scope.visible_units(for_user).order_by("-depth", "path").first()
    unit_path = unit.path_label() if unit else "Hub/Webcare"
    roles = list(Role.objects.order_by("name").values_list("name", flat=True)[:2])
    roles = roles or ["Webcare agent"]
    lines = [
        COLUMNS,
        (
            "jan.jansen@example.org",
            "Jan Jansen",
            "E-1001",
            unit_path,
            roles[0],
            for_user.email,
        ),
        (
            "fatma.yildiz@example.org",
            "Fatma Yildiz",
            "E-1002",
            unit_path,
            ";".join(roles),
            "",
        ),
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    return out.getvalue()


# Reading the file


def _decode(source) -> tuple[str | None, RowError | None]:
    if hasattr(source, "read"):
        source = source.read()
    if isinstance(source, str):
        return _without_nulls(source.removeprefix("\ufeff"))
    data = bytes(source).removeprefix(codecs.BOM_UTF8)
    try:
        return _without_nulls(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, RowError(
            line,
            _(
                "the file is not UTF-8 text; save it from your spreadsheet as "
                "'CSV UTF-8'"
            ),
        )


def _without_nulls(text: str) -> tuple[str | None, RowError | None]:
    """The text, or the line of its first null character: no database text
    column can hold one, and a spreadsheet never writes one."""
    position = text.find("\x00")
    if position < 0:
        return text, None
    return None, RowError(
        text[:position].count("\n") + 1,
        _("the line holds a null character; save the file again as 'CSV UTF-8'"),
    )


def _check_header(cells: list[str]) -> RowError | None:
    found = [cell.strip().lower() for cell in cells]
    if found == list(COLUMNS):
        return None
    message = _("the header must be '%(expected)s', not '%(found)s'") % {
        "expected": ",".join(COLUMNS),
        "found": ",".join(cells),
    }
    if len(cells) == 1 and ";" in cells[0]:
        message += " " + _("(separate the columns with commas)")
    return RowError(1, message)


def _email_problem(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return True
    return False


def _read_rows(text: str) -> tuple[list[ImportRow], list[RowError]]:
    """Split the text into rows and check what needs no database."""
    errors: list[RowError] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        return [], [
            RowError(1, _("the header cannot be read: %(error)s") % {"error": error})
        ]
    if header is None or not any(cell.strip() for cell in header):
        return [], [
            RowError(
                1,
                _("the file is empty; its first line must be the header '%(header)s'")
                % {"header": ",".join(COLUMNS)},
            )
        ]
    header_error = _check_header(header)
    if header_error:
        return [], [header_error]

    rows: list[ImportRow] = []
    first_line_of_email: dict[str, int] = {}
    first_line_of_number: dict[str, int] = {}
    line = reader.line_num
    while True:
        start = line + 1
        try:
            cells = next(reader, None)
        except csv.Error as error:
            errors.append(
                RowError(
                    start, _("the line cannot be read: %(error)s") % {"error": error}
                )
            )
            break
        line = reader.line_num
        if cells is None:
            break
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(COLUMNS):
            errors.append(
                RowError(
                    start,
                    _("expected %(expected)s columns, found %(found)s")
                    % {"expected": len(COLUMNS), "found": len(cells)},
                )
            )
            continue
        row, row_errors = _read_row(start, [cell.strip() for cell in cells])
        errors.extend(row_errors)
        if row.email and not _email_problem(row.email):
            key = row.email.lower()
            if key in first_line_of_email:
                errors.append(
                    RowError(
                        start,
                        _("%(email)s is also on line %(line)s")
                        % {"email": row.email, "line": first_line_of_email[key]},
                    )
                )
            else:
                first_line_of_email[key] = start
        if (
            row.employee_number
            and len(row.employee_number) <= EMPLOYEE_NUMBER_MAX_LENGTH
        ):
            if row.employee_number in first_line_of_number:
                errors.append(
                    RowError(
                        start,
                        _("employee number %(number)s is also on line %(line)s")
                        % {
                            "number": row.employee_number,
                            "line": first_line_of_number[row.employee_number],
                        },
                    )
                )
            else:
                first_line_of_number[row.employee_number] = start
        rows.append(row)
    if not rows and not errors:
        errors.append(RowError(2, _("the file has a header but no people")))
    return rows, errors


def _read_row(line: int, cells: list[str]) -> tuple[ImportRow, list[RowError]]:
    email, name, number, unit, roles, manager_email = cells
    errors = []

    def error(message):
        errors.append(RowError(line, message))

    if not email:
        error(_("the email address is missing"))
    elif _email_problem(email):
        error(_("'%(email)s' is not a valid email address") % {"email": email})
    if len(name) > NAME_MAX_LENGTH:
        error(
            _("the name is longer than %(max)s characters") % {"max": NAME_MAX_LENGTH}
        )
    if len(number) > EMPLOYEE_NUMBER_MAX_LENGTH:
        error(
            _("the employee number is longer than %(max)s characters")
            % {"max": EMPLOYEE_NUMBER_MAX_LENGTH}
        )
    segments = tuple(segment.strip() for segment in unit.split(UNIT_SEPARATOR))
    if not unit:
        error(_("the unit is missing"))
    elif not all(segments):
        error(
            _("the unit '%(unit)s' has an empty part (write it as 'Hub/Webcare')")
            % {"unit": unit}
        )
    elif any(len(segment) > UNIT_NAME_MAX_LENGTH for segment in segments):
        error(
            _("a unit name is longer than %(max)s characters")
            % {"max": UNIT_NAME_MAX_LENGTH}
        )
    elif len(segments) > UNIT_MAX_LEVELS:
        error(
            _("the unit has %(levels)s levels; there can be at most %(max)s")
            % {"levels": len(segments), "max": UNIT_MAX_LEVELS}
        )
    role_names = tuple(
        dict.fromkeys(
            role.strip() for role in roles.split(ROLE_SEPARATOR) if role.strip()
        )
    )
    if manager_email and _email_problem(manager_email):
        error(
            _("the manager email '%(email)s' is not a valid email address")
            % {"email": manager_email}
        )
    row = ImportRow(
        line=line,
        email=email,
        name=name,
        employee_number=number,
        unit=segments if unit else (),
        roles=role_names,
        manager_email=manager_email,
    )
    return row, errors


# What the database holds


def _folded(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.casefold() for name in names)


def one_edit_apart(first: str, second: str) -> bool:
    """Whether two different texts differ by one letter added, removed or
    changed, or by two neighbouring letters swapped."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    start = 0
    while start < min(len(first), len(second)) and first[start] == second[start]:
        start += 1
    first, second = first[start:], second[start:]
    return (
        first[1:] == second[1:]  # changed
        or first[1:] == second  # removed
        or first == second[1:]  # added
        or (first[:2] == second[1::-1] and first[2:] == second[2:])  # swapped
    )


@dataclass
class _Directory:
    """The people, units, roles, memberships and managers an import touches."""

    users: dict[str, list]
    units: dict[tuple[str, ...], list[OrgUnit]]
    unit_names: dict[tuple[str, ...], tuple[str, ...]]  # as spelled in the tree
    roles_exact: dict[str, Role]
    roles_folded: dict[str, list[Role]]
    memberships: set[tuple[int, int, int | None]]
    members: set[tuple[int, int]]
    managers: set[tuple[int, int]]
    managed_paths: list[str] | None  # None: no limit
    visible_people: set[int] | None  # None: no limit
    importer_id: int | None = None

    def user(self, email: str):
        found = self.users.get(email.lower(), [])
        return found[0] if len(found) == 1 else None

    def units_called(self, names: tuple[str, ...]) -> list[OrgUnit]:
        """The units at a path; names compare without case, as unit names
        are unique below one parent without case."""
        return self.units.get(_folded(names), [])

    def unit(self, names: tuple[str, ...]) -> OrgUnit | None:
        found = self.units_called(names)
        return found[0] if len(found) == 1 else None

    def look_alike(self, names: tuple[str, ...]) -> str | None:
        """The path of an existing unit one edit away from a path that is not
        one, compared without case; None if there is none. Only units the
        importer manages are named: the others' names are not theirs to see."""
        wanted = UNIT_SEPARATOR.join(_folded(names))
        for folded, spelled in self.unit_names.items():
            if (
                len(folded) == len(names)
                and one_edit_apart(wanted, UNIT_SEPARATOR.join(folded))
                and any(self.may_manage(unit) for unit in self.units[folded])
            ):
                return UNIT_SEPARATOR.join(spelled)
        return None

    def role(self, name: str) -> Role | None:
        if name in self.roles_exact:
            return self.roles_exact[name]
        found = self.roles_folded.get(name.casefold(), [])
        return found[0] if len(found) == 1 else None

    def may_see(self, found: list) -> bool:
        """Whether the importer may see the people with one email address."""
        if self.visible_people is None:
            return True
        return bool(found) and all(
            user.pk in self.visible_people or user.pk == self.importer_id
            for user in found
        )

    def may_manage(self, unit: OrgUnit) -> bool:
        if self.managed_paths is None:
            return True
        return any(unit.path.startswith(path) for path in self.managed_paths)


def _load_directory(rows: list[ImportRow], for_user=None) -> _Directory:
    User = get_user_model()
    emails = {row.email.lower() for row in rows} | {
        row.manager_email.lower() for row in rows if row.manager_email
    }
    users = defaultdict(list)
    for user in User.objects.annotate(email_folded=Lower("email")).filter(
        email_folded__in=emails
    ):
        users[user.email_folded].append(user)

    units = defaultdict(list)
    unit_names = {}
    names_by_path = {}
    for unit in OrgUnit.objects.only(
        "pk", "path", "depth", "numchild", "name"
    ).order_by("path"):
        parent_names = names_by_path.get(unit.path[: -OrgUnit.steplen], ())
        names = (*parent_names, unit.name)
        names_by_path[unit.path] = names
        units[_folded(names)].append(unit)
        unit_names.setdefault(_folded(names), names)

    roles_exact, roles_folded = {}, defaultdict(list)
    for role in Role.objects.all():
        roles_exact[role.name] = role
        roles_folded[role.name.casefold()].append(role)

    user_ids = [user.pk for found in users.values() for user in found]
    memberships = set(
        RoleMembership.objects.current()
        .filter(user_id__in=user_ids)
        .values_list("user_id", "unit_id", "role_id")
    )
    Managers = OrgUnit.managers.through
    managers = set(
        Managers.objects.filter(user_id__in=user_ids).values_list(
            "orgunit_id", "user_id"
        )
    )

    managed_paths = visible_people = None
    if for_user is not None and not scope.sees_everything(for_user):
        managed_paths = list(
            OrgUnit.objects.filter(managers=for_user).values_list("path", flat=True)
        )
        # The people of the managed units, as in scope.visible_people, found
        # from the paths already at hand.
        in_managed_units = Q(pk__in=[])
        for managed_path in managed_paths:
            in_managed_units |= Q(unit__path__startswith=managed_path)
        visible_people = set(
            RoleMembership.objects.current()
            .filter(in_managed_units, user_id__in=user_ids)
            .values_list("user_id", flat=True)
        )
    return _Directory(
        users=users,
        units=units,
        unit_names=unit_names,
        roles_exact=roles_exact,
        roles_folded=roles_folded,
        memberships=memberships,
        members={(user_id, unit_id) for user_id, unit_id, _role in memberships},
        managers=managers,
        managed_paths=managed_paths,
        visible_people=visible_people,
        importer_id=getattr(for_user, "pk", None),
    )


def _check_rows(
    rows: list[ImportRow], directory: _Directory, *, create_units: bool = False
) -> list[RowError]:
    """The checks that need the database."""
    errors = []
    in_file = {row.email.lower() for row in rows}
    for row in rows:

        def error(message, row=row):
            errors.append(RowError(row.line, message))

        if row.email and not _email_problem(row.email):
            found = directory.users.get(row.email.lower(), [])
            if found and not directory.may_see(found):
                # One message whatever the reason (another unit's person, an
                # unplaced one, a shared address), and never their name.
                error(
                    _(
                        "%(email)s cannot be imported into your units; ask an "
                        "administrator to place this person"
                    )
                    % {"email": row.email}
                )
            elif len(found) > 1:
                error(
                    _("more than one person has the email address %(email)s")
                    % {"email": row.email}
                )
            elif not found and not row.name:
                error(
                    _("the name is missing, and %(email)s is a new person")
                    % {"email": row.email}
                )
        if row.unit:
            _check_unit(row, directory, error, create_units=create_units)
        for name in row.roles:
            if directory.role(name) is None:
                error(_("unknown role '%(role)s'") % {"role": name})
        if row.manager_email and not _email_problem(row.manager_email):
            found = directory.users.get(row.manager_email.lower(), [])
            in_this_file = row.manager_email.lower() in in_file
            if directory.visible_people is not None:
                # A manager names only people they may see, themselves, or
                # people of this file (whose own rows are checked likewise).
                if not in_this_file and not directory.may_see(found):
                    error(
                        _(
                            "the manager %(email)s is neither one of the people "
                            "in your units nor in this file"
                        )
                        % {"email": row.manager_email}
                    )
            elif len(found) > 1:
                error(
                    _("more than one person has the email address %(email)s")
                    % {"email": row.manager_email}
                )
            elif not found and not in_this_file:
                error(
                    _(
                        "the manager %(email)s is neither a known person nor in this file"
                    )
                    % {"email": row.manager_email}
                )
    return errors


def _check_unit(
    row: ImportRow, directory: _Directory, error, *, create_units: bool
) -> None:
    deepest = None
    for depth in range(1, len(row.unit) + 1):
        names = row.unit[:depth]
        found = directory.units_called(names)
        if len(found) > 1:
            error(
                _("more than one unit is called '%(unit)s'")
                % {"unit": UNIT_SEPARATOR.join(names)}
            )
            return
        if not found:
            if not create_units:
                _missing_unit(names, directory, error)
            break
        deepest = found[0]
    if directory.managed_paths is not None and (
        deepest is None or not directory.may_manage(deepest)
    ):
        error(_("you do not manage the unit '%(unit)s'") % {"unit": row.unit_label})


def _missing_unit(names: tuple[str, ...], directory: _Directory, error) -> None:
    unit = UNIT_SEPARATOR.join(names)
    look_alike = directory.look_alike(names)
    if look_alike:
        error(
            _(
                "there is no unit '%(unit)s': did you mean '%(existing)s'? To "
                "create it, choose to create units that do not exist"
            )
            % {"unit": unit, "existing": look_alike}
        )
    else:
        error(
            _(
                "there is no unit '%(unit)s'; to create it, choose to create "
                "units that do not exist"
            )
            % {"unit": unit}
        )


def _plan_changes(rows: list[ImportRow], directory: _Directory) -> Changes:
    people = persons.adapter()
    changes = Changes()
    new_units: dict[tuple[str, ...], tuple[str, ...]] = {}
    managers_seen = set()
    for row in rows:
        user = directory.user(row.email)
        if user is None:
            changes.new_people.append(
                NewPerson(row.line, row.email, row.name, row.employee_number)
            )
        elif row.name and row.name != people.stored_name(user):
            changes.renamed.append(
                Rename(row.line, user.email, people.stored_name(user), row.name)
            )
        if (
            user is not None
            and row.employee_number
            and people.keeps_employee_number
            and people.employee_number(user) != row.employee_number
        ):
            changes.new_numbers.append(
                NumberChange(row.line, user.email, row.employee_number)
            )
        if row.employee_number and not people.keeps_employee_number:
            changes.numbers_not_kept.append(row.line)
        for depth in range(1, len(row.unit) + 1):
            names = row.unit[:depth]
            if directory.unit(names) is None:
                new_units.setdefault(_folded(names), names)
        unit = directory.unit(row.unit)
        email = user.email if user else row.email
        for name in row.roles:
            role = directory.role(name)
            if user and unit and (user.pk, unit.pk, role.pk) in directory.memberships:
                continue
            changes.new_memberships.append(
                NewMembership(row.line, email, row.unit_label, role.name)
            )
        if not row.roles and not (
            user and unit and (user.pk, unit.pk) in directory.members
        ):
            changes.new_memberships.append(
                NewMembership(row.line, email, row.unit_label, "")
            )
        if row.manager_email:
            manager = directory.user(row.manager_email)
            key = (row.manager_email.lower(), row.unit)
            already = manager and unit and (unit.pk, manager.pk) in directory.managers
            if not already and key not in managers_seen:
                managers_seen.add(key)
                changes.new_managers.append(
                    NewManager(
                        row.line,
                        manager.email if manager else row.manager_email,
                        row.unit_label,
                    )
                )
    changes.new_units = [UNIT_SEPARATOR.join(names) for names in new_units.values()]
    for names in new_units.values():
        # Only the first new level of a path: below it, every unit is new.
        if len(names) == 1 or directory.unit(names[:-1]) is not None:
            look_alike = directory.look_alike(names)
            if look_alike:
                changes.look_alike_units[UNIT_SEPARATOR.join(names)] = look_alike
    return changes


# The public interface


def parse_people_csv(
    source, *, for_user=None, create_units: bool = False
) -> ImportPlan:
    """Check a people file (text, bytes or a file) and plan the import; no writes.

    With for_user, the file may only touch the units that person manages
    (HR and administrators may touch every unit). Units that do not exist
    are errors, unless create_units asks for them to be created.
    """
    text, error = _decode(source)
    if error:
        return ImportPlan(errors=[error], for_user=for_user)
    rows, errors = _read_rows(text)
    plan = ImportPlan(
        rows=rows,
        errors=errors,
        for_user=for_user,
        text=text,
        create_units=create_units,
    )
    if not rows:
        return plan
    directory = _load_directory(rows, for_user)
    plan.errors = sorted(
        [*errors, *_check_rows(rows, directory, create_units=create_units)],
        key=lambda error: error.line,
    )
    if plan.is_valid:
        plan.changes = _plan_changes(rows, directory)
    return plan


def apply_import(plan: ImportPlan, by=None) -> ImportResult:
    """Write a checked plan in one transaction, checking it again first.

    Raises ImportRejected (and writes nothing) if the file has errors, or
    has come to have them since it was checked.
    """
    if not plan.is_valid:
        raise ImportRejected(plan.errors)
    with transaction.atomic():
        # One import at a time: the second checks again once the first is in,
        # so the same file sent twice at once changes things once.
        locks.hold_until_commit("lms.import_people")
        directory = _load_directory(plan.rows, plan.for_user)
        errors = _check_rows(plan.rows, directory, create_units=plan.create_units)
        if errors:
            raise ImportRejected(errors)
        changes = _plan_changes(plan.rows, directory)
        try:
            _apply_changes(plan.rows, changes, directory, by)
        except ValidationError as error:
            # The organisation changed under the file (another screen placed
            # someone meanwhile): nothing is written, and the file is checked
            # again when sent again.
            raise ImportRejected(
                [RowError(1, message) for message in error.messages]
            ) from error
        if plan.rows:
            root = directory.unit(plan.rows[0].unit[:1])
            log(
                instance=root,
                action="lms.import_people",
                user=by,
                data={**changes.counts(), "rows": len(plan.rows)},
            )
    return ImportResult(rows=plan.rows, changes=changes)


def _store_employee_numbers(rows, directory: _Directory) -> None:
    """Keep each row's employee number, where the site keeps them (lms.persons)."""
    people = persons.adapter()
    for row in rows:
        user = directory.user(row.email)
        number = row.employee_number
        if number and people.employee_number(user) != number:
            if not people.set_employee_number(user, number):
                return


def _apply_changes(rows, changes: Changes, directory: _Directory, by) -> None:
    people = persons.adapter()
    # New units are listed parents first.
    for label in changes.new_units:
        names = tuple(label.split(UNIT_SEPARATOR))
        parent = directory.unit(names[:-1]) if len(names) > 1 else None
        if parent is not None:
            # Adding a unit may move its sorted siblings, so the parent is
            # read afresh rather than trusted from memory.
            parent = OrgUnit.objects.get(pk=parent.pk)
        directory.units[_folded(names)] = [
            organisation.create_unit(name=names[-1], parent=parent, by=by)
        ]

    for person in changes.new_people:
        # No password: new people choose one through a password reset.
        user = people.create_person(person.email, person.name)
        directory.users[person.email.lower()] = [user]
    for rename in changes.renamed:
        people.rename(directory.user(rename.email), rename.new_name)
    _store_employee_numbers(rows, directory)

    by_line = {row.line: row for row in rows}
    for item in changes.new_memberships:
        row = by_line[item.line]
        organisation.join_role(
            user=directory.user(row.email),
            unit=directory.unit(row.unit),
            role=directory.role(item.role) if item.role else None,
            by=by,
        )

    managers_by_unit = defaultdict(list)
    for item in changes.new_managers:
        row = by_line[item.line]
        managers_by_unit[row.unit].append(directory.user(row.manager_email))
    for names, managers in managers_by_unit.items():
        directory.unit(names).managers.add(*managers)
