"""The demo's mails link to the port its server runs on."""

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.commands import runserver

pytestmark = pytest.mark.django_db


@pytest.fixture
def bound(monkeypatch, settings):
    """runserver up to the moment its socket is bound, then stopped there."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"  # restored after
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)

    def bind_only(addr, port, handler, *, on_bind, **kwargs):
        on_bind(port)

    monkeypatch.setattr(runserver, "run", bind_only)

    def start(*args):
        call_command("runserver", *args, use_reloader=False, skip_checks=True)
        return django_settings.WAGTAILADMIN_BASE_URL

    return start


@pytest.mark.parametrize(
    ("addrport", "base_url"),
    [
        ("127.0.0.1:8123", "http://127.0.0.1:8123"),
        ("0.0.0.0:8124", "http://localhost:8124"),
        ("8125", "http://127.0.0.1:8125"),
        ("[::1]:8126", "http://[::1]:8126"),
    ],
)
def test_the_base_url_is_where_the_demo_runs(bound, addrport, base_url):
    assert bound(addrport) == base_url


def test_a_base_url_from_the_environment_wins(bound, monkeypatch):
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://academy.example.org")
    assert bound("127.0.0.1:8127") == "http://127.0.0.1:8000"
