"""The benchmark (``make bench``): production's choices where they change speed,
on a PostgreSQL database of the benchmark's own.

Debug off (cached templates, no query log), persistent connections with
health checks, sessions in cached_db; a locmem cache, inline tasks (queued
in memory where the benchmark times assigning and lms_daily) and mail to
memory, so that the figures are the application's work and not Redis's
or an SMTP server's. Not production.py itself: that one insists on secrets,
HTTPS and Redis, none of which the benchmark measures.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, INSTALLED_APPS, TASKS, without_jit

DEBUG = False
SECRET_KEY = "bench-only-secret-key-never-use-in-production"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"

# Its own variable, never DATABASE_URL: the benchmark drops and recreates
# this database, and DATABASE_URL may name one that matters.
BENCH_DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hub_academy_bench"
)
_database = dj_database_url.parse(
    BENCH_DATABASE_URL, conn_max_age=60, conn_health_checks=True
)
if not _database["ENGINE"].endswith(".postgresql"):
    raise ImproperlyConfigured("The benchmark runs on PostgreSQL only.")
if "bench" not in _database["NAME"]:
    raise ImproperlyConfigured(
        "The benchmark drops its database: its name must contain 'bench'."
    )
DATABASES = {"default": without_jit(_database)}
if "django.contrib.postgres" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.postgres"]

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Every queue the site uses, run inline.
TASKS = {
    alias: {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": config.get("QUEUES", ["default"]),
    }
    for alias, config in TASKS.items()
}
# The exports are timed writing their file inside the request. Above this
# limit (50,000 rows by default, so at the design size) the site writes the
# same file with the same code in a background task instead.
LMS_EXPORT_INLINE_MAX_ROWS = None
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Logging in is no scenario; a fast hasher keeps setting up the load
# generator's sessions from taking a minute of CPU.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_RATE_LIMITS = False
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
CERTIFICATION_KEYS_DIR = BASE_DIR / "var" / "bench-keys"
MEDIA_ROOT = BASE_DIR / "var" / "bench-media"
