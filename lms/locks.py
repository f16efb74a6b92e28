"""Locks that make a whole operation wait for another of its kind.

A row lock (``select_for_update``) serves a change to one record; an import
that reads the whole organisation, plans and then writes needs to be alone
among imports instead, or two at once would both plan the same new unit.
"""

import hashlib

from django.db import connection


def lock_key(name: str) -> int:
    """A stable 64-bit signed number for a lock's name."""
    digest = hashlib.sha256(name.encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def hold_until_commit(name: str) -> None:
    """Wait until no other transaction holds the lock, then hold it to the end
    of the current one.

    PostgreSQL: an advisory transaction lock. SQLite lets one transaction
    write at a time, and with transaction_mode IMMEDIATE (the demo's
    settings) it takes that turn when the transaction begins, so two such
    operations already run one after the other.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(name)])
