"""CSV and XLSX exports: the report's rows, its filters, and inert cells."""

import io
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from lms.organisation import services as organisation
from lms.reports.exports import neutralise
from tests.factories import UserFactory
from tests.reports.pages import csv_rows, table_rows, xlsx_cells, xlsx_rows
from tests.reports.records import assign, certificate

pytestmark = pytest.mark.django_db

REPORTS = [
    "hub_reports_completion",
    "hub_reports_overdue",
    "hub_reports_certificates",
    "hub_reports_expiring",
]
FORMULA = '=HYPERLINK("http://x")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        (FORMULA, "'" + FORMULA),
        ("Anna = Webcare", "Anna = Webcare"),
        ("'=already quoted", "'=already quoted"),
        ("", ""),
        (-2, -2),
        (None, None),
        (date(2026, 1, 1), date(2026, 1, 1)),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_neutralise_twice_changes_nothing_more():
    assert neutralise(neutralise("=x")) == "'=x"


def page_as_export(page_row, export_row):
    """The page's cells next to the export's, written the page's way."""
    shown = []
    for index, value in enumerate(export_row):
        if index == 1:
            continue  # the email address is in the export only
        try:
            day = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            with translation.override("en"):
                value = date_format(day)
        shown.append(value)
    return page_row, shown


def strip_percent(row):
    return [cell.removesuffix("%") for cell in row]


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("kind", ["hr", "manager"])
def test_exports_hold_the_rows_of_the_report(viewer, name, kind):
    client = viewer(kind)
    url = reverse(name)
    page_rows = table_rows(client.get(url))
    exported = csv_rows(client.get(url, {"export": "csv"}))
    assert len(exported) - 1 == len(page_rows)
    for page_row, export_row in zip(page_rows, exported[1:], strict=True):
        page_row, export_row = page_as_export(page_row, export_row)
        assert strip_percent(page_row) == export_row
    assert xlsx_rows(client.get(url, {"export": "xlsx"})) == exported


def test_the_export_headings_are_the_columns(viewer, org):
    exported = csv_rows(
        viewer("hr").get(reverse("hub_reports_completion"), {"export": "csv"})
    )
    assert exported[0] == [
        "Person",
        "Email address",
        "Units",
        "Roles",
        "Course",
        "Assigned",
        "Due",
        "Status",
        "Completed on",
        "Best score (%)",
    ]
    assert exported[1:3] == [
        [
            "Anna Webcare",
            exported[1][1],
            "Webcare",
            "Webcare agent",
            "Webcare basics",
            str(org.today),
            str(org.today + timedelta(days=20)),
            "Completed",
            str(org.today),
            "70",
        ],
        [
            "Anna Webcare",
            exported[2][1],
            "Webcare",
            "Webcare agent",
            "Crisis basics",
            str(org.today),
            str(org.today - timedelta(days=1)),
            "Exempt",
            "",
            "",
        ],
    ]


def test_xlsx_cells_are_typed(viewer):
    rows = xlsx_cells(
        viewer("hr").get(reverse("hub_reports_completion"), {"export": "xlsx"})
    )
    anna_a = rows[1]
    assert anna_a[0].value == "Anna Webcare"
    assert anna_a[6].is_date
    assert anna_a[9].value == 70


@pytest.mark.parametrize(
    ("name", "query", "count"),
    [
        ("hub_reports_completion", lambda org: {"unit": org.hub.team.pk}, 2),
        ("hub_reports_completion", lambda org: {"status": "overdue"}, 3),
        ("hub_reports_overdue", lambda org: {"unit": org.hub.other_spoke.pk}, 1),
        ("hub_reports_certificates", lambda org: {"certification": org.crisis.pk}, 4),
        ("hub_reports_expiring", lambda org: {"days": "45"}, 4),
    ],
)
def test_exports_keep_the_active_filters(viewer, org, name, query, count):
    client = viewer("hr")
    params = query(org)
    page = client.get(reverse(name), {**params, "p": "1"})
    assert len(table_rows(page)) == count
    # The page's download links carry the filters (and not the page number).
    view = page.context["view"]
    for export_format in ("csv", "xlsx"):
        link = view.get_export_url(export_format)
        assert link in page.content.decode().replace("&amp;", "&")
        assert "p=1" not in link
        response = client.get(link)
        assert response.status_code == HTTPStatus.OK
        rows = csv_rows(response) if export_format == "csv" else xlsx_rows(response)
        assert len(rows) - 1 == count


def test_the_xlsx_is_streamed_from_a_temporary_file(viewer):
    response = viewer("hr").get(reverse("hub_reports_completion"), {"export": "xlsx"})
    assert response.streaming
    assert not isinstance(response.file_to_stream, io.BytesIO)
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="completion-' in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.xlsx"')


@pytest.fixture
def formula_person(org):
    person = UserFactory(name=FORMULA, email="formula@example.org")
    organisation.join_role(
        user=person, unit=org.hub.spoke, role=org.hub.role, started_on=org.today
    )
    assign(person, org.course_a, -1)
    certificate(person, org.webcare, 5)
    return person


@pytest.mark.parametrize("name", REPORTS)
def test_a_formula_in_a_name_comes_out_inert(viewer, formula_person, name):
    client = viewer("hr")
    url = reverse(name)
    exported = csv_rows(client.get(url, {"export": "csv"}))
    names = [row[0] for row in exported[1:]]
    assert "'" + FORMULA in names
    assert FORMULA not in names
    cells = xlsx_cells(client.get(url, {"export": "xlsx"}))
    cell = next(row[0] for row in cells if "HYPERLINK" in str(row[0].value))
    assert cell.value == "'" + FORMULA
    assert cell.data_type == "s"
    # The page shows the name as it is, escaped.
    assert "=HYPERLINK(&quot;http://x&quot;)" in client.get(url).content.decode()


def test_a_csv_read_after_the_request_keeps_the_viewers_language(viewer):
    """The lines are written as the file is sent, after the view returned."""
    response = viewer("hr").get(reverse("hub_reports_overdue"), {"export": "csv"})
    with translation.override("nl"):
        rows = csv_rows(response)
    assert rows[0][:2] == ["Person", "Email address"]
    assert {row[7] for row in rows[1:]} == {"Overdue"}


@pytest.mark.parametrize("name", REPORTS)
def test_a_control_character_in_a_name_does_not_break_the_xlsx(
    viewer, formula_person, name
):
    formula_person.name = "Anna\x0bWebcare"
    formula_person.save()
    response = viewer("hr").get(reverse(name), {"export": "xlsx"})
    assert response.status_code == HTTPStatus.OK
    names = [row[0].value for row in xlsx_cells(response)]
    assert "AnnaWebcare" in names
