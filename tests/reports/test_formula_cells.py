"""No export of the admin writes a cell that a spreadsheet would run as a formula.

Ours (the hub reports) and Wagtail's own (Site history, and any other view
built on its SpreadsheetExportMixin) alike, for the ASCII triggers and for
their look-alikes (fullwidth ＝, small ﹢, the minus sign −).
"""

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from http import HTTPStatus
from types import SimpleNamespace

import pytest
from django.urls import reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from lms.organisation import services as organisation
from lms.reports.exports import make_spreadsheet_exports_inert, neutralise
from tests.factories import UserFactory
from tests.reports.pages import content, csv_rows, xlsx_cells
from tests.reports.records import assign

pytestmark = pytest.mark.django_db

ASCII_FORMULA = '=HYPERLINK("http://evil.example/x","click")'
FULLWIDTH_FORMULA = '＝HYPERLINK("http://evil.example/x","click")'

TRIGGERING = [
    "=1+1",
    "+31 6 1234",
    "-2",
    "@SUM(A1)",
    "\tTab",
    "\rReturn",
    "\0Null",
    ASCII_FORMULA,
    FULLWIDTH_FORMULA,
    "＋1",  # fullwidth plus
    "－1",  # fullwidth hyphen-minus
    "＠SUM(A1)",  # fullwidth at
    "﹦1",  # small equals
    "﹢1",  # small plus
    "﹣1",  # small hyphen-minus
    "﹫SUM(A1)",  # small at
    "⁼1",  # superscript equals (NFKC folds it)
    "₊1",  # subscript plus
    "⁻1",  # superscript minus (folds to the minus sign)
    "−1",  # U+2212 minus sign
    "⩵1",  # two equals signs in one character
    " =1+1",  # leading space
    "\u3000＝1",  # ideographic space
    "\u00a0=1",  # no-break space
    "\u200b=1",  # zero-width space
    "\ufeff=1",  # byte order mark
    "\x0b=1",  # a control character (XLSX strips it)
    "\n=1",
]

HARMLESS = [
    "Anna = Webcare",
    "Anna ＝ Webcare",
    "Webcare − Night shift",
    "'=already quoted",
    "'＝already quoted",
    "Ærø",
    "Ｗebcare",  # fullwidth letter: no trigger
    "≠1",  # not equals: no formula
    "",
    "   ",
]


@pytest.mark.parametrize("value", TRIGGERING)
def test_a_text_that_a_spreadsheet_would_run_is_quoted(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", TRIGGERING)
def test_neutralising_twice_adds_one_quote(value):
    assert neutralise(neutralise(value)) == "'" + value


@pytest.mark.parametrize(
    "value",
    [*HARMLESS, 0, -2, Decimal("-2.5"), -0.5, None, date(2026, 1, 1)],
)
def test_anything_else_is_left_as_it_is(value):
    assert neutralise(value) == value
    assert type(neutralise(value)) is type(value)


def test_wrapping_wagtail_twice_changes_nothing():
    wrapped = SpreadsheetExportMixin.preprocess_field_value
    make_spreadsheet_exports_inert()
    assert SpreadsheetExportMixin.preprocess_field_value is wrapped


class PlainExport(SpreadsheetExportMixin):
    """Any view on Wagtail's mixin: a snippet index, a form's submissions."""

    list_export = ["name", "count", "when", "score"]
    export_headings = {
        "name": "=Name",
        "count": "Count",
        "when": "When",
        "score": "Score",
    }


PLAIN_ROWS = [
    SimpleNamespace(
        name=FULLWIDTH_FORMULA, count=-5, when=date(2026, 1, 2), score=Decimal("-1")
    ),
    SimpleNamespace(
        name="\x0b=1", count=7, when=datetime(2026, 1, 2, 3, 4), score=Decimal("2")
    ),
]


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content(response).decode("utf-8-sig"))))


def test_any_wagtail_export_writes_inert_csv_and_keeps_numbers():
    rows = read_csv(PlainExport().as_spreadsheet(PLAIN_ROWS, "csv"))
    assert rows == [
        ["'=Name", "Count", "When", "Score"],
        ["'" + FULLWIDTH_FORMULA, "-5", "2026-01-02", "-1"],
        ["'\x0b=1", "7", "2026-01-02 03:04:00", "2"],
    ]


def test_any_wagtail_export_writes_inert_xlsx_and_keeps_numbers():
    header, first, second = xlsx_cells(PlainExport().as_spreadsheet(PLAIN_ROWS, "xlsx"))
    assert (header[0].value, header[0].data_type) == ("'=Name", "s")
    assert (first[0].value, first[0].data_type) == ("'" + FULLWIDTH_FORMULA, "s")
    # The control character XML cannot hold is dropped, and the quote stays.
    assert (second[0].value, second[0].data_type) == ("'=1", "s")
    assert (first[1].value, first[1].data_type) == (-5, "n")
    assert first[2].is_date
    assert second[2].is_date
    assert first[3].value == -1


@pytest.fixture
def superuser_client(client):
    superuser = UserFactory(name="Root", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    return client


# Columns of Wagtail's Site history export (its headings are in the
# site's language, not the viewer's).
LABEL = LogEntriesView.list_export.index("label")
TIMESTAMP = LogEntriesView.list_export.index("timestamp")


@pytest.mark.parametrize("name", [ASCII_FORMULA, FULLWIDTH_FORMULA])
def test_the_site_history_export_writes_a_unit_name_inert(superuser_client, name):
    organisation.create_unit(name=name)
    url = reverse("wagtailadmin_reports:site_history")

    response = superuser_client.get(url, {"export": "csv"})
    assert response.status_code == HTTPStatus.OK
    labels = [row[LABEL] for row in read_csv(response)[1:]]
    assert "'" + name in labels
    assert name not in labels

    response = superuser_client.get(url, {"export": "xlsx"})
    assert response.status_code == HTTPStatus.OK
    _header, *cells = xlsx_cells(response)
    cell = next(row[LABEL] for row in cells if "HYPERLINK" in str(row[LABEL].value))
    assert cell.value == "'" + name
    assert cell.data_type == "s"
    assert all(row[TIMESTAMP].is_date for row in cells)


def test_the_completion_export_writes_a_fullwidth_formula_inert(viewer, org):
    person = UserFactory(name=FULLWIDTH_FORMULA, email="fullwidth@example.org")
    organisation.join_role(
        user=person, unit=org.hub.spoke, role=org.hub.role, started_on=org.today
    )
    assign(person, org.course_a, -1)
    client = viewer("hr")
    url = reverse("hub_reports_completion")

    names = [row[0] for row in csv_rows(client.get(url, {"export": "csv"}))[1:]]
    assert "'" + FULLWIDTH_FORMULA in names
    assert FULLWIDTH_FORMULA not in names

    header, *cells = xlsx_cells(client.get(url, {"export": "xlsx"}))
    cell = next(row[0] for row in cells if "HYPERLINK" in str(row[0].value))
    assert cell.value == "'" + FULLWIDTH_FORMULA
    assert cell.data_type == "s"
    # Not quoted twice, and the numbers stay numbers.
    assert all(not str(row[0].value).startswith("''") for row in cells)
    score = [c.value for c in header].index("Best score (%)")
    assert {row[score].value for row in cells} >= {70, 85}
