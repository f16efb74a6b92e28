"""The benchmark's own PostgreSQL database: recreated for each build, and
described by a comment on it (what was built, when), so that --reuse can
tell whether an existing one fits."""

import json

import psycopg
from django.conf import settings
from django.db import connection
from psycopg import sql

MARK = "hub-academy-bench"


def _server():
    db = settings.DATABASES["default"]
    return {
        "host": db["HOST"] or None,
        "port": db["PORT"] or None,
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
        "dbname": "postgres",
    }


def name() -> str:
    return settings.DATABASES["default"]["NAME"]


def recreate() -> None:
    """Drop the benchmark's database (if any) and create it empty."""
    connection.close()
    with psycopg.connect(autocommit=True, **_server()) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name())
            )
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name())))


def drop() -> None:
    connection.close()
    with psycopg.connect(autocommit=True, **_server()) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name())
            )
        )


def describe(info: dict) -> None:
    """Remember what was built in the database's comment."""
    text = json.dumps({"mark": MARK, **info})
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}")
            .format(sql.Identifier(name()), sql.Literal(text))
            .as_string(connection.connection)
        )


def description() -> dict | None:
    """What an existing benchmark database holds, or None."""
    try:
        with psycopg.connect(autocommit=True, **_server()) as conn:
            row = conn.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                " WHERE datname = %s",
                [name()],
            ).fetchone()
    except psycopg.Error:
        return None
    if not row or not row[0]:
        return None
    try:
        info = json.loads(row[0])
    except ValueError:
        return None
    return info if info.get("mark") == MARK else None
