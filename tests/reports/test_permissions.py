"""Who may see which report, its exports and the dashboard panel."""

from http import HTTPStatus

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import reports_menu

from tests.factories import UserFactory
from tests.reports.pages import csv_rows, table_rows, xlsx_rows

pytestmark = pytest.mark.django_db

USERS = [
    "anonymous",
    "learner",
    "editor",
    "manager",
    "other_manager",
    "hr",
    "superuser",
]

# Rows each viewer gets (conftest.py works them out); None: no access.
ROWS = {
    "hub_reports_completion": {"manager": 5, "other_manager": 3, "hr": 9},
    "hub_reports_overdue": {"manager": 1, "other_manager": 1, "hr": 3},
    "hub_reports_certificates": {"manager": 6, "other_manager": 2, "hr": 9},
    "hub_reports_expiring": {"manager": 1, "other_manager": 0, "hr": 2},
}
# Completion rate, overdue assignments, certificates ending within 30 days.
PANEL = {
    "manager": ("50%", "1", "1"),
    "other_manager": ("0%", "1", "0"),
    "hr": ("38%", "3", "2"),
    "superuser": ("38%", "3", "2"),
}


@pytest.fixture
def login(client, org):
    superuser = UserFactory(name="Admin", is_superuser=True)

    def log_in(kind):
        client.logout()
        if kind == "superuser":
            client.force_login(superuser)
        elif kind != "anonymous":
            client.force_login(getattr(org.hub, kind))
        return client

    return log_in


def refused(response, kind):
    if kind == "anonymous":
        return response.status_code == HTTPStatus.FOUND and "login" in response.url
    # Wagtail answers a refusal with a redirect and a message.
    return response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)


@pytest.mark.parametrize("kind", USERS)
@pytest.mark.parametrize("name", list(ROWS))
def test_every_report_and_export_obeys_who_may_see_it(login, kind, name):
    client = login(kind)
    expected = ROWS[name].get("hr" if kind == "superuser" else kind)
    page = client.get(reverse(name))
    fragment = client.get(reverse(f"{name}_results"))
    csv_export = client.get(reverse(name), {"export": "csv"})
    xlsx_export = client.get(reverse(name), {"export": "xlsx"})
    if expected is None:
        for response in (page, fragment, csv_export, xlsx_export):
            assert refused(response, kind), (kind, name, response.status_code)
            assert not response.streaming
        return
    for response in (page, fragment, csv_export, xlsx_export):
        assert response.status_code == HTTPStatus.OK, (kind, name)
    assert len(table_rows(page)) == expected
    assert len(table_rows(fragment)) == expected
    assert len(csv_rows(csv_export)) - 1 == expected
    assert len(xlsx_rows(xlsx_export)) - 1 == expected


def panel_figures(page: str):
    start = page.index('class="hub-figures"')
    numbers = []
    for chunk in page[start:].split('class="hub-figures__number">')[1:]:
        numbers.append(chunk.split("<", 1)[0])
    return tuple(numbers)


@pytest.mark.parametrize("kind", USERS)
def test_the_dashboard_panel_shows_figures_in_the_viewers_scope(login, kind):
    response = login(kind).get(reverse("wagtailadmin_home"))
    if kind in ("anonymous", "learner"):
        assert response.status_code == HTTPStatus.FOUND
        return
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    if kind not in PANEL:
        assert "hub-figures" not in page
        return
    assert panel_figures(page) == PANEL[kind]
    for url in (
        reverse("hub_reports_completion"),
        reverse("hub_reports_overdue"),
        reverse("hub_reports_expiring") + "?days=30",
    ):
        assert f'href="{url}"' in page


@pytest.mark.parametrize("kind", ["learner", "editor", "manager", "hr", "superuser"])
def test_the_reports_menu_lists_the_reports_for_hr_and_managers(login, org, kind):
    login(kind)
    user = {
        "superuser": None,
        **{
            name: getattr(org.hub, name)
            for name in ("learner", "editor", "manager", "hr")
        },
    }[kind]
    request = RequestFactory().get("/admin/")
    request.user = user or UserFactory(is_superuser=True)
    names = {item.name for item in reports_menu.menu_items_for_request(request)}
    ours = {"hub-completion", "hub-overdue", "hub-certificates", "hub-expiring"}
    if kind in ("learner", "editor"):
        assert not names & ours
    else:
        assert ours <= names
