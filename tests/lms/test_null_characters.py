"""A null character, which no PostgreSQL text column can hold, is a clear
refusal wherever a request can carry one, never a server error."""

from http import HTTPStatus

import pytest

from lms.people_import import parse_people_csv

pytestmark = pytest.mark.django_db

HEADER = "email,name,employee_number,unit,roles,manager_email\n"


@pytest.mark.parametrize(
    "url",
    ["/verify/%00/", "/certificates/%00/pdf/", "/certificates/%00/credential/"],
)
def test_a_certificate_code_with_a_null_is_no_certificate(client, hub, url):
    client.force_login(hub.learner)

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_the_catalogue_filters_by_its_own_topics_only(client, catalogue, course):
    response = client.get(catalogue.url + "?topic=%00")

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["courses"]) == []


@pytest.mark.parametrize(
    ("kind", "url"),
    [
        ("manager", "/admin/hub/people/?q=%00"),
        ("manager", "/admin/hub/certificates/?q=%00"),
        ("superuser", "/admin/hub/personal-data/?q=%00"),
    ],
)
def test_a_search_with_a_null_searches_without_it(
    client, hub, admin_user, certificate, kind, url
):
    client.force_login(admin_user if kind == "superuser" else hub.manager)

    assert client.get(url).status_code == HTTPStatus.OK


def test_an_import_with_a_null_names_its_line(hub):
    text = HEADER + "ann@example.org,Ann,,Hub,,\nbob@example.org,B\x00b,,Hub,,\n"

    plan = parse_people_csv(text, for_user=hub.manager)

    assert [error.line for error in plan.errors] == [3]
    assert not plan.is_valid
