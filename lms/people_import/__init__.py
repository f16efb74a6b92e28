"""Importing people from an HR export: people, units, roles and managers.

A file is checked completely before anything is written: every bad line is
reported with its number (the header is line 1) and nothing is written while
one remains. A good file is applied in one transaction. The import adds and
updates; it never ends a membership that the file does not mention.

Employee numbers are checked (at most 50 characters, once per file) and
stored where the site keeps them (lms.persons: an ``employee_number`` field
of the user model, by default); where it keeps none the plan says so.

The parts, each importing only the ones before it:

- rows: the file's columns and limits, and the records an import passes
  along (rows, errors, changes, plans, results);
- parse: reading the file into rows, with the checks that need no database;
- check: checking the rows against the directory (people, units, roles,
  look-alike units) and planning the changes; parse_people_csv;
- records: the same checks for records sent to the API; plan_people_records;
- apply: writing a checked plan; apply_import;
- views: the admin screens, a dry run and then the import.
"""

from lms.people_import.apply import apply_import
from lms.people_import.check import one_edit_apart, parse_people_csv
from lms.people_import.parse import template_csv
from lms.people_import.records import plan_people_records
from lms.people_import.rows import (
    COLUMNS,
    MAX_FILE_SIZE,
    ImportRejected,
    import_notes,
)

__all__ = [
    "COLUMNS",
    "MAX_FILE_SIZE",
    "ImportRejected",
    "apply_import",
    "import_notes",
    "one_edit_apart",
    "parse_people_csv",
    "plan_people_records",
    "template_csv",
]
