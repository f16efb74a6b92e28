"""Django's system checks, run as `manage.py check` would be on a real site.

pytest runs no system checks, so a setting that stops the site from starting
on one database would go unnoticed; these run them on the suite's database.
"""

import secrets

import pytest
from django.db import connection

from tests.cms.processes import database_url, environment, manage

pytestmark = pytest.mark.django_db


def test_development_settings_pass_the_checks(tmp_path):
    env = environment(
        "cms.settings.dev", DATABASE_URL=database_url(tmp_path / "db.sqlite3")
    )
    result = manage(
        "check", "--database", "default", "--fail-level", "WARNING", env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr


def deployment_check(tmp_path, **variables):
    if connection.vendor != "postgresql":
        pytest.skip("production runs on PostgreSQL only")
    env = environment(
        "cms.settings.production",
        DATABASE_URL=database_url(tmp_path / "db.sqlite3"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="academy.example.org",
        **variables,
    )
    return manage(
        "check",
        "--deploy",
        "--database",
        "default",
        "--fail-level",
        "WARNING",
        env=env,
    )


@pytest.mark.parametrize(
    "variables",
    [{}, {"TRUSTED_PROXY_COUNT": "1"}, {"CLIENT_IP_HEADER": "X-Real-IP"}],
    ids=["direct", "behind-a-balancer", "behind-nginx"],
)
def test_production_settings_pass_the_deployment_checks(tmp_path, variables):
    result = deployment_check(tmp_path, **variables)

    assert result.returncode == 0, result.stdout + result.stderr


def test_a_proxy_trusted_for_the_scheme_only_is_named(tmp_path):
    result = deployment_check(
        tmp_path, SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO"
    )

    assert result.returncode != 0
    assert "lms.W001" in result.stdout + result.stderr
