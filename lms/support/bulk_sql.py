"""Set-based writes for many people at once: INSERT ... SELECT, with the
people (or any rows of values) sent as one parameter.

Assigning a course to a role of thousands writes thousands of rows in four
tables; building them as model instances and binding every value as its own
parameter cost more than the database's work. These build the statement
from the model's fields (so that new fields with defaults are filled) and
let the database skip the rows a unique constraint refuses (ON CONFLICT DO
NOTHING): PostgreSQL and SQLite, the databases the suite runs on.
"""

import json
from dataclasses import dataclass

from django.db import NotSupportedError, connection
from django.utils import timezone


@dataclass(frozen=True)
class Rows:
    """A SELECT of rows of values, and its parameters."""

    sql: str
    params: list


def id_rows(
    rows, names: tuple[str, ...] = ("id",), types: tuple[str, ...] | None = None
) -> Rows:
    """Rows of values (integers unless types, SQL type names, say otherwise)
    as a table with those column names: one parameter per column on
    PostgreSQL, one in all on SQLite."""
    rows = [tuple(row) if isinstance(row, tuple) else (row,) for row in rows]
    types = types or ("bigint",) * len(names)
    if connection.vendor == "postgresql":
        arrays = ", ".join(f"%s::{type_}[]" for type_ in types)
        columns = [[row[i] for row in rows] for i in range(len(names))]
        return Rows(f"SELECT * FROM unnest({arrays}) AS t({', '.join(names)})", columns)
    if connection.vendor == "sqlite":
        columns = ", ".join(
            f"json_extract(value, '$[{i}]') AS {name}" for i, name in enumerate(names)
        )
        return Rows(f"SELECT {columns} FROM json_each(%s)", [json.dumps(rows)])
    raise NotSupportedError(f"lms.support.bulk_sql: no {connection.vendor} support")


def insert_select(
    model,
    *,
    columns: list[str] = (),
    select: str | None = None,
    params: list = (),
    values: dict,
    returning: list[str] = (),
) -> list[tuple]:
    """INSERT INTO the model's table one row per row of select, whose columns
    fill `columns` in order (one row without select); every other field
    takes its value from values, or its default. Rows that a unique
    constraint refuses are skipped; returns the returning columns of the
    rows inserted."""
    quote = connection.ops.quote_name
    now = timezone.now()
    constants, constant_params = [], []
    for field in model._meta.concrete_fields:
        if field.attname in columns:
            continue
        if field.attname in values:
            value = values[field.attname]
        elif field.primary_key:
            continue
        elif getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
            value = now
        elif field.has_default():
            value = field.get_default()
        elif field.null:
            value = None
        else:
            raise ValueError(f"{model.__name__}.{field.name} needs a value")
        constants.append(field.column)
        constant_params.append(field.get_db_prep_save(value, connection))
    targets = [model._meta.get_field(name).column for name in columns] + constants
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)}"
        f" ({', '.join(quote(column) for column in targets)})"
    )
    placeholders = ", ".join("%s" for _c in constants)
    if select is None:
        # One row, of values only.
        sql += f" VALUES ({placeholders})"
    else:
        # WHERE: SQLite would read ON CONFLICT as a join's ON without it.
        sql += (
            f" SELECT source.*{', ' if constants else ''}{placeholders}"
            f" FROM ({select}) source WHERE true"
        )
    sql += " ON CONFLICT DO NOTHING"
    if returning:
        sql += " RETURNING " + ", ".join(quote(column) for column in returning)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*constant_params, *params])
        return cursor.fetchall() if returning else []
