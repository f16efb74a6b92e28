"""Every URL the site serves has an expected outcome, and every entry a URL."""

import pytest
from django.urls import resolve

from tests.security.expectations import EXPECTATIONS
from tests.security.samples import samples
from tests.security.urlconf import url_patterns

HOW_TO_ADD = (
    "add it to EXPECTATIONS in tests/security/expectations.py with the policy "
    "it obeys and real ids from tests/security/world.py, e.g. "
    '{key!r}: E(HUB_VIEW_OWN, kwargs={{"pk": "@learner"}}, **GET_ONLY)'
)


def test_every_url_has_an_entry():
    missing = [pattern for pattern in url_patterns() if pattern.key not in EXPECTATIONS]
    assert not missing, "URL patterns without an expected outcome:\n" + "\n".join(
        f"  {pattern.key!r} (route {pattern.route!r}): "
        + HOW_TO_ADD.format(key=pattern.key)
        for pattern in missing
    )


def test_every_entry_names_a_url():
    keys = {pattern.key for pattern in url_patterns()}
    stale = sorted(key for key in EXPECTATIONS if key not in keys)
    assert not stale, (
        "Entries in tests/security/expectations.py for URL patterns that no "
        f"longer exist (remove or rename them): {stale}"
    )


@pytest.mark.django_db
def test_every_sample_reaches_its_pattern(world):
    """A sample URL is served by its own pattern, or by the one said to
    shadow it."""
    routes = {pattern.key: pattern.route for pattern in url_patterns()}
    wrong = []
    for sample in samples(world.ids):
        expected = routes[sample.entry.shadowed_by or sample.pattern.key]
        path = sample.url.split("?")[0]
        reached = resolve(path).route
        if reached != expected:
            wrong.append(
                f"  {sample.name}: {path} reaches {reached!r}, not {expected!r}"
            )
    assert not wrong, "Sample URLs served by another pattern:\n" + "\n".join(wrong)
