import shutil

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import translation
from wagtail.models import Locale, Page, Site

from cms.models import HomePage
from tests.factories import UserFactory, make_catalogue, make_course

# A Redis database of its own for each test that needs one (redis_url); the
# loopback webhook receiver (start_receiver).
pytest_plugins = ["tests.redis_db", "tests.webhook_peer"]


@pytest.fixture(autouse=True)
def _media_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Background exports' files (lms.reports.export_jobs), private to each
    # test.
    exports = {
        **settings.STORAGES["exports"],
        "OPTIONS": {"location": tmp_path / "exports"},
    }
    settings.STORAGES = {**settings.STORAGES, "exports": exports}
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)
    shutil.rmtree(tmp_path / "exports", ignore_errors=True)


@pytest.fixture(autouse=True)
def _english_outside_requests(monkeypatch):
    """Messages raised outside a request read in English; requests pick their own.

    A request leaves its language active in its thread (cms.middleware), and
    with the test client that thread is the test's own: English is set back
    when each request returns.
    """
    send = Client.request

    def request(self, **request):
        try:
            return send(self, **request)
        finally:
            translation.activate("en")

    monkeypatch.setattr(Client, "request", request)
    with translation.override("en"):
        yield


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def home_page(locales):
    root = Page.get_first_root_node()
    Page.objects.child_of(root).delete()
    home = root.add_child(
        instance=HomePage(title="Home", slug="home", locale=locales["nl"])
    )
    Site.objects.all().delete()
    Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True
    )
    return home


@pytest.fixture
def catalogue(home_page):
    return make_catalogue(home_page)


@pytest.fixture
def course(catalogue):
    """A course of three modules: reading, a quiz, a scenario."""
    return make_course(catalogue, slug="webcare")


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def auth_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def hub(db):
    """A hub with two spokes, a manager for each, HR, a training coordinator
    (roles and certifications), an editor and members."""
    from datetime import timedelta

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from lms.models import Role
    from lms.organisation import services as organisation
    from tests.factories import UserFactory

    class Hub:
        pass

    hub = Hub()
    hub.root = organisation.create_unit(name="Hub")
    hub.spoke = organisation.create_unit(name="Webcare", parent=hub.root)
    hub.other_spoke = organisation.create_unit(name="Marketing", parent=hub.root)
    hub.team = organisation.create_unit(name="Night shift", parent=hub.spoke)
    hub.manager = UserFactory(name="Manager Webcare")
    hub.other_manager = UserFactory(name="Manager Marketing")
    managers = Group.objects.get(name="Hub managers")
    for manager, unit in (
        (hub.manager, hub.spoke),
        (hub.other_manager, hub.other_spoke),
    ):
        manager.groups.add(managers)
        unit.managers.add(manager)
    hub.hr = UserFactory(name="HR Person")
    hub.hr.groups.add(Group.objects.get(name="HR"))
    hub.coordinator = UserFactory(name="Training Coordinator")
    hub.coordinator.groups.add(Group.objects.get(name="Training coordinators"))
    hub.editor = UserFactory(name="Editor")
    hub.editor.groups.add(Group.objects.get(name="Editors"))
    hub.role = Role.objects.create(name="Webcare agent")
    hub.learner = UserFactory(name="Learner Webcare")
    hub.outsider = UserFactory(name="Learner Marketing")
    started = timezone.localdate() - timedelta(days=1)
    hub.membership = organisation.join_role(
        user=hub.learner, unit=hub.team, role=hub.role, started_on=started
    )
    organisation.join_role(
        user=hub.outsider, unit=hub.other_spoke, role=hub.role, started_on=started
    )
    return hub
