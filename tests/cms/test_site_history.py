"""Wagtail's Site history shows the hub's records only to those who see everyone."""

import pytest
from django.urls import reverse

from lms.organisation import services as organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "kind, sees_marketing", [("manager", False), ("hr", True), ("editor", None)]
)
def test_site_history_keeps_the_hub_records_to_those_who_see_everyone(
    client, hub, kind, sees_marketing
):
    newcomer = UserFactory(name="Newcomer Marketing")
    organisation.join_role(user=newcomer, unit=hub.other_spoke, by=hub.other_manager)
    client.force_login(getattr(hub, kind))
    for url in (
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:site_history_results"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        listed = "Newcomer Marketing" in response.content.decode()
        assert listed is bool(sees_marketing)


def test_site_history_needs_admin_access(client, hub):
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 302
    client.force_login(hub.learner)
    assert client.get(reverse("wagtailadmin_reports:site_history")).status_code in (
        302,
        403,
    )
