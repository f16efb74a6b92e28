"""Counting queries, timing, and rounds in rotated order."""

import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.test import TestCase


class QueryCounter:
    """Counts the statements sent on the default connection (execute and
    executemany alike), without keeping them as the debug cursor would."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def counting_queries():
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        yield counter


def timed(action: Callable[[], object]) -> float:
    """Milliseconds that one call of action takes."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def queries_of(action: Callable[[], object]) -> int:
    with counting_queries() as counter:
        action()
    return counter.count


@contextmanager
def rolled_back():
    """Run a block in a transaction that is rolled back at the end; the
    on-commit callbacks run when the block's work is done, as they would
    after its commit (the immediate task backend sends mail from there)."""
    with transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            yield
        transaction.set_rollback(True)


@dataclass
class Scenario:
    """Something measured, and the floor its ratio is taken against."""

    name: str
    run: Callable[[], object]
    floor: str | None = None
    warmups: int = 2


@dataclass
class Timings:
    samples: dict[str, list[float]] = field(default_factory=dict)
    ratios: dict[str, list[float]] = field(default_factory=dict)
    queries: dict[str, int] = field(default_factory=dict)

    def median(self, name: str) -> float | None:
        values = self.samples.get(name)
        return statistics.median(values) if values else None

    def ratio(self, name: str) -> float | None:
        values = self.ratios.get(name)
        return statistics.median(values) if values else None


def run_rounds(
    scenarios: list[Scenario],
    floors: dict[str, Callable[[], object]],
    *,
    rounds: int,
    timings: Timings,
    progress=lambda message: None,
) -> Timings:
    """Warm up, count each one's queries once, then time every scenario and
    floor once per round, the order rotated by one each round; each
    scenario's ratio is taken against its floor of the same round."""
    everything = list(floors.items()) + [
        (scenario.name, scenario.run) for scenario in scenarios
    ]
    for name, run in everything:
        for _ in range(2):
            run()
        timings.queries[name] = queries_of(run)
    for number in range(rounds):
        shift = number % len(everything)
        this_round = {}
        for name, run in everything[shift:] + everything[:shift]:
            this_round[name] = timed(run)
            timings.samples.setdefault(name, []).append(this_round[name])
        for scenario in scenarios:
            if scenario.floor:
                timings.ratios.setdefault(scenario.name, []).append(
                    this_round[scenario.name] / this_round[scenario.floor]
                )
        progress(f"round {number + 1}/{rounds}")
    return timings
