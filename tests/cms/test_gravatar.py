"""No avatars from Gravatar: an admin page would send a hash of each shown
person's email address to a third party (AVG)."""

import importlib

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.production_settings import run_production

pytestmark = pytest.mark.django_db

PAGES = ["wagtailadmin_home", "wagtailusers_users:index", "wagtailadmin_account"]


def test_gravatar_is_off_in_development_and_production(monkeypatch):
    for name in ("base", "dev"):
        module = importlib.import_module(f"cms.settings.{name}")
        assert module.WAGTAIL_GRAVATAR_PROVIDER_URL is None, name
    assert run_production(monkeypatch)["WAGTAIL_GRAVATAR_PROVIDER_URL"] is None


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("provider", [None, "//www.gravatar.com/avatar"])
def test_an_admin_page_loads_no_gravatar_for_people_without_an_avatar(
    client, settings, page, provider
):
    """The page shows Wagtail's default avatar instead; with a provider set
    (as Wagtail's default is), the same page would load Gravatar's."""
    if provider:
        settings.WAGTAIL_GRAVATAR_PROVIDER_URL = provider
    admin = UserFactory(is_superuser=True, email="admin@example.org")
    UserFactory(email="colleague@example.org")
    client.force_login(admin)
    html = client.get(reverse(page)).content.decode().lower()
    assert "default-user-avatar" in html or provider
    assert ("gravatar" in html) is bool(provider)
