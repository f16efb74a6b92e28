"""The organisation's sign-in rules without a browser: the password forms
under SSO_ONLY, the sign-in page, the providers' admin screen, the match by
email, and a provider that does not answer."""

import re
from http import HTTPStatus

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.core.context import request_context
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.e2e.conftest import PASSWORD
from tests.sso.conftest import PROVIDER_ID, PROVIDER_NAME, configure, person

pytestmark = pytest.mark.django_db

REFUSED = "passwords are only for the administrators&#x27; emergency accounts"


@pytest.fixture
def sso_only(settings):
    settings.SSO_ONLY = True
    settings.SSO_BREAK_GLASS_EMAILS = ["Emergency@example.org"]


def log_in(client, email, password=PASSWORD):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# Passwords under SSO_ONLY


def test_without_sso_only_a_password_signs_in(client):
    person("ada@example.org")

    response = log_in(client, "ada@example.org")

    assert response.status_code == HTTPStatus.FOUND
    assert is_signed_in(client)


@pytest.mark.parametrize(
    "email", ["ada@example.org", "nobody@example.org"], ids=["known", "unknown"]
)
def test_with_sso_only_a_password_is_refused_alike_for_anyone(client, sso_only, email):
    person("ada@example.org")

    response = log_in(client, email)

    assert response.status_code == HTTPStatus.OK
    assert REFUSED in response.text
    assert not is_signed_in(client)


def test_with_sso_only_the_break_glass_admin_signs_in_with_a_password(client, sso_only):
    person("emergency@example.org", is_superuser=True)

    log_in(client, "EMERGENCY@example.org")

    assert is_signed_in(client)


def test_with_sso_only_nobody_signs_up_with_a_password(client, settings, sso_only):
    settings.ACCOUNT_SIGNUP_OPEN = True

    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "name": "New",
            "password1": "a-long-pass-word",
            "password2": "a-long-pass-word",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert "Sign Up Closed" in response.text
    assert not is_signed_in(client)
    assert not get_user_model().objects.filter(email="new@example.org").exists()


def test_with_sso_only_a_reset_link_goes_to_the_break_glass_admin_only(
    client, sso_only
):
    person("ada@example.org")
    person("emergency@example.org", is_superuser=True)

    for email in ("ada@example.org", "emergency@example.org"):
        response = client.post(reverse("account_reset_password"), {"email": email})
        assert response.status_code == HTTPStatus.FOUND

    assert [message.to for message in mail.outbox] == [["emergency@example.org"]]


def test_with_sso_only_a_reset_link_sent_before_sets_no_password(client, sso_only):
    ada = person("ada@example.org")
    url = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(ada),
            "key": default_token_generator.make_token(ada),
        },
    )
    # allauth keeps the key in the session and redirects to a URL without it.
    form_url = client.get(url)["Location"]

    response = client.post(
        form_url,
        {"password1": "a-new-pass-word-9", "password2": "a-new-pass-word-9"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == HTTPStatus.OK
    assert "Passwords are not used on this site" in response.text
    ada.refresh_from_db()
    assert ada.check_password(PASSWORD)
    assert not is_signed_in(client)


# The sign-in page


def test_the_sign_in_page_offers_the_provider_above_the_password(client, settings):
    configure(settings, "https://id.example.org/realms/hub")

    response = client.get(
        reverse("account_login") + "?next=/learn/", HTTP_ACCEPT_LANGUAGE="en"
    )

    html = response.text
    action = reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID})
    assert re.search(
        rf'<form method="post" action="{re.escape(action)}\?process=login&amp;next=%2Flearn%2F">',
        html,
    )
    assert f"Sign in with {PROVIDER_NAME}" in html
    assert html.index("sso-provider") < html.index('name="password"')
    assert "break-glass" not in html
    # The policy lets the form post on to the provider.
    assert (
        "form-action 'self' https://id.example.org"
        in response["Content-Security-Policy"]
    )


def test_with_sso_only_the_password_form_is_folded_away(client, settings, sso_only):
    configure(settings, "https://id.example.org/realms/hub")

    html = client.get(reverse("account_login")).text

    details = html[html.index('<details class="break-glass"') :]
    assert 'name="password"' in details[: details.index("</details>")]
    assert '<details class="break-glass">' in html  # closed until used


# Matching by email


def sociallogin_for(settings, email, verified=True):
    configure(settings, "https://id.example.org/realms/hub")
    request = RequestFactory().get("/")
    with request_context(request):
        provider = get_adapter().get_provider(request, PROVIDER_ID)
        return provider.sociallogin_from_response(
            request,
            {"id_token": {"sub": "s-1", "email": email, "email_verified": verified}},
        )


def test_a_verified_address_finds_its_person(settings):
    ada = person("ada@example.org")

    found = get_adapter().authenticate_by_email(
        sociallogin_for(settings, "ada@example.org")
    )

    assert found == (ada, "ada@example.org")


def test_an_unverified_address_finds_nobody(settings):
    person("ada@example.org")

    sociallogin = sociallogin_for(settings, "ada@example.org", verified=False)

    assert get_adapter().authenticate_by_email(sociallogin) is None


def test_the_break_glass_account_is_never_matched_by_email(settings):
    settings.SSO_BREAK_GLASS_EMAILS = ["emergency@example.org"]
    person("emergency@example.org", is_superuser=True)

    sociallogin = sociallogin_for(settings, "emergency@example.org")

    assert get_adapter().authenticate_by_email(sociallogin) is None


# A provider that does not answer


def test_a_provider_that_does_not_answer_gets_a_clear_page(client, settings):
    # Nothing listens on port 9 of this machine.
    configure(settings, "http://127.0.0.1:9")

    response = client.post(
        reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID}),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "The sign-in service cannot be reached" in response.text


# The providers' admin screen


def test_an_administrator_adds_a_provider_in_the_admin(client, settings):
    client.force_login(person("root@example.org", is_superuser=True))

    response = client.post(
        reverse("sso_providers:add"),
        {
            "name": "Gemeente",
            "provider_id": "gemeente",
            "client_id": "hub",
            "secret": "s3cret",
            "server_url": "https://login.microsoftonline.com/tenant/v2.0/",
            "trust_emails": "gemeente.nl",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    app = SocialApp.objects.get()
    assert (app.provider, app.provider_id, app.secret) == (
        "openid_connect",
        "gemeente",
        "s3cret",
    )
    assert app.settings == {
        "server_url": "https://login.microsoftonline.com/tenant/v2.0",
        "oauth_pkce_enabled": True,
        "verified_email": ["gemeente.nl"],
    }
    login_page = Client().get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Sign in with Gemeente" in login_page.text

    # Editing without typing the secret again keeps it.
    edit = reverse("sso_providers:edit", args=[app.pk])
    assert "s3cret" not in client.get(edit).text
    client.post(
        edit,
        {
            "name": "Gemeente X",
            "provider_id": "gemeente",
            "client_id": "hub",
            "secret": "",
            "server_url": "https://login.microsoftonline.com/tenant/v2.0",
            "trust_emails": "",
        },
    )
    app.refresh_from_db()
    assert (app.name, app.secret, app.settings["verified_email"]) == (
        "Gemeente X",
        "s3cret",
        False,
    )


def test_a_provider_id_the_settings_use_is_refused(client, settings):
    configure(settings, "https://id.example.org/realms/hub")
    client.force_login(person("root@example.org", is_superuser=True))

    response = client.post(
        reverse("sso_providers:add"),
        {
            "name": "Again",
            "provider_id": PROVIDER_ID,
            "client_id": "hub",
            "server_url": "https://id.example.org",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert not SocialApp.objects.exists()
