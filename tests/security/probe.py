"""One isolated request: its outcome and every row it tried to write.

Each request runs in a transaction that is rolled back, with the client's
cookies restored and the cache cleared, so no request sees what another did
(a logout, a language switch, a rate limit).
"""

import copy
import re
import sys
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db import connection, transaction
from django.test import TestCase

from tests.security.outcomes import Outcome, classify

WRITE = re.compile(
    r"""^\s*(INSERT|UPDATE|DELETE)\s+(?:OR\s+\w+\s+)?(?:INTO\s+|FROM\s+)?[`"\[]?(\w+)""",
    re.IGNORECASE,
)


class WriteRecorder:
    """An execute wrapper that notes every INSERT, UPDATE or DELETE that
    changed a row (one that matched none changed nothing), as "VERB table"."""

    def __init__(self):
        self.tables: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        match = WRITE.match(sql)
        if match and context["cursor"].rowcount != 0:
            self.tables.append(f"{match.group(1).upper()} {match.group(2).lower()}")
        return result


@dataclass
class Result:
    outcome: Outcome
    status: int
    location: str = ""
    writes: list[str] = field(default_factory=list)
    error: str = ""

    def describe(self) -> str:
        parts = [str(self.status)]
        if self.location:
            parts.append(self.location)
        if self.error:
            parts.append(self.error)
        return f"{self.outcome} ({', '.join(parts)})"


def send(client, method: str, url: str, data=None, *, run_deferred=True) -> Result:
    """Request a URL as the client's user, changing nothing for later requests.

    run_deferred: whether on-commit callbacks run (and their writes count).
    """
    cookies = copy.deepcopy(client.cookies)
    cache.clear()
    recorder = WriteRecorder()
    errors = []

    def note_error(sender, request=None, **kwargs):
        errors.append(repr(sys.exc_info()[1])[:200])

    got_request_exception.connect(note_error)
    try:
        with transaction.atomic():
            with connection.execute_wrapper(recorder):
                # What a request defers to its commit (mail, tasks, receivers)
                # runs too, and is recorded with the rest; not for a POST
                # that may act, whose deferred work (a deleted image's file)
                # would outlive the rollback.
                with TestCase.captureOnCommitCallbacks(execute=run_deferred):
                    if method == "GET":
                        response = client.get(url)
                    else:
                        response = client.post(url, data or {})
            transaction.set_rollback(True)
    finally:
        got_request_exception.disconnect(note_error)
        client.cookies = cookies
    return Result(
        outcome=classify(response),
        status=response.status_code,
        location=response.headers.get("Location", ""),
        writes=recorder.tables,
        error="; ".join(errors),
    )
