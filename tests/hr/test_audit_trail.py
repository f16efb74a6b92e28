"""The audit trail: the hub's log entries, filtered and exported, for HR only."""

import csv
import io
from datetime import datetime, timedelta
from http import HTTPStatus

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from certification.models import Certificate
from lms.audit import services as audit_trail
from lms.organisation import services as organisation
from tests.factories import UserFactory
from tests.hr.conftest import NAME

pytestmark = pytest.mark.django_db

URL = reverse("hub_audit_trail")


@pytest.fixture
def hr_client(client, hub):
    """HR, reading the admin in English."""
    hub.hr.language = "en"
    hub.hr.save()
    profile = UserProfile.get_for_user(hub.hr)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(hub.hr)
    return client


def rows(response):
    return [
        [cell.strip() for cell in row]
        for row in csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    ]


def test_the_trail_lists_hub_actions_and_leaves_out_page_history(
    hr_client, subject, hub, home_page
):
    # Wagtail's history of a page is not the hub's business; of a unit it is.
    log(home_page, "wagtail.edit")
    response = hr_client.get(URL)
    assert response.status_code == HTTPStatus.OK
    listed = response.context["object_list"]
    actions = {row.action for row in listed}
    assert {"Place in a role", "Assign training", "Issue a certificate"} <= actions
    html = response.content.decode()
    assert "Issue a certificate" in html
    # Units are created as wagtail.create: who made which unit is audited.
    assert any(row.action == "Create" and row.object == str(hub.team) for row in listed)
    hub_entries = ModelLogEntry.objects.exclude(
        Q(action__startswith="wagtail.")
        & ~Q(content_type__app_label__in=["lms", "certification", "cms"])
    )
    assert len(listed) == hub_entries.count()
    assert not any(row.object == str(home_page) for row in listed)


def test_a_row_says_who_did_what_to_which_object_and_when(hr_client, subject, hub):
    entry = ModelLogEntry.objects.get(action="lms.exempt")
    response = hr_client.get(URL, {"action": "lms.exempt"})
    (row,) = response.context["object_list"]
    assert row.who == "Manager Webcare"
    assert row.action == "Exempt from training"
    assert row.object_type == "Training assignment"
    assert row.object == entry.label
    assert row.details == f"reason: {NAME} did this course at her previous employer"
    assert row.when == timezone.localtime(entry.timestamp)


def table_body(response):
    html = BeautifulSoup(response.content, "html.parser")
    return html.find("table", "listing").find("tbody")


def table_rows(response):
    return [
        [" ".join(cell.get_text().split()) for cell in row.find_all("td")]
        for row in table_body(response).find_all("tr")
    ]


@pytest.mark.parametrize(
    "language, action, object_type",
    [("en", "Place in a role", "Membership"), ("nl", "Rol toekennen", "Lidmaatschap")],
)
def test_the_table_shows_each_row_in_the_readers_language(
    client, subject, hub, language, action, object_type
):
    """The page's table, not only its context: the registered label of the
    action (never its code), who, when and the object."""
    hub.hr.language = language
    hub.hr.save()
    profile = UserProfile.get_for_user(hub.hr)
    profile.preferred_language = language
    profile.save()
    client.force_login(hub.hr)
    entry = ModelLogEntry.objects.get(action="lms.join_role", label__icontains=NAME)
    response = client.get(URL, {"action": "lms.join_role", "label": NAME})
    (row,) = table_rows(response)
    when, who, shown_action, shown_type, shown_object, details = row
    assert shown_action == action
    assert "lms.join_role" not in str(table_body(response))
    assert who == "Manager Webcare"
    assert shown_object == entry.label
    assert shown_type == object_type
    assert when and details


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"action": "lms.join_role"}, {"lms.join_role"}),
        (
            {"action": ["lms.extend", "lms.exempt"]},
            {"lms.extend", "lms.exempt"},
        ),
        ({"label": "webcare agent"}, {"lms.join_role"}),
    ],
)
def test_filters_by_action_and_object_name(hr_client, subject, params, expected):
    response = hr_client.get(URL, params)
    actions = {row.action for row in response.context["object_list"]}
    labels = {action: str(label) for action, label in audit_trail.action_choices()}
    assert actions == {labels[action] for action in expected}


def test_filters_by_user(hr_client, subject, hub):
    response = hr_client.get(URL, {"user": hub.manager.pk})
    whos = {row.who for row in response.context["object_list"]}
    assert whos == {"Manager Webcare"}


