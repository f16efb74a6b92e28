"""Deleting what learner records point at is refused with a clear page."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertTemplateUsed
from wagtail.models import Page

from certification import services as certification_services
from certification.models import Certification
from lms.learning import services
from lms.models import OrgUnit, Role
from lms.organisation import services as organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(hub, course):
    """An enrolment in the course and a certificate of the learner."""
    services.enrol(user=hub.learner, course=course)
    certification = Certification.objects.create(name="Webcare", validity_months=24)
    certification.courses.add(course)
    certification_services.issue_certificate(
        holder=hub.learner,
        certification=certification,
        valid_from=timezone.localdate() - timedelta(days=1),
    )
    return certification


def protected_objects(hub, course, certification):
    return {
        "course": (reverse("wagtailadmin_pages:delete", args=[course.pk]), course),
        "catalogue": (
            reverse("wagtailadmin_pages:delete", args=[course.get_parent().pk]),
            course,
        ),
        "role": (reverse("hub_roles:delete", args=[hub.role.pk]), hub.role),
        "unit": (reverse("hub_units:delete", args=[hub.team.pk]), hub.team),
        # Deleting a unit deletes the units below: the learner is in the team.
        "parent unit": (reverse("hub_units:delete", args=[hub.spoke.pk]), hub.spoke),
        "certification": (
            reverse("hub_certifications:delete", args=[certification.pk]),
            certification,
        ),
        "person": (
            reverse("wagtailusers_users:delete", args=[hub.learner.pk]),
            hub.learner,
        ),
    }


@pytest.mark.parametrize(
    "what",
    ["course", "catalogue", "role", "unit", "parent unit", "certification", "person"],
)
def test_what_learner_records_point_at_is_not_deleted(
    client, admin_user, hub, course, records, what
):
    url, obj = protected_objects(hub, course, records)[what]
    client.force_login(admin_user)

    response = client.post(url, {"confirm_site_name": "Hub Academy"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assertTemplateUsed(response, "lms/admin/cannot_delete.html")
    assert type(obj)._base_manager.filter(pk=obj.pk).exists()


def test_what_nothing_points_at_is_deleted(client, admin_user, hub, catalogue):
    unit = organisation.create_unit(name="Empty", parent=hub.root)
    role = Role.objects.create(name="Unused")
    client.force_login(admin_user)

    for url in (
        reverse("hub_units:delete", args=[unit.pk]),
        reverse("hub_roles:delete", args=[role.pk]),
    ):
        assert client.post(url).status_code == HTTPStatus.FOUND
    assert not OrgUnit.objects.filter(pk=unit.pk).exists()
    assert not Role.objects.filter(pk=role.pk).exists()


def test_a_bulk_delete_of_learned_pages_is_refused(
    client, admin_user, hub, course, records
):
    client.force_login(admin_user)
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={course.pk}"
    )

    response = client.post(url, {"confirm_site_name": "Hub Academy"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert Page.objects.filter(pk=course.pk).exists()
