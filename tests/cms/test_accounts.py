from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_people_log_in_with_their_email(client):
    UserFactory(email="sanne@example.org")
    response = client.post(
        reverse("account_login"),
        {"login": "sanne@example.org", "password": "pass-word-1"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("lms:my_learning")


def test_a_wrong_password_is_refused_with_a_message(client):
    UserFactory(email="sanne@example.org")
    response = client.post(
        reverse("account_login"), {"login": "sanne@example.org", "password": "nope"}
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors


def test_sign_up_is_closed_by_default(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-long-pass-9",
            "password2": "a-long-pass-9",
        },
    )
    assert not get_user_model().objects.filter(email="new@example.org").exists()
    assert response.status_code == HTTPStatus.OK
    assert "signup_closed" in response.templates[0].name


def test_sign_up_opens_by_setting(client, settings):
    settings.ACCOUNT_SIGNUP_OPEN = True
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "name": "New Person",
            "password1": "a-long-pass-9",
            "password2": "a-long-pass-9",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert get_user_model().objects.get(email="new@example.org").name == "New Person"


def test_password_reset_mails_a_link(client):
    UserFactory(email="sanne@example.org")
    client.post(reverse("account_reset_password"), {"email": "sanne@example.org"})
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_email_change_page_is_there_for_the_signed_in(auth_client):
    assert auth_client.get(reverse("account_email")).status_code == HTTPStatus.OK


def test_user_admin_creates_a_person_with_a_name(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "made@example.org",
            "name": "Made In Admin",
            "language": "en",
            "password1": "a-long-pass-9",
            "password2": "a-long-pass-9",
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    assert (
        get_user_model().objects.get(email="made@example.org").name == "Made In Admin"
    )
    assert client.get(reverse("wagtailusers_users:index")).status_code == HTTPStatus.OK


def test_user_admin_edit_form_shows_the_name(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    person = UserFactory(name="Sanne de Vries")
    client.force_login(admin)
    response = client.get(reverse("wagtailusers_users:edit", args=[person.pk]))
    assert response.status_code == HTTPStatus.OK
    assert 'value="Sanne de Vries"' in response.content.decode()
    assert 'name="first_name"' not in response.content.decode()
