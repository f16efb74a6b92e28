"""Personal-data requests on Django's own User (issue 12): what erasure
writes on the row and which words it looks for. The demo swaps User out, so
these run on unsaved people through a plain adapter; the host-site walk in
CI exports and erases people of Django's User in a database of its own."""

import pytest
from django.contrib.auth.models import User as DjangoUser

from certification import data_requests
from lms.persons import PersonAdapter


@pytest.fixture
def django_user():
    return PersonAdapter(model=DjangoUser)


@pytest.fixture
def sanne():
    return DjangoUser(
        pk=7,
        username="sanne-dv",
        email="sanne@example.org",
        first_name="Sanne",
        last_name="de Vries",
        is_staff=True,
    )


def test_erasure_anonymises_every_field_that_names_a_django_user(django_user, sanne):
    values = data_requests._anonymous_values(sanne, django_user)

    assert values == {
        "first_name": "Erased",
        "last_name": "person #7",
        "email": "erased-7@erased.invalid",
        "username": "erased-7",
        "is_active": False,
        "is_staff": False,
        "last_login": None,
    }
    for field, value in values.items():
        setattr(sanne, field, value)
    assert django_user.stored_name(sanne) == data_requests.erased_name(7)
    assert data_requests.is_erased(sanne)


def test_the_words_that_name_a_django_user(django_user, sanne, monkeypatch):
    """Her name, her addresses and her username; Django's User keeps no
    employee number."""
    monkeypatch.setattr(
        data_requests, "_sign_in_addresses", lambda person: ["sq@example.net"]
    )
    assert data_requests._identifying_words(sanne, django_user) == {
        "Sanne de Vries",
        "sanne@example.org",
        "sq@example.net",
        "sanne-dv",
    }
    assert data_requests._first_name(sanne, django_user) == "Sanne"


def test_a_short_username_is_not_looked_for(django_user, monkeypatch):
    monkeypatch.setattr(data_requests, "_sign_in_addresses", lambda person: [])
    person = DjangoUser(pk=8, username="jo", email="jo@example.org")
    assert data_requests._identifying_words(person, django_user) == {"jo@example.org"}
