"""API tokens: kept as digests, refused when revoked, expired or read-only,
limited per minute, made by HR or a command."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lms.api import tokens
from lms.models import ApiToken

pytestmark = pytest.mark.django_db

PEOPLE = "/api/v1/people"


def test_only_a_digest_is_kept(hub):
    token, raw = tokens.make_token(name="AFAS", user=hub.hr, access="read", by=hub.hr)
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    # The secret may itself hold "_" (token_urlsafe): split off the prefix only.
    secret = raw.split("_", 2)[2]
    assert raw not in str(row) and secret not in str(row)
    assert raw.startswith(f"hub_{token.prefix}_")
    assert tokens.find_token(raw) == token
    assert ModelLogEntry.objects.filter(action="lms.api_token_create").count() == 1


@pytest.mark.parametrize(
    "spoil",
    [
        lambda raw: raw[:-1] + ("A" if raw[-1] != "A" else "B"),
        lambda raw: raw.replace("hub_", "hob_"),
        lambda raw: raw.split("_", 2)[2],
        lambda raw: "",
        lambda raw: "hub__",
        lambda raw: "hub_" + "x" * 300,
    ],
)
def test_a_wrong_token_is_refused(hub, client, spoil):
    _token, raw = tokens.make_token(name="AFAS", user=hub.hr, access="read")
    response = client.get(PEOPLE, headers={"Authorization": f"Bearer {spoil(raw)}"})
    assert response.status_code == 401
    assert response.json()["detail"]
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_no_token_no_data(hub, client):
    client.force_login(hub.hr)  # a session is not a token
    response = client.get(PEOPLE)
    assert response.status_code == 401


def test_revoked_expired_and_closed_tokens_stop_working(hub, api_for):
    api = api_for(hub.hr, write=False)
    assert api.get(PEOPLE).status_code == 200
    token = tokens.find_token(api.raw)
    assert tokens.revoke_token(token, by=hub.hr)
    assert not tokens.revoke_token(token, by=hub.hr)
    assert api.get(PEOPLE).status_code == 401

    api = api_for(hub.hr, write=False, expires_at=timezone.now() + timedelta(days=2))
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        assert api.get(PEOPLE).status_code == 401

    api = api_for(hub.hr, write=False)
    hub.hr.is_active = False
    hub.hr.save()
    assert api.get(PEOPLE).status_code == 401


def test_last_used_is_kept_to_the_minute(hub, api_for, django_assert_max_num_queries):
    api = api_for(hub.hr, write=False)
    token = tokens.find_token(api.raw)
    assert token.last_used_at is None
    api.get(PEOPLE)
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    api.get(PEOPLE)
    token.refresh_from_db()
    assert token.last_used_at == first


def test_a_read_token_never_writes(hub, api_for):
    api = api_for(hub.hr, write=False)
    response = api.post(
        "/api/v1/people/sync",
        {"people": [{"email": "new@example.org", "name": "New", "unit": "Hub"}]},
    )
    assert response.status_code == 403
    assert response.json()["detail"]
    assert not type(hub.hr).objects.filter(email="new@example.org").exists()


def test_each_token_has_its_own_rate(hub, api_for):
    slow = api_for(hub.hr, write=False, rate_per_minute=3)
    other = api_for(hub.hr, write=False, rate_per_minute=3)
    with time_machine.travel(timezone.now().replace(second=5), tick=False):
        assert [slow.get(PEOPLE).status_code for _ in range(3)] == [200] * 3
        refused = slow.get(PEOPLE)
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        assert refused.json()["detail"]
        assert other.get(PEOPLE).status_code == 200
    with time_machine.travel(timezone.now().replace(second=5) + timedelta(minutes=1)):
        assert slow.get(PEOPLE).status_code == 200


def test_expiry_must_lie_ahead_and_within_the_limit(hub):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        tokens.make_token(
            name="x", user=hub.hr, access="read", expires_at=timezone.now()
        )
    with pytest.raises(ValidationError):
        tokens.make_token(
            name="x",
            user=hub.hr,
            access="read",
            expires_at=timezone.now() + timedelta(days=800),
        )
    assert not ApiToken.objects.exists()


def test_the_command_prints_the_token_once(hub, client):
    out, err = StringIO(), StringIO()
    call_command(
        "create_api_token",
        "--user",
        hub.hr.email.upper(),
        "--name",
        "Nightly script",
        "--write",
        stdout=out,
        stderr=err,
    )
    raw = out.getvalue().strip()
    token = tokens.find_token(raw)
    assert token.name == "Nightly script" and token.user == hub.hr and token.writes
    assert raw not in err.getvalue()
    response = client.get(PEOPLE, headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200


def test_the_command_sets_the_rate(hub):
    # scripts/api-schema-check needs a token that is not throttled into 429s.
    out = StringIO()
    call_command(
        "create_api_token",
        *("--user", hub.hr.email, "--name", "Schema check"),
        *("--rate-per-minute", "50000"),
        stdout=out,
        stderr=StringIO(),
    )
    assert tokens.find_token(out.getvalue().strip()).rate_per_minute == 50000


@pytest.mark.parametrize(
    "arguments",
    [
        ["--user", "nobody@example.org", "--name", "x"],
        ["--user", "{hr}", "--name", " "],
        ["--user", "{hr}", "--name", "x", "--days", "0"],
        ["--user", "{hr}", "--name", "x", "--days", "5000"],
        ["--user", "{hr}", "--name", "x", "--rate-per-minute", "0"],
    ],
)
def test_the_command_refuses_bad_arguments(hub, arguments):
    arguments = [argument.format(hr=hub.hr.email) for argument in arguments]
    with pytest.raises(CommandError):
        call_command("create_api_token", *arguments, stdout=StringIO())
    assert not ApiToken.objects.exists()
