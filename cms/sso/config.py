"""The organisation's OpenID Connect providers, from the environment.

Read by cms.settings, so nothing here touches Django's settings or models.
One provider takes SSO_SERVER_URL (the issuer, where
/.well-known/openid-configuration is found), SSO_CLIENT_ID,
SSO_CLIENT_SECRET, and optionally SSO_PROVIDER_ID (the id in the callback
URL, "sso" by default), SSO_NAME (on the sign-in button), SSO_TRUST_EMAILS
and SSO_UID_FIELD. Several take SSO_PROVIDERS instead: a JSON list of
objects with the keys id, name, server_url, client_id, secret, trust_emails
and uid_field.
"""

import json
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"", "0", "false", "no", "off"}
# The id is a segment of the login and callback URLs.
PROVIDER_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def trust_emails(value) -> bool | list[str]:
    """Whether the site takes the provider's email addresses as verified
    when the ID token does not say so itself (email_verified): no, yes, or
    for these domains only ("example.org,example.nl")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, list):
        return [str(domain).strip().lower() for domain in value if str(domain).strip()]
    text = str(value or "").strip().lower()
    if text in FALSE:
        return False
    if text in TRUE:
        return True
    return [domain.strip() for domain in text.split(",") if domain.strip()]


def _app(entry: Mapping, where: str) -> dict:
    """allauth's SocialApp fields for one provider."""
    missing = [key for key in ("id", "server_url", "client_id") if not entry.get(key)]
    if missing:
        raise ImproperlyConfigured(f"{where} needs {', '.join(missing)}.")
    provider_id = str(entry["id"])
    if not PROVIDER_ID.match(provider_id):
        raise ImproperlyConfigured(
            f"{where}: the id {provider_id!r} must be lower-case letters, "
            "digits, '-' or '_'."
        )
    server_url = str(entry["server_url"]).rstrip("/")
    if urlsplit(server_url).scheme not in {"https", "http"}:
        raise ImproperlyConfigured(f"{where}: {server_url!r} is not a URL.")
    app_settings = {
        "server_url": server_url,
        "oauth_pkce_enabled": True,
        "verified_email": trust_emails(entry.get("trust_emails", False)),
    }
    if entry.get("uid_field"):
        # Entra ID's "oid" is the same person in every app of the tenant,
        # where its "sub" differs per app.
        app_settings["uid_field"] = str(entry["uid_field"])
    return {
        "provider_id": provider_id,
        "name": str(entry.get("name") or provider_id),
        "client_id": str(entry["client_id"]),
        "secret": str(entry.get("secret") or ""),
        "settings": app_settings,
    }


def apps_from_environment(environ: Mapping[str, str]) -> list[dict]:
    """The providers that environ configures, as allauth's APPS entries."""
    if environ.get("SSO_PROVIDERS", "").strip():
        try:
            entries = json.loads(environ["SSO_PROVIDERS"])
        except json.JSONDecodeError as error:
            raise ImproperlyConfigured(
                f"SSO_PROVIDERS is not valid JSON: {error}"
            ) from None
        if not isinstance(entries, list) or not all(
            isinstance(entry, dict) for entry in entries
        ):
            raise ImproperlyConfigured("SSO_PROVIDERS must be a JSON list of objects.")
        apps = [
            _app(entry, f"SSO_PROVIDERS[{index}]")
            for index, entry in enumerate(entries)
        ]
    elif environ.get("SSO_SERVER_URL", "").strip():
        apps = [
            _app(
                {
                    "id": environ.get("SSO_PROVIDER_ID", "").strip() or "sso",
                    "name": environ.get("SSO_NAME", "").strip(),
                    "server_url": environ["SSO_SERVER_URL"].strip(),
                    "client_id": environ.get("SSO_CLIENT_ID", "").strip(),
                    "secret": environ.get("SSO_CLIENT_SECRET", ""),
                    "trust_emails": environ.get("SSO_TRUST_EMAILS", ""),
                    "uid_field": environ.get("SSO_UID_FIELD", "").strip(),
                },
                "SSO_SERVER_URL",
            )
        ]
    else:
        return []
    ids = [app["provider_id"] for app in apps]
    if len(set(ids)) != len(ids):
        raise ImproperlyConfigured(f"Two single sign-on providers share an id: {ids}.")
    return apps


def origins(apps: list[dict]) -> list[str]:
    """The providers' origins: the sign-in form is redirected there, which
    the Content Security Policy's form-action must allow."""
    found = []
    for app in apps:
        parts = urlsplit(app["settings"]["server_url"])
        found.append(f"{parts.scheme}://{parts.netloc}")
    return list(dict.fromkeys(found))


def socialaccount_providers(apps: list[dict]) -> dict:
    """SOCIALACCOUNT_PROVIDERS for these providers: PKCE on every one."""
    return {"openid_connect": {"APPS": apps, "OAUTH_PKCE_ENABLED": True}}


def form_action(sources: list, apps: list[dict]) -> list:
    """The CSP's form-action sources, with the providers' origins: the
    sign-in form posts to the site, which redirects to the provider."""
    return [*sources, *(origin for origin in origins(apps) if origin not in sources)]
