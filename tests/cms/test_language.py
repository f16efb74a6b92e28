from http import HTTPStatus

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_catalogue(catalogue, locales):
    page = catalogue.copy_for_translation(locales["en"], copy_parents=True)
    page.title = "Courses (EN)"
    page.save_revision().publish()
    return page


def test_dutch_is_the_default(client, catalogue):
    response = client.get(catalogue.url)
    assert response.status_code == HTTPStatus.OK
    assert '<html lang="nl">' in response.content.decode()


def test_switching_language_serves_the_translation_at_the_same_url(
    client, catalogue, english_catalogue
):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": catalogue.url}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == catalogue.url
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(catalogue.url).content.decode()
    assert '<html lang="en">' in page and "Courses (EN)" in page


def test_a_signed_in_persons_choice_follows_them(client, auth_client, user, catalogue):
    auth_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"
    auth_client.cookies.clear()  # another device: no cookie, still English
    auth_client.force_login(user)
    assert '<html lang="en">' in auth_client.get(catalogue.url).content.decode()


@pytest.mark.parametrize(
    "data",
    [{"language": "fr", "next": "/"}, {"language": "", "next": "/"}],
)
def test_an_unknown_language_is_refused(client, data):
    response = client.post(reverse("set_language"), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_switch_does_not_redirect_elsewhere(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_the_switch_needs_a_post(client):
    assert (
        client.get(reverse("set_language")).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    )


@pytest.mark.parametrize(
    "browser, account, signed_in, english_title",
    [
        ("en", "nl", "Je bent nu ingelogd als", False),
        ("nl", "en", "Successfully signed in as", True),
    ],
)
def test_signing_in_switches_to_the_accounts_language(
    client, catalogue, english_catalogue, browser, account, signed_in, english_title
):
    """The browser asks for one language, the account has the other: the
    sign-in message and the page after it speak the account's."""
    person = UserFactory(email="reader@example.org", language=account)
    response = client.post(
        f"{reverse('account_login')}?next={catalogue.url}",
        {"login": person.email, "password": "pass-word-1"},
        headers={"accept-language": browser},
        follow=True,
    )
    assert response.redirect_chain == [(catalogue.url, HTTPStatus.FOUND)]
    page = response.content.decode()
    assert f"{signed_in} {person.name}" in page
    assert f'<html lang="{account}">' in page
    assert ("Courses (EN)" in page) is english_title
