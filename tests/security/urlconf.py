"""Every URL pattern the site serves, from the URL configuration itself.

A pattern's key is its full name ("namespace:name"), or its full route when
it has no name. A name given to several patterns (Wagtail reuses some for a
route with and without an optional id) is followed by the route, so every
key is one pattern.
"""

from collections import Counter
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Pattern:
    key: str
    name: str | None
    route: str

    def __str__(self):
        return f"{self.key} ({self.route})"


def _join(route1: str, route2: str) -> str:
    # How Django joins routes in ResolverMatch.route, so that a key's route
    # is what resolve() reports for its URLs.
    return URLResolver._join_route(route1, route2)


def _walk(resolver: URLResolver, namespaces: tuple[str, ...]):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            for name, route in _walk(pattern, inner):
                yield name, _join(str(pattern.pattern), route)
        elif isinstance(pattern, URLPattern):
            name = ":".join((*namespaces, pattern.name)) if pattern.name else None
            yield name, str(pattern.pattern)


def url_patterns() -> list[Pattern]:
    """Every pattern of the root URL configuration, in resolving order."""
    found = list(_walk(get_resolver(), ()))
    counts = Counter(name for name, _route in found if name)
    patterns, seen = [], set()
    for name, route in found:
        if name is None:
            key = route
        elif counts[name] > 1:
            key = f"{name} {route}"
        else:
            key = name
        if key in seen:
            # The same route twice without a name: only the first is reached.
            continue
        seen.add(key)
        patterns.append(Pattern(key=key, name=name, route=route))
    return patterns
