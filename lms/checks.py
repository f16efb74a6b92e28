"""System checks for the lms settings."""

from django.conf import settings
from django.core.checks import Error, register


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
