"""Reading a people file into rows, and a template to write one from."""

import codecs
import csv
import io

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lms.models import Role
from lms.organisation import scope
from lms.people_import.rows import (
    COLUMNS,
    EMPLOYEE_NUMBER_MAX_LENGTH,
    NAME_MAX_LENGTH,
    ROLE_SEPARATOR,
    UNIT_MAX_LEVELS,
    UNIT_NAME_MAX_LENGTH,
    UNIT_SEPARATOR,
    ImportRow,
    RowError,
)


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
        rows.append(row)
    errors.extend(_duplicates(rows, ON_LINE))
    if not rows and not errors:
        errors.append(RowError(2, _("the file has a header but no people")))
    return rows, errors


# How a message names another row of the same request: a line of a file, or
# a record of an API request (numbered from 0, as JSON arrays are).
ON_LINE = {
    "email": _lazy("%(email)s is also on line %(line)s"),
    "number": _lazy("employee number %(number)s is also on line %(line)s"),
}
IN_RECORD = {
    "email": _lazy("%(email)s is also in record %(line)s"),
    "number": _lazy("employee number %(number)s is also in record %(line)s"),
}


def _duplicates(rows: list[ImportRow], wording) -> list[RowError]:
    """An email address or employee number given twice: the second is wrong."""
    errors = []
    first_line_of_email: dict[str, int] = {}
    first_line_of_number: dict[str, int] = {}
    for row in rows:
        if row.email and not _email_problem(row.email):
            key = row.email.lower()
            if key in first_line_of_email:
                errors.append(
                    RowError(
                        row.line,
                        wording["email"]
                        % {"email": row.email, "line": first_line_of_email[key]},
                        "email",
                    )
                )
            else:
                first_line_of_email[key] = row.line
        number = row.employee_number
        if number and len(number) <= EMPLOYEE_NUMBER_MAX_LENGTH:
            if number in first_line_of_number:
                errors.append(
                    RowError(
                        row.line,
                        wording["number"]
                        % {"number": number, "line": first_line_of_number[number]},
                        "employee_number",
                    )
                )
            else:
                first_line_of_number[number] = row.line
    return errors


def _read_row(line: int, cells: list[str]) -> tuple[ImportRow, list[RowError]]:
    email, name, number, unit, roles, manager_email = cells
    errors = []

    def error(message, field):
        errors.append(RowError(line, message, field))

    if not email:
        error(_("the email address is missing"), "email")
    elif _email_problem(email):
        error(_("'%(email)s' is not a valid email address") % {"email": email}, "email")
    if len(name) > NAME_MAX_LENGTH:
        error(
            _("the name is longer than %(max)s characters") % {"max": NAME_MAX_LENGTH},
            "name",
        )
    if len(number) > EMPLOYEE_NUMBER_MAX_LENGTH:
        error(
            _("the employee number is longer than %(max)s characters")
            % {"max": EMPLOYEE_NUMBER_MAX_LENGTH},
            "employee_number",
        )
    segments = tuple(segment.strip() for segment in unit.split(UNIT_SEPARATOR))
    if not unit:
        error(_("the unit is missing"), "unit")
    elif not all(segments):
        error(
            _("the unit '%(unit)s' has an empty part (write it as 'Hub/Webcare')")
            % {"unit": unit},
            "unit",
        )
    elif any(len(segment) > UNIT_NAME_MAX_LENGTH for segment in segments):
        error(
            _("a unit name is longer than %(max)s characters")
            % {"max": UNIT_NAME_MAX_LENGTH},
            "unit",
        )
    elif len(segments) > UNIT_MAX_LEVELS:
        error(
            _("the unit has %(levels)s levels; there can be at most %(max)s")
            % {"levels": len(segments), "max": UNIT_MAX_LEVELS},
            "unit",
        )
    role_names = tuple(
        dict.fromkeys(
            role.strip() for role in roles.split(ROLE_SEPARATOR) if role.strip()
        )
    )
    if manager_email and _email_problem(manager_email):
        error(
            _("the manager email '%(email)s' is not a valid email address")
            % {"email": manager_email},
            "manager_email",
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
