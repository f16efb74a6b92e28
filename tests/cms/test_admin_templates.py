"""Wagtail's admin templates the site overrides, and the Dutch they speak.

Wagtail 8.0.1 hard-codes "Actions" (the header's buttons) and "Search" (the
dashboard's and the page chooser's search buttons) in English, and its Dutch
catalogue leaves "Editor Guide" in English.
"""

from pathlib import Path

import pytest
import wagtail.admin
from django.conf import settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WAGTAIL = Path(wagtail.admin.__file__).parent / "templates"
SITE = Path(settings.BASE_DIR) / "cms" / "templates"
SEARCH = ('value="Search"', "value=\"{% translate 'Search' %}\"")

# Each override and the edits it makes to Wagtail's template of that name.
OVERRIDES = {
    "wagtailadmin/shared/headers/_actions.html": [
        ("{# Actions divider #}", "{% load i18n %}{# Actions divider #}"),
        ('aria-label="Actions"', "aria-label=\"{% translate 'Actions' %}\""),
    ],
    "wagtailadmin/shared/header.html": [SEARCH],
    "wagtailadmin/home.html": [SEARCH],
}


@pytest.mark.parametrize("name", OVERRIDES)
def test_an_override_is_wagtails_template_with_only_its_english_translated(name):
    """After a Wagtail upgrade, an override that no longer matches (or is no
    longer needed) fails here instead of hiding Wagtail's changes."""
    upstream = (WAGTAIL / name).read_text()
    for english, translated in OVERRIDES[name]:
        assert upstream.count(english) == 1, f"Wagtail's {name} changed"
        upstream = upstream.replace(english, translated)
    note, override = (SITE / name).read_text().split("\n", 1)
    assert note.startswith("{# Wagtail 8.0.1's template")
    assert override == upstream


@pytest.fixture
def dutch_admin(client, home_page):
    person = UserFactory(is_superuser=True, language="nl")
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "nl"
    profile.save()
    client.force_login(person)
    return client


def test_the_dashboard_speaks_dutch(dutch_admin):
    html = dutch_admin.get(reverse("wagtailadmin_home")).content.decode()
    assert 'type="submit" value="Zoeken"' in html
    assert '"label": "Handleiding voor redacteuren"' in html
    assert 'value="Search"' not in html and "Editor Guide" not in html


def test_the_header_buttons_are_named_in_dutch(dutch_admin, home_page):
    url = reverse("wagtailadmin_pages:edit", args=[home_page.pk])
    html = dutch_admin.get(url).content.decode()
    assert '<nav aria-label="Acties" id="w-slim-header-buttons"' in html
    assert 'aria-label="Actions"' not in html


def test_the_page_chooser_searches_in_dutch(dutch_admin):
    response = dutch_admin.get(reverse("wagtailadmin_choose_page"))
    html = response.json()["html"]
    assert 'type="submit" value="Zoeken"' in html
    assert 'value="Search"' not in html
