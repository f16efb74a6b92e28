"""Locks that make a whole operation wait for another of its kind.

A row lock (``select_for_update``) serves a change to one record; an import
that reads the whole organisation, plans and then writes needs to be alone
among imports instead, or two at once would both plan the same new unit.
"""

import contextlib
import hashlib
from collections.abc import Iterator

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


@contextlib.contextmanager
def held_while_running(name: str) -> Iterator[bool]:
    """Take the lock for the whole block if no other process holds it; yield
    whether it was taken, without waiting.

    PostgreSQL: a session-level advisory lock, so the block may commit as
    often as it likes; it is released when the block ends, and by the server
    when the process dies. It needs a session of its own, so not a pooler in
    transaction mode. SQLite serves one machine, the demo's: there every
    block takes it.
    """
    if connection.vendor != "postgresql":
        yield True
        return
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        (taken,) = cursor.fetchone()
    try:
        yield taken
    finally:
        if taken:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
