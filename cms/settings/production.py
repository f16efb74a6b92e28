"""Production: everything secret or host-specific must come from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ACCOUNT_RATE_LIMITS,
    DATABASES,
    LMS_CLIENT_IP_HEADER,
    LMS_TRUSTED_PROXY_COUNT,
    MIDDLEWARE,
    SECRET_KEY,
    env_bool,
    env_int,
    without_jit,
)

if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
# Advisory locks (lms_daily, imports), concurrent writers and the task queue
# need PostgreSQL; SQLite is for the demo and the tests.
_engine = DATABASES["default"]["ENGINE"]
if not _engine.endswith((".postgresql", ".postgis")):
    _found = (
        f"names a {_engine.rsplit('.', 1)[-1]} database"
        if os.environ.get("DATABASE_URL")
        else "is not set"
    )
    raise ImproperlyConfigured(
        f"Production runs on PostgreSQL only, and DATABASE_URL {_found}: set "
        "it to postgres://USER:PASSWORD@HOST:5432/NAME (SQLite is for the "
        "demo and the tests)."
    )

# Static files from each web process (whitenoise): compressed, with hashed
# names that browsers may keep for ever. Uploads (MEDIA_ROOT) must be storage
# that every web process shares. New dicts and lists, not base's changed in
# place: tests run this module next to the test settings, which share base's.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")
MIDDLEWARE = [
    *MIDDLEWARE[: _security + 1],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_security + 1 :],
]

# Persistent connections: Django keeps one per thread, so a web process holds
# at most one per worker thread (gunicorn: workers x threads in all), reused
# for DB_CONN_MAX_AGE seconds. Only for a server with a fixed pool of threads;
# set 0 under one that starts a thread per request, such as runserver.
DATABASES = {
    "default": without_jit(
        {
            **DATABASES["default"],
            "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
        }
    )
}

# HTTPS only. Behind a load balancer that terminates TLS, Django learns the
# scheme from the header the balancer sets, which it must overwrite when a
# client sends it. One setting says a proxy is in front (TRUSTED_PROXY_COUNT
# or CLIENT_IP_HEADER, for the client's address): it also trusts the scheme
# the proxy reports, unless SECURE_PROXY_SSL_HEADER says otherwise. Set
# SECURE_SSL_REDIRECT false if the balancer redirects.
_behind_proxy = LMS_TRUSTED_PROXY_COUNT > 0 or bool(LMS_CLIENT_IP_HEADER)
_proxy_ssl_header = os.environ.get(
    "SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO" if _behind_proxy else ""
)
SECURE_PROXY_SSL_HEADER = (_proxy_ssl_header, "https") if _proxy_ssl_header else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
LANGUAGE_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
# No script reads the session or the language cookie (base makes the session
# cookie HttpOnly). The CSRF cookie stays readable: Django's own advice, as a
# script that could read it could read the token in the page as well.
LANGUAGE_COOKIE_HTTPONLY = True
# HSTS: browsers refuse plain HTTP to this host for a year once they have
# seen it, and to its subdomains unless SECURE_HSTS_INCLUDE_SUBDOMAINS is
# false. Preloading is a decision for whoever owns the whole domain (the
# browsers' list is hard to leave), so it is off and its warning (W021)
# silenced; set SECURE_HSTS_PRELOAD to opt in. Sending "preload" is not
# harmless: anyone may submit a domain that sends it to the list, for the
# whole domain and every subdomain, whoever else runs them.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Base sets the rest: Referrer-Policy same-origin, nosniff, X-Frame-Options
# DENY, the Content Security Policy; Django's Cross-Origin-Opener-Policy
# same-origin is kept.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# allauth's rate limits, on whatever else is configured (the test settings
# turn them off): base's log-in limits, per client address only, and the
# rest written out here for a review to read. A reset mail is limited per
# address too, so that nobody can flood one mailbox; that only holds the
# mails back, never the person's log-in. Counted in the shared cache below.
ACCOUNT_RATE_LIMITS = {
    **ACCOUNT_RATE_LIMITS,
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    "signup": "20/m/ip",
    "confirm_email": "1/180s/key",
}

# A load balancer probes /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# The cache holds what every web process must agree on (rate limits, login
# delays, sessions), so it is shared: Redis, or else the database.
# Background work goes to a queue that workers on any machine take from:
# "default" for mail and the like, "exports" for long exports, so that they
# never hold up the mail.
TASK_QUEUES = ["default", "exports"]
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    # RQ's own job time limit (180 s by default) would stop a long export.
    RQ_QUEUES = {
        "default": {"URL": REDIS_URL},
        "exports": {
            "URL": REDIS_URL,
            "DEFAULT_TIMEOUT": env_int("EXPORTS_TIMEOUT", 3600),
        },
    }
    # The job class that runs django.tasks tasks, so that a plain
    # `manage.py rqworker` runs them.
    RQ = {"JOB_CLASS": "django_tasks_rq.Job"}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
else:
    # `manage.py createcachetable` creates the table.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "hub_academy_cache",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": TASK_QUEUES,
        }
    }

# Whoever can reach the admin sets up a second factor before it lets them in
# (cms.mfa); MFA_REQUIRED_FOR_ADMIN=false lifts that, for a site whose
# identity provider asks for one already.
HUB_MFA_REQUIRED_FOR_ADMIN = env_bool("MFA_REQUIRED_FOR_ADMIN", True)
