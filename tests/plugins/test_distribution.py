"""The distribution: the three plugins with everything they need at run time,
and not the demo site (issue 12, item 1)."""

import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PLUGINS = ("courses", "lms", "certification")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """An sdist and the wheel built from it, as `python -m build` makes them."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return wheel, sdist


def _tracked(app):
    """The files of an app that git knows, minus Python caches."""
    listed = subprocess.run(
        ["git", "ls-files", app], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    return {name for name in listed if "__pycache__" not in name}


def test_the_wheel_holds_the_plugins_and_not_the_demo_site(built):
    wheel, _sdist = built
    names = set(zipfile.ZipFile(wheel).namelist())
    tops = {name.split("/")[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == set(PLUGINS)
    for app in PLUGINS:
        # Every file of the app: code, migrations, templates, static files
        # and the Dutch catalogue, compiled and not.
        missing = _tracked(app) - names
        assert not missing, sorted(missing)[:10]
        assert f"{app}/locale/nl/LC_MESSAGES/django.mo" in names
        assert f"{app}/migrations/0001_initial.py" in names


def test_the_wheel_requires_only_what_the_plugins_use(built):
    wheel, _sdist = built
    archive = zipfile.ZipFile(wheel)
    (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    fields = Parser().parsestr(archive.read(metadata).decode())
    required = {
        line.split(";")[0].split("[")[0].split(">")[0].split("<")[0].strip().lower()
        for line in fields.get_all("Requires-Dist")
        if "extra ==" not in line
    }
    assert required == {
        "django",
        "wagtail",
        "bleach",
        "reportlab",
        "segno",
        "cryptography",
        "django-filter",
        "django-ninja",
        "icalendar",
    }
    assert fields["Requires-Python"] == ">=3.12"


def test_the_sdist_holds_what_a_release_needs(built):
    _wheel, sdist = built
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE"} <= names
    assert "lms/templates/lms/my_learning.html" in names
    assert not any(name.startswith(("cms/", "tests/", "bench/")) for name in names)
