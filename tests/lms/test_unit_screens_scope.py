"""Every screen about one unit answers only to those who may see the unit."""

from http import HTTPStatus

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SCREENS = ["edit", "inspect", "history", "history_results", "usage"]


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("manager", HTTPStatus.OK),
        ("other_manager", HTTPStatus.NOT_FOUND),
        ("superuser", HTTPStatus.OK),
    ],
)
def test_a_units_screens_are_hidden_outside_the_managers_units(
    client, hub, admin_user, screen, kind, expected
):
    client.force_login(admin_user if kind == "superuser" else getattr(hub, kind))

    response = client.get(reverse(f"hub_units:{screen}", args=[hub.team.pk]))

    assert response.status_code == expected
    if expected == HTTPStatus.NOT_FOUND:
        assert hub.team.name not in response.content.decode()
