"""System checks for the lms settings."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from lms import app_settings


@register()
def client_address_settings_check(app_configs, **kwargs):
    """LMS_TRUSTED_PROXY_COUNT must be a whole number, 0 or more."""
    value = getattr(settings, "LMS_TRUSTED_PROXY_COUNT", 0)
    try:
        valid = int(value) >= 0 and not isinstance(value, float)
    except (TypeError, ValueError):
        valid = False
    if valid:
        return []
    return [
        Error(
            f"LMS_TRUSTED_PROXY_COUNT must be a whole number, 0 or more, "
            f"not {value!r}.",
            hint="Set it to how many proxies in front of the site append to "
            "X-Forwarded-For; 0 when there is none.",
            id="lms.E001",
        )
    ]


@register(Tags.security, deploy=True)
def proxy_settings_agree_check(app_configs, **kwargs):
    """Behind a proxy that says the scheme, rate limits must know it too."""
    behind_proxy = app_settings.TRUSTED_PROXY_COUNT or app_settings.CLIENT_IP_HEADER
    if not getattr(settings, "SECURE_PROXY_SSL_HEADER", None) or behind_proxy:
        return []
    return [
        Warning(
            "SECURE_PROXY_SSL_HEADER trusts a proxy, but rate limits count the "
            "address the request comes from: every client would share the "
            "proxy's limits.",
            hint="Set LMS_TRUSTED_PROXY_COUNT (TRUSTED_PROXY_COUNT in the "
            "environment) to the number of proxies that append to "
            "X-Forwarded-For, or LMS_CLIENT_IP_HEADER (CLIENT_IP_HEADER) to "
            "the header one of them sets.",
            id="lms.W001",
        )
    ]
