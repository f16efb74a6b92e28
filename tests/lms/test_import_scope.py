"""The probe's takeover: a manager of one spoke imports a person of another."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.models import RoleMembership
from lms.organisation import services as organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = "email,name,employee_number,unit,roles,manager_email\n"


@pytest.fixture
def pr_manager(hub):
    """A second hub manager who manages only the PR spoke."""
    pr = organisation.create_unit(name="PR", parent=hub.root)
    manager = UserFactory(name="Manager PR")
    manager.groups.add(Group.objects.get(name="Hub managers"))
    pr.managers.add(manager)
    return manager


def test_an_import_cannot_bring_another_units_person_into_scope(
    client, hub, pr_manager, certificate
):
    learner = hub.learner
    learner.employee_number = "E-1"
    learner.save()
    client.force_login(pr_manager)
    person_url = reverse("hub_people:person", args=[learner.pk])
    pdf_url = reverse("certification:certificate_pdf", args=[certificate.code])
    assert client.get(person_url).status_code == HTTPStatus.NOT_FOUND
    assert client.get(pdf_url).status_code == HTTPStatus.FORBIDDEN

    row = f"{learner.email},{learner.name},EVIL-0001,Hub/PR,{hub.role.name},\n"
    upload = SimpleUploadedFile("people.csv", (HEADER + row).encode(), "text/csv")
    response = client.post(reverse("hub_people_import:index"), {"file": upload})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert learner.name not in response.content.decode()
    learner.refresh_from_db()
    assert learner.employee_number == "E-1"
    assert not RoleMembership.objects.filter(user=learner, unit__name="PR").exists()
    assert client.get(person_url).status_code == HTTPStatus.NOT_FOUND
    assert client.get(pdf_url).status_code == HTTPStatus.FORBIDDEN
    revoke_url = reverse("hub_certificates:revoke", args=[certificate.pk])
    client.post(revoke_url, {"reason": "Taken over"})
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
