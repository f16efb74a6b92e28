"""A certification holds for 1 to 120 months and renews 1 to 365 days ahead."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from certification.models import Certification

pytestmark = pytest.mark.django_db


def form_data(course, **fields):
    return {
        "name": "Crisis lead",
        "description": "",
        "criteria": "",
        "courses": [course.pk],
        "validity_months": "24",
        "renewal_window_days": "60",
        **fields,
    }


@pytest.fixture
def certification(course):
    certification = Certification.objects.create(
        name="Webcare", validity_months=24, renewal_window_days=60
    )
    certification.courses.add(course)
    return certification


BAD = [
    ({"validity_months": "100000"}, "validity_months"),
    ({"validity_months": "121"}, "validity_months"),
    ({"validity_months": "0"}, "validity_months"),
    ({"renewal_window_days": "366"}, "renewal_window_days"),
    ({"renewal_window_days": "0"}, "renewal_window_days"),
    # The window must stay shorter than the validity.
    ({"validity_months": "1", "renewal_window_days": "60"}, "renewal_window_days"),
    ({"courses": ["9999999999999999999999999"]}, "courses"),
]


@pytest.mark.parametrize(("fields", "field"), BAD)
def test_a_new_certification_out_of_bounds_is_refused(
    client, hub, course, fields, field
):
    client.force_login(hub.coordinator)

    response = client.post(
        reverse("hub_certifications:add"), form_data(course, **fields)
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in response.context["form"].errors
    assert not Certification.objects.filter(name="Crisis lead").exists()


@pytest.mark.parametrize(("fields", "field"), BAD)
def test_a_certification_is_not_changed_out_of_bounds(
    client, hub, course, certification, fields, field
):
    client.force_login(hub.coordinator)

    response = client.post(
        reverse("hub_certifications:edit", args=[certification.pk]),
        form_data(course, name="Webcare", **fields),
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in response.context["form"].errors
    certification.refresh_from_db()
    assert (certification.validity_months, certification.renewal_window_days) == (
        24,
        60,
    )


def test_the_bounds_themselves_are_accepted(client, hub, course):
    client.force_login(hub.coordinator)

    response = client.post(
        reverse("hub_certifications:add"),
        form_data(course, validity_months="120", renewal_window_days="365"),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Certification.objects.get(name="Crisis lead").validity_months == 120


@pytest.mark.parametrize(
    ("validity_months", "renewal_window_days"), [(121, 60), (24, 366)]
)
def test_the_model_refuses_out_of_bounds(validity_months, renewal_window_days):
    certification = Certification(
        name="X",
        validity_months=validity_months,
        renewal_window_days=renewal_window_days,
    )

    with pytest.raises(ValidationError):
        certification.full_clean(exclude=["courses"])
