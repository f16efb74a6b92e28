"""The URLs the matrix requests: one or more samples of every pattern."""

import re
from dataclasses import dataclass

from django.urls import reverse

from tests.security.expectations import EXPECTATIONS
from tests.security.policies import Entry
from tests.security.urlconf import Pattern, url_patterns


@dataclass(frozen=True)
class Sample:
    pattern: Pattern
    entry: Entry
    url: str
    data: dict

    @property
    def name(self) -> str:
        label = f" [{self.entry.label}]" if self.entry.label else ""
        return f"{self.pattern.key}{label}"


def entries_of(key: str) -> list[Entry]:
    value = EXPECTATIONS[key]
    return value if isinstance(value, list) else [value]


def _value(ids: dict, value):
    if isinstance(value, str) and value.startswith("@"):
        return ids[value[1:]]
    return value


def _fill(ids: dict, text: str) -> str:
    return re.sub(r"@(\w+)", lambda match: str(ids[match.group(1)]), text)


def url_of(pattern: Pattern, entry: Entry, ids: dict) -> str:
    """The sample URL of a pattern, with the world's ids in it."""
    if entry.path:
        url = _fill(ids, entry.path)
    elif pattern.name is None:
        # An unnamed pattern cannot be reversed; a plain route is its URL.
        url = f"/{pattern.route}"
    else:
        url = reverse(
            pattern.name,
            args=[_value(ids, value) for value in entry.args],
            kwargs={name: _value(ids, value) for name, value in entry.kwargs.items()},
        )
    if entry.query:
        url = f"{url}?{_fill(ids, entry.query)}"
    return url


def samples(ids: dict) -> list[Sample]:
    """A sample of every pattern that has an entry, in resolving order."""
    return [
        Sample(
            pattern=pattern,
            entry=entry,
            url=url_of(pattern, entry, ids),
            data={
                _fill(ids, name): _fill(ids, str(value))
                for name, value in entry.data.items()
            },
        )
        for pattern in url_patterns()
        if pattern.key in EXPECTATIONS
        for entry in entries_of(pattern.key)
    ]
