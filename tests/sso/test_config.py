"""The providers an environment configures (cms.sso.config)."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.sso import config

ENTRA = "https://login.microsoftonline.com/0000-tenant/v2.0"


def test_one_provider_from_its_variables():
    (app,) = config.apps_from_environment(
        {
            "SSO_SERVER_URL": ENTRA + "/",
            "SSO_CLIENT_ID": "client",
            "SSO_CLIENT_SECRET": "secret",
            "SSO_NAME": "Gemeente",
            "SSO_TRUST_EMAILS": "Gemeente.nl, example.org",
            "SSO_UID_FIELD": "oid",
        }
    )

    assert app == {
        "provider_id": "sso",
        "name": "Gemeente",
        "client_id": "client",
        "secret": "secret",
        "settings": {
            "server_url": ENTRA,
            "oauth_pkce_enabled": True,
            "verified_email": ["gemeente.nl", "example.org"],
            "uid_field": "oid",
        },
    }


def test_no_provider_without_a_server_url():
    assert config.apps_from_environment({"SSO_CLIENT_ID": "client"}) == []


def test_several_providers_from_json():
    apps = config.apps_from_environment(
        {
            "SSO_PROVIDERS": json.dumps(
                [
                    {"id": "entra", "server_url": ENTRA, "client_id": "a"},
                    {
                        "id": "keycloak",
                        "name": "Keycloak",
                        "server_url": "https://id.example.org/realms/hub",
                        "client_id": "b",
                        "trust_emails": True,
                    },
                ]
            ),
            "SSO_SERVER_URL": "https://ignored.example.org",
        }
    )

    assert [app["provider_id"] for app in apps] == ["entra", "keycloak"]
    assert apps[0]["name"] == "entra"
    assert apps[0]["settings"]["verified_email"] is False
    assert apps[1]["settings"]["verified_email"] is True
    assert config.origins(apps) == [
        "https://login.microsoftonline.com",
        "https://id.example.org",
    ]


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"SSO_SERVER_URL": ENTRA}, "needs client_id"),
        (
            {"SSO_SERVER_URL": ENTRA, "SSO_CLIENT_ID": "c", "SSO_PROVIDER_ID": "A/B"},
            "must be lower-case",
        ),
        ({"SSO_SERVER_URL": "login.example.org", "SSO_CLIENT_ID": "c"}, "not a URL"),
        ({"SSO_PROVIDERS": "[{"}, "not valid JSON"),
        ({"SSO_PROVIDERS": '{"id": "x"}'}, "JSON list of objects"),
        (
            {
                "SSO_PROVIDERS": json.dumps(
                    [{"id": "x", "server_url": ENTRA, "client_id": "c"}] * 2
                )
            },
            "share an id",
        ),
    ],
)
def test_a_wrong_configuration_stops_the_start(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        config.apps_from_environment(environ)


@pytest.mark.parametrize(
    ("value", "trusted"),
    [("", False), ("off", False), ("yes", True), ("1", True), (True, True)],
)
def test_trust_emails(value, trusted):
    assert config.trust_emails(value) is trusted


def test_the_form_action_gains_the_providers_origins_once():
    apps = config.apps_from_environment({"SSO_SERVER_URL": ENTRA, "SSO_CLIENT_ID": "c"})

    sources = config.form_action(["'self'", "https://login.microsoftonline.com"], apps)

    assert sources == ["'self'", "https://login.microsoftonline.com"]
    assert config.form_action(["'self'"], apps) == [
        "'self'",
        "https://login.microsoftonline.com",
    ]
