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


app_settings = AppSettings()


def __getattr__(name):
    return getattr(app_settings, name)
