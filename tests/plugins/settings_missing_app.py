"""The demo's test settings without an app the plugins need (for the check)."""

import os

from cms.settings.test import *  # noqa: F403

INSTALLED_APPS = [
    app
    for app in INSTALLED_APPS  # noqa: F405
    if app != os.environ.get("HUB_TEST_LEAVE_OUT", "wagtail.contrib.routable_page")
]

# `check` reads no data: a database of its own, which a fresh clone has too.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
