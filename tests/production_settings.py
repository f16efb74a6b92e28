"""Apply what cms.settings.production decides, for tests of its defaults."""

import runpy

from cms.settings import base

CLIENT_ADDRESS_SETTINGS = (
    "LMS_TRUSTED_PROXY_COUNT",
    "LMS_CLIENT_IP_HEADER",
    "CERTIFICATION_CLIENT_ADDRESS_HEADER",  # read before issue 9
)


# What production.py insists on, whatever database the suite runs on.
POSTGRESQL = {"ENGINE": "django.db.backends.postgresql", "NAME": "academy"}


def run_production(monkeypatch, **environ: str) -> dict:
    """The settings cms.settings.production makes of an environment.

    production.py reads base's values, imported once for the suite: the key
    and the database are set there, as the environment would have set them.
    """
    monkeypatch.setattr(base, "SECRET_KEY", "production-settings-under-test")
    monkeypatch.setattr(base, "DATABASES", {"default": dict(POSTGRESQL)})
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_module("cms.settings.production")


def use_production_client_address(settings, monkeypatch) -> None:
    """Set the client-address settings as production has them when the
    environment names no proxy."""
    for name in ("TRUSTED_PROXY_COUNT", "CLIENT_IP_HEADER", "CLIENT_ADDRESS_HEADER"):
        monkeypatch.delenv(name, raising=False)
    production = run_production(monkeypatch)
    for name in CLIENT_ADDRESS_SETTINGS:
        if name in production:
            setattr(settings, name, production[name])
        elif hasattr(settings, name):
            delattr(settings, name)
