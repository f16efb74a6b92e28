"""The admin has one way in: allauth's login, with its rate limits."""

from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_wagtails_login_form_sends_people_to_allauths(client):
    person = UserFactory(email="learner@example.org")

    response = client.post(
        "/admin/login/?next=/admin/pages/",
        {"username": person.email, "password": "pass-word-1"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    assert "_auth_user_id" not in client.session


def test_the_admin_asks_strangers_to_sign_in_with_allauth(client):
    response = client.get("/admin/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


def test_an_outside_next_is_dropped(client):
    response = client.get("/admin/login/?next=https://evil.example/")

    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_wagtails_password_reset_is_off(client):
    UserFactory(email="learner@example.org")

    response = client.post("/admin/password_reset/", {"email": "learner@example.org"})

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert mail.outbox == []
