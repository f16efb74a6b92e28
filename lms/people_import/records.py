"""Checking people sent as records (the API's HR sync) instead of a file.

Each record is one line of the file, with the same fields and the same
checks; errors name the record by its place in the request (from 0) and the
field. Applying a plan is apply_import, as for a file.
"""

from lms.people_import.check import complete_plan
from lms.people_import.parse import IN_RECORD, _duplicates, _read_row
from lms.people_import.rows import ROLE_SEPARATOR, ImportPlan


def plan_people_records(
    records: list[dict], *, for_user=None, create_units: bool = False
) -> ImportPlan:
    """Check records (email, name, employee_number, unit as 'Hub/Webcare',
    roles as a list, manager_email) and plan their import; no writes."""
    rows, errors = [], []
    for number, record in enumerate(records):
        cells = [
            str(record.get("email") or ""),
            str(record.get("name") or ""),
            str(record.get("employee_number") or ""),
            str(record.get("unit") or ""),
            ROLE_SEPARATOR.join(record.get("roles") or ()),
            str(record.get("manager_email") or ""),
        ]
        row, row_errors = _read_row(number, [cell.strip() for cell in cells])
        rows.append(row)
        errors.extend(row_errors)
    errors.extend(_duplicates(rows, IN_RECORD))
    plan = ImportPlan(
        rows=rows, errors=errors, for_user=for_user, create_units=create_units
    )
    return complete_plan(plan)
