"""Django's deployment checks pass with the production settings as a real
environment configures them, and allauth's rate limits are on there."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from tests.production_settings import run_production

CLEAN = "System check identified no issues (1 silenced)."


def check_deploy(**environ: str) -> subprocess.CompletedProcess:
    """`manage.py check --deploy` in a process of its own, in an environment
    holding only what a production host sets."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": "postgres://academy:secret@db.internal:5432/academy",
        "ALLOWED_HOSTS": "academy.example.org",
        **environ,
    }
    return subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_finds_nothing():
    result = check_deploy()
    assert result.returncode == 0, result.stderr
    # Only W021, HSTS preloading, is silenced (see production.py).
    assert result.stdout.strip() == CLEAN, result.stdout + result.stderr
    assert not result.stderr


def test_preloading_hsts_needs_nothing_silenced():
    result = check_deploy(SECURE_HSTS_PRELOAD="true")
    assert result.stdout.strip() == (
        "System check identified no issues (0 silenced)."
    ), result.stdout + result.stderr


def test_check_deploy_warns_of_cookies_sent_over_http():
    """The check above would see a weaker setting."""
    result = check_deploy(SECURE_COOKIES="false")
    assert "security.W012" in result.stderr + result.stdout
    assert "security.W016" in result.stderr + result.stdout


@pytest.mark.parametrize(
    "action",
    [
        "login",
        "login_failed",
        "reset_password",
        "reset_password_from_key",
        "change_password",
        "manage_email",
        "reauthenticate",
    ],
)
def test_allauth_rate_limits_are_on_in_production(monkeypatch, action):
    limits = run_production(monkeypatch)["ACCOUNT_RATE_LIMITS"]
    assert limits[action]
    # Log-in is limited per client address only: a limit per email address
    # would let a stranger lock a person out.
    if action.startswith("login"):
        assert limits[action].endswith("/ip")
