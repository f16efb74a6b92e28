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


app_settings = AppSettings()


def __getattr__(name):
    return getattr(app_settings, name)
