"""What cms.settings.production decides from the environment."""

import runpy

import pytest

from cms.settings import base


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
    monkeypatch.setattr(base, "SECRET_KEY", "production-settings-under-test")
    monkeypatch.setattr(base, "LMS_TRUSTED_PROXY_COUNT", count)
    monkeypatch.setattr(base, "LMS_CLIENT_IP_HEADER", header)

    production = runpy.run_module("cms.settings.production")

    assert production["SECURE_PROXY_SSL_HEADER"] == expected