def test_filters_by_object_type(hr_client, subject):
    certificate_type = ContentType.objects.get_for_model(Certificate)
    response = hr_client.get(URL, {"object_type": certificate_type.pk})
    listed = response.context["object_list"]
    assert [row.action for row in listed] == ["Issue a certificate"]


def test_filters_by_date_range(hr_client, subject):
    old = ModelLogEntry.objects.get(action="lms.exempt")
    old.timestamp = timezone.make_aware(datetime(2025, 3, 14, 12))
    old.save()
    response = hr_client.get(
        URL, {"timestamp_from": "2025-03-01", "timestamp_to": "2025-03-31"}
    )
    assert [row.action for row in response.context["object_list"]] == [
        "Exempt from training"
    ]
    today = timezone.localdate()
    response = hr_client.get(
        URL,
        {
            "timestamp_from": (today - timedelta(days=1)).isoformat(),
            "timestamp_to": (today + timedelta(days=1)).isoformat(),
        },
    )
    assert "Exempt from training" not in {
        row.action for row in response.context["object_list"]
    }


def test_the_csv_export_holds_the_filtered_entries(hr_client, subject):
    response = hr_client.get(URL, {"action": "lms.exempt", "export": "csv"})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    header, *data = rows(response)
    assert header == ["When", "Who", "Action", "Object type", "Object", "Details"]
    assert len(data) == 1
    when, who, action, object_type, label, details = data[0]
    assert (who, action, object_type) == (
        "Manager Webcare",
        "Exempt from training",
        "Training assignment",
    )
    assert details.endswith("did this course at her previous employer")
    assert datetime.fromisoformat(when).tzinfo is not None


@pytest.mark.parametrize(
    "params", [{"timestamp_from": "31-31-2020"}, {"user": "999999"}, {"action": "x"}]
)
def test_a_filter_that_cannot_apply_shows_why_and_exports_nothing(
    hr_client, subject, params
):
    response = hr_client.get(URL, params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["filter_errors"]
    assert not list(response.context["object_list"])
    assert "These filters could not be applied" in response.content.decode()
    export = hr_client.get(URL, {**params, "export": "csv"})
    assert export.status_code == HTTPStatus.BAD_REQUEST
    assert not export.has_header("Content-Disposition")


def test_the_xlsx_export_equals_the_csv(hr_client, subject):
    csv_rows = rows(hr_client.get(URL, {"export": "csv"}))
    response = hr_client.get(URL, {"export": "xlsx"})
    assert response.status_code == HTTPStatus.OK
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content))
    ).active
    xlsx_rows = list(sheet.iter_rows(values_only=True))
    assert len(xlsx_rows) == len(csv_rows)
    assert list(xlsx_rows[0]) == csv_rows[0]
    for from_xlsx, from_csv in zip(xlsx_rows[1:], csv_rows[1:], strict=True):
        # An empty cell reads back as None.
        assert ["" if v is None else v for v in from_xlsx[1:]] == from_csv[1:]
        assert from_xlsx[0] == datetime.fromisoformat(from_csv[0]).replace(tzinfo=None)


def test_exported_cells_are_no_formulas(hr_client, hub):
    person = UserFactory(name='=HYPERLINK("http://x")')
    organisation.join_role(user=person, unit=hub.spoke, by=hub.manager)
    params = {"action": "lms.join_role", "user": hub.manager.pk}
    (row,) = rows(hr_client.get(URL, {**params, "export": "csv"}))[1:]
    assert row[4].startswith("'=HYPERLINK")
    response = hr_client.get(URL, {**params, "export": "xlsx"})
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content))
    ).active
    cell = sheet.cell(row=2, column=5)
    assert cell.data_type == "s" and cell.value.startswith("'=HYPERLINK")


def test_the_page_issues_as_many_queries_for_many_entries(
    hr_client, subject, django_assert_num_queries
):
    hr_client.get(URL)
    with CaptureQueriesContext(connection) as few:
        hr_client.get(URL)
    entry = ModelLogEntry.objects.filter(action="lms.extend").first()
    copied = {
        field.attname: getattr(entry, field.attname)
        for field in ModelLogEntry._meta.concrete_fields
        if not field.primary_key
    }
    ModelLogEntry.objects.bulk_create(ModelLogEntry(**copied) for _ in range(80))
    with django_assert_num_queries(len(few)):
        response = hr_client.get(URL)
    assert len(response.context["object_list"]) == 50
