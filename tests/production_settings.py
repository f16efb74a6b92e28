"""Apply what cms.settings.production decides, for tests of its defaults."""

import runpy

from cms.settings import base

CLIENT_ADDRESS_SETTINGS = (
    "LMS_TRUSTED_PROXY_COUNT",
    "LMS_CLIENT_IP_HEADER",
    "CERTIFICATION_CLIENT_ADDRESS_HEADER",  # read before issue 9
)


def use_production_client_address(settings, monkeypatch) -> None:
    """Set the client-address settings as production has them when the
    environment names no proxy."""
    for name in ("TRUSTED_PROXY_COUNT", "CLIENT_IP_HEADER", "CLIENT_ADDRESS_HEADER"):
        monkeypatch.delenv(name, raising=False)
    # production.py reads the key from base, imported once for the suite.
    monkeypatch.setattr(base, "SECRET_KEY", "production-settings-under-test")
    production = runpy.run_module("cms.settings.production")
    for name in CLIENT_ADDRESS_SETTINGS:
        if name in production:
            setattr(settings, name, production[name])
        elif hasattr(settings, name):
            delattr(settings, name)
