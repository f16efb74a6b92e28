"""LMS settings, read lazily so that tests can override them."""

from django.conf import settings


class AppSettings:
    @property
    def SCENARIO_MAX_LENGTH(self) -> int:
        """The longest scenario answer accepted, in characters."""
        return getattr(settings, "LMS_SCENARIO_MAX_LENGTH", 5000)

    @property
    def SCENARIO_MIN_LENGTH(self) -> int:
        """The shortest scenario answer accepted, in characters."""
        return getattr(settings, "LMS_SCENARIO_MIN_LENGTH", 20)

    @property
    def REMINDER_DAYS_BEFORE(self) -> int:
        """How many days before the due date the reminder goes out."""
        return max(0, int(getattr(settings, "LMS_REMINDER_DAYS_BEFORE", 7)))

    @property
    def OVERDUE_EVERY_DAYS(self) -> int:
        """How many days apart the overdue notices go out."""
        # At least one day: zero would divide by zero and mail every run.
        return max(1, int(getattr(settings, "LMS_OVERDUE_EVERY_DAYS", 7)))

    @property
    def MAX_DAYS_AHEAD(self) -> int:
        """How many days ahead a due date or a membership's start may lie."""
        return max(1, int(getattr(settings, "LMS_MAX_DAYS_AHEAD", 1096)))

    @property
    def TRUSTED_PROXY_COUNT(self) -> int:
        """How many proxies in front of the site append to X-Forwarded-For.

        0 ignores the header, as any client can write it.
        """
        return max(0, int(getattr(settings, "LMS_TRUSTED_PROXY_COUNT", 0) or 0))

    @property
    def CLIENT_IP_HEADER(self) -> str:
        """The header a trusted proxy sets to the client's address, such as
        ``X-Real-IP``; empty to use X-Forwarded-For or the connection."""
        return getattr(settings, "LMS_CLIENT_IP_HEADER", "") or ""


app_settings = AppSettings()


def __getattr__(name):
    return getattr(app_settings, name)
