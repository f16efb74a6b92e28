"""System checks for the certification settings."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def old_client_address_setting_check(app_configs, **kwargs):
    """CERTIFICATION_CLIENT_ADDRESS_HEADER is no longer read: say what replaced it."""
    if not hasattr(settings, "CERTIFICATION_CLIENT_ADDRESS_HEADER"):
        return []
    return [
        Warning(
            "CERTIFICATION_CLIENT_ADDRESS_HEADER is no longer read: the "
            "verification limit counts the address that every rate limit uses.",
            hint="Remove it. Behind a proxy set LMS_TRUSTED_PROXY_COUNT (how "
            "many proxies append to X-Forwarded-For) or LMS_CLIENT_IP_HEADER "
            "(a header the proxy sets, such as X-Real-IP).",
            id="certification.W001",
        )
    ]
