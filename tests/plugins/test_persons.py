"""lms.persons: a person's name, language and employee number on the demo's
user model and on Django's own (issue 12, item 3). The host-site walk in CI
runs the plugins on Django's User in a database of its own."""

import pytest
from django.contrib.auth.models import User as DjangoUser
from django.test import override_settings
from django.utils import translation
from wagtail.users.models import UserProfile

from lms import persons
from lms.people_import import apply_import, parse_people_csv
from lms.persons import PersonAdapter
from tests.factories import UserFactory


@pytest.fixture
def django_user():
    """Django's User, through a plain adapter (the demo swaps it out, so its
    people are not saved here)."""
    return PersonAdapter(model=DjangoUser)


def test_django_user_names_are_first_and_last_name(django_user):
    person = DjangoUser(username="sanne", first_name="Sanne", last_name="de Vries")
    assert django_user.name_fields == ("first_name", "last_name")
    assert django_user.stored_name(person) == "Sanne de Vries"
    assert django_user.display_name(person) == "Sanne de Vries"
    assert django_user.name_values("Sanne de Vries") == {
        "first_name": "Sanne",
        "last_name": "de Vries",
    }
    assert django_user.order_by("holder__") == [
        "holder__first_name",
        "holder__last_name",
        "holder__email",
    ]
    search = django_user.search("vries", "holder__")
    assert sorted(child[0] for child in search.children) == [
        "holder__email__icontains",
        "holder__first_name__icontains",
        "holder__last_name__icontains",
    ]


def test_django_user_without_a_name_is_shown_by_email_then_username(django_user):
    assert django_user.display_name(DjangoUser(username="s", email="s@x.nl")) == (
        "s@x.nl"
    )
    assert django_user.display_name(DjangoUser(username="sanne")) == "sanne"


def test_django_user_keeps_no_employee_number_and_speaks_the_site_language(
    django_user, settings
):
    person = DjangoUser(username="sanne")
    assert not django_user.keeps_employee_number
    assert django_user.employee_number(person) == ""
    assert django_user.set_employee_number(person, "E1") is False
    assert django_user.language(person) == settings.LANGUAGE_CODE


@pytest.mark.django_db
def test_the_demo_user_reads_its_own_fields():
    person = UserFactory(name="Sanne de Vries", email="sanne@example.org")
    person.language, person.employee_number = "en", "E-17"
    person.save()
    people = persons.adapter()
    assert people.name_fields == ("name",)
    assert persons.display_name(person) == "Sanne de Vries"
    assert persons.language(person) == "en"
    assert people.employee_number(person) == "E-17"
    assert people.order_by() == ["name", "email"]


@pytest.mark.django_db
def test_a_language_the_site_does_not_speak_is_the_sites(settings):
    person = UserFactory()
    person.language = "de"
    assert persons.language(person) == settings.LANGUAGE_CODE


@pytest.mark.django_db
def test_without_a_language_field_the_admin_language_counts():
    # The demo's user model stands in for a model without `language`: the
    # adapter reads the Wagtail account's preferred language then.
    person = UserFactory()
    adapter = PersonAdapter()
    adapter.has_language = False
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    person.refresh_from_db()
    assert adapter.language(person) == "en"


@pytest.mark.django_db
def test_create_and_rename_write_the_name_fields():
    people = persons.adapter()
    person = people.create_person("new@example.org", "New Person")
    assert (person.email, person.name, person.has_usable_password()) == (
        "new@example.org",
        "New Person",
        False,
    )
    people.rename(person, "Renamed Person")
    person.refresh_from_db()
    assert person.name == "Renamed Person"


class ShoutingAdapter(PersonAdapter):
    def display_name(self, user):
        return super().display_name(user).upper()


@pytest.mark.django_db
def test_a_site_names_its_own_adapter():
    person = UserFactory(name="Sanne de Vries")
    with override_settings(
        LMS_PERSON_ADAPTER="tests.plugins.test_persons.ShoutingAdapter"
    ):
        assert persons.display_name(person) == "SANNE DE VRIES"
    assert persons.display_name(person) == "Sanne de Vries"


class NoNumbersAdapter(PersonAdapter):
    """A site whose user model has no place for employee numbers."""

    def __init__(self, model=None):
        super().__init__(model)
        self.keeps_employee_number = False


@pytest.mark.django_db
def test_an_import_says_when_the_site_keeps_no_employee_numbers(hub):
    text = (
        "email,name,employee_number,unit,roles,manager_email\n"
        f"{hub.learner.email},,E-99,Hub/Webcare,,\n"
    )
    with (
        override_settings(
            LMS_PERSON_ADAPTER="tests.plugins.test_persons.NoNumbersAdapter"
        ),
        translation.override("en"),
    ):
        plan = parse_people_csv(text, for_user=hub.manager)
        assert not plan.errors, plan.errors
        sections = dict(plan.changes.sections())
        apply_import(plan, by=hub.manager)
    assert sections["Not kept"] == [
        "This site keeps no employee numbers: the number on 1 line is not stored."
    ]
    hub.learner.refresh_from_db()
    assert hub.learner.employee_number == ""
