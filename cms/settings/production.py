"""Production: everything secret or host-specific must come from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    LMS_CLIENT_IP_HEADER,
    LMS_TRUSTED_PROXY_COUNT,
    SECRET_KEY,
    env_bool,
    env_int,
)

if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")

# New dicts, not base's changed in place: tests run this module next to
# the test settings, which share base's.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    },
}

# Persistent connections: Django keeps one per thread, so a web process holds
# at most one per worker thread (gunicorn: workers x threads in all), reused
# for DB_CONN_MAX_AGE seconds. Only for a server with a fixed pool of threads;
# set 0 under one that starts a thread per request, such as runserver.
DATABASES = {
    "default": {
        **DATABASES["default"],
        "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
    }
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
# HSTS: browsers refuse plain HTTP to this host for a year once they have
# seen it, and to its subdomains unless SECURE_HSTS_INCLUDE_SUBDOMAINS is
# false. Preloading is a decision for whoever owns the whole domain (the
# browsers' list is hard to leave), so it is off and its warning (W021)
# silenced; set SECURE_HSTS_PRELOAD to opt in.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
