"""What cms.settings.production decides from the environment."""

import runpy
import secrets

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings import base
from tests.cms.processes import environment, manage
from tests.production_settings import run_production

REDIS_URL = "redis://redis.example.org:6379/2"


@pytest.mark.parametrize(
    ("count", "header", "expected"),
    [
        (0, "", None),
        (1, "", ("HTTP_X_FORWARDED_PROTO", "https")),
        (0, "X-Real-IP", ("HTTP_X_FORWARDED_PROTO", "https")),
    ],
)
def test_the_scheme_a_proxy_reports_is_trusted_only_behind_a_proxy(
    monkeypatch, count, header, expected
):
    monkeypatch.delenv("SECURE_PROXY_SSL_HEADER", raising=False)
    monkeypatch.setattr(base, "LMS_TRUSTED_PROXY_COUNT", count)
    monkeypatch.setattr(base, "LMS_CLIENT_IP_HEADER", header)

    production = run_production(monkeypatch)

    assert production["SECURE_PROXY_SSL_HEADER"] == expected


@pytest.mark.parametrize(
    ("url", "said"),
    [(None, "DATABASE_URL is not set"), ("sqlite:///x.sqlite3", "a sqlite3")],
)
def test_production_refuses_to_start_on_sqlite(monkeypatch, url, said):
    if url is None:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    else:
        monkeypatch.setenv("DATABASE_URL", url)
    # What base makes of that environment: SQLite, its default or the URL's.
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "x.sqlite3"}
    monkeypatch.setattr(base, "DATABASES", {"default": sqlite})
    monkeypatch.setattr(base, "SECRET_KEY", "production-settings-under-test")

    with pytest.raises(ImproperlyConfigured, match="PostgreSQL only") as refused:
        runpy.run_module("cms.settings.production")

    assert said in str(refused.value)
    assert "postgres://" in str(refused.value)


def test_a_production_process_on_sqlite_stops_with_the_reason(tmp_path):
    env = environment(
        "cms.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SECRET_KEY=secrets.token_urlsafe(50),
    )

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "Production runs on PostgreSQL only" in result.stderr


def test_a_production_process_takes_its_services_from_the_environment(tmp_path):
    env = environment(
        "cms.settings.production",
        # Settings only: nothing connects to either.
        DATABASE_URL="postgres://academy@127.0.0.1:1/academy",
        REDIS_URL=REDIS_URL,
        SECRET_KEY=secrets.token_urlsafe(50),
    )

    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'],"
        " s.CACHES['default']['LOCATION'], s.TASKS['default']['BACKEND'])",
        env=env,
    )

    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "django.core.cache.backends.redis.RedisCache",
        REDIS_URL,
        "django_tasks_rq.RQBackend",
    ], result.stderr


def test_with_redis_the_cache_sessions_and_tasks_use_it(monkeypatch):
    production = run_production(monkeypatch, REDIS_URL=REDIS_URL)

    assert production["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }
    assert production["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert production["TASKS"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert production["TASKS"]["default"]["QUEUES"] == ["default", "exports"]
    assert {name: queue["URL"] for name, queue in production["RQ_QUEUES"].items()} == {
        "default": REDIS_URL,
        "exports": REDIS_URL,
    }
    assert production["RQ"]["JOB_CLASS"] == "django_tasks_rq.Job"


def test_without_redis_the_database_is_cache_and_queue(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)

    production = run_production(monkeypatch)

    # Shared by every web process, unlike memory: rate limits hold.
    assert (
        production["CACHES"]["default"]["BACKEND"]
        == "django.core.cache.backends.db.DatabaseCache"
    )
    assert production["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert production["TASKS"]["default"] == {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "exports"],
    }
    assert "RQ_QUEUES" not in production


def test_static_files_are_served_compressed_with_hashed_names(monkeypatch):
    production = run_production(monkeypatch)

    middleware = production["MIDDLEWARE"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert production["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    # Base's own list, which the test settings share, is left as it was.
    assert "whitenoise.middleware.WhiteNoiseMiddleware" not in base.MIDDLEWARE


def test_connections_persist_with_health_checks(monkeypatch):
    monkeypatch.delenv("DB_CONN_MAX_AGE", raising=False)

    production = run_production(monkeypatch)

    assert production["DATABASES"]["default"]["ENGINE"].endswith(".postgresql")
    assert production["DATABASES"]["default"]["CONN_MAX_AGE"] == 60
    assert production["DATABASES"]["default"]["CONN_HEALTH_CHECKS"] is True


def test_postgresql_connections_run_without_jit(monkeypatch):
    production = run_production(monkeypatch)

    assert "-c jit=off" in production["DATABASES"]["default"]["OPTIONS"]["options"]
    # Options given in the URL are kept beside it.
    kept = base.without_jit(
        {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"options": "-c x=1"}}
    )
    assert kept["OPTIONS"]["options"] == "-c x=1 -c jit=off"
    assert base.without_jit({"ENGINE": "django.db.backends.sqlite3"}) == {
        "ENGINE": "django.db.backends.sqlite3"
    }


@pytest.mark.django_db
def test_the_connection_of_a_postgresql_run_has_jit_off(postgres_only):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
