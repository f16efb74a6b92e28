"""HR makes, sees and revokes API tokens in the admin."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lms.api import tokens
from lms.models import ApiToken

pytestmark = pytest.mark.django_db

INDEX = "/admin/hub/api-tokens/"
NEW = "/admin/hub/api-tokens/new/"


@pytest.fixture
def hr_client(client, hub):
    client.force_login(hub.hr)
    client.cookies["django_language"] = "en"
    return client


def form(**fields):
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    return {
        "name": "AFAS sync",
        "owner": "",
        "access": "write",
        "expires_on": expires,
        "rate_per_minute": "120",
        **fields,
    }


def test_hr_makes_a_token_that_is_shown_once(hr_client, hub):
    response = hr_client.post(NEW, form(owner=hub.hr.pk))
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    token = ApiToken.objects.get()
    raw = response.context["raw"]
    assert raw in response.content.decode()
    assert tokens.find_token(raw) == token
    assert (token.name, token.user, token.access, token.rate_per_minute) == (
        "AFAS sync",
        hub.hr,
        "write",
        120,
    )
    assert timezone.localtime(
        token.expires_at
    ).date() == timezone.localdate() + timedelta(days=31)
    index = hr_client.get(INDEX).content.decode()
    assert "AFAS sync" in index and raw not in index and f"hub_{token.prefix}_" in index


def test_hr_makes_tokens_only_for_themselves(hr_client, hub):
    response = hr_client.post(NEW, form(owner=hub.manager.pk))
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_an_administrator_makes_a_managers_token(client, hub):
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    response = client.post(NEW, form(owner=hub.manager.pk, access="read"))
    assert response.status_code == 200
    assert ApiToken.objects.get().user == hub.manager


@pytest.mark.parametrize(
    "fields",
    [
        {"name": ""},
        {"expires_on": "2020-01-01"},
        {"expires_on": "not a date"},
        {"expires_on": (timezone.localdate() + timedelta(days=2000)).isoformat()},
        {"rate_per_minute": "0"},
        {"access": "admin"},
    ],
)
def test_a_bad_form_makes_nothing(hr_client, hub, fields):
    response = hr_client.post(NEW, form(owner=hub.hr.pk, **fields))
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_hr_revokes_a_token(hr_client, hub):
    token, raw = tokens.make_token(name="Old", user=hub.hr, access="read")
    response = hr_client.post(f"{INDEX}{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == hub.hr
    assert tokens.find_token(raw) is None
    assert "Revoked on" in hr_client.get(INDEX).content.decode()


@pytest.mark.parametrize("kind", ["manager", "learner", "editor", "coordinator"])
def test_others_may_not(client, hub, kind):
    token, _raw = tokens.make_token(name="Old", user=hub.hr, access="read")
    client.force_login(getattr(hub, kind))
    assert client.get(INDEX).status_code in (302, 403)
    assert client.post(NEW, form(owner=getattr(hub, kind).pk)).status_code in (302, 403)
    assert client.post(f"{INDEX}{token.pk}/revoke/").status_code in (302, 403)
    assert ApiToken.objects.count() == 1
    token.refresh_from_db()
    assert token.revoked_at is None
