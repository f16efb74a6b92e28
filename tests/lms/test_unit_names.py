"""A path such as 'Hub/PR' names one unit: names are unique below a parent."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lms.models import OrgUnit, RoleMembership
from lms.organisation import services as organisation
from lms.people_import import apply_import, parse_people_csv

pytestmark = pytest.mark.django_db

HEADER = "email,name,employee_number,unit,roles,manager_email\n"


def test_a_second_unit_of_one_name_below_one_parent_is_refused(hub):
    with pytest.raises(ValidationError) as error:
        organisation.create_unit(name="marketing", parent=hub.root)

    assert list(error.value.message_dict) == ["name"]
    # Elsewhere in the tree the name is free.
    organisation.create_unit(name="Marketing", parent=hub.spoke)


def test_renaming_a_unit_to_its_siblings_name_is_refused(client, hub):
    client.force_login(hub.manager)
    pr = organisation.create_unit(name="PR", parent=hub.spoke)

    response = client.post(
        reverse("hub_units:edit", args=[pr.pk]),
        {"name": "Night shift", "description": "", "parent": hub.spoke.pk},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    pr.refresh_from_db()
    assert pr.name == "PR"


def test_an_import_finds_a_unit_whatever_the_case(hub):
    text = HEADER + f"{hub.learner.email},,,hub/WEBCARE,,\n"

    apply_import(parse_people_csv(text))

    assert OrgUnit.objects.filter(name__iexact="webcare").count() == 1
    assert RoleMembership.objects.filter(user=hub.learner, unit=hub.spoke).exists()
