"""What a host site must add for the plugins, said by `manage.py check`
(issue 12, item 2)."""

import os
import subprocess
import sys

from django.conf import settings
from django.test import override_settings

from lms.checks import context_processors_check, plugin_apps_check


def _without(setting, value):
    return [item for item in setting if item != value]


def test_the_demo_site_has_everything_the_plugins_need():
    assert plugin_apps_check(None) == []
    assert context_processors_check(None) == []


def test_a_missing_app_is_named_with_what_to_add():
    # A process of its own: Wagtail's apps cannot be made ready twice.
    done = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.plugins.settings_missing_app",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert (
        "?: (lms.E002) lms needs 'wagtail.contrib.routable_page' in INSTALLED_APPS.\n"
        "\tHINT: Add 'wagtail.contrib.routable_page' to INSTALLED_APPS."
    ) in done.stderr
    assert done.stderr.count("lms.E") == 1, done.stderr


def test_a_missing_context_processor_is_named(settings):
    engine = dict(settings.TEMPLATES[0])
    options = dict(engine["OPTIONS"])
    options["context_processors"] = _without(
        options["context_processors"], "django.template.context_processors.request"
    )
    engine["OPTIONS"] = options
    with override_settings(TEMPLATES=[engine, *settings.TEMPLATES[1:]]):
        errors = context_processors_check(None)
    assert [e.id for e in errors] == ["lms.E004"]
    assert "django.template.context_processors.request" in errors[0].msg


def test_the_checks_are_registered():
    from django.core.checks.registry import registry

    assert {plugin_apps_check, context_processors_check} <= set(registry.get_checks())


def test_a_missing_export_storage_is_named(settings):
    from lms.checks import export_storage_check

    assert export_storage_check(None) == []
    settings.STORAGES = {
        alias: value for alias, value in settings.STORAGES.items() if alias != "exports"
    }
    (error,) = export_storage_check(None)
    assert error.id == "lms.E005"
    assert "lms.private_storage.PrivateFileSystemStorage" in error.hint
