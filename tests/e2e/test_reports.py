"""HR's reports in a real browser: accessible in both languages, and the demo
HR user takes the overdue people of a spoke to a spreadsheet."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from lms.models import OrgUnit
from lms.reports.queries import members, overdue_rows
from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SPOKE = "Klantcontact"
PAGES = [
    "/admin/",
    "/admin/hub/reports/completion/",
    "/admin/hub/reports/overdue/",
    "/admin/hub/reports/certificates/",
    "/admin/hub/reports/expiring/?days=90",
    # A report whose filter is wrong explains why, accessibly too.
    "/admin/hub/reports/expiring/?days=abc",
]


def expected_overdue(spoke):
    """Names of the people of a spoke (and its teams) with an overdue course."""
    hr = get_user_model().objects.get(email="hr@example.org")
    rows = overdue_rows(user=hr, today=timezone.localdate()).filter(
        user__in=members(user=hr, unit=spoke)
    )
    return sorted(rows.values_list("person_name", flat=True))


def test_hr_finds_the_overdue_people_of_a_spoke_and_downloads_them(
    demo, page, axe, page_errors
):
    spoke = OrgUnit.objects.get(name=SPOKE)
    expected = expected_overdue(spoke)
    assert expected, "the demo has overdue people in the spoke"

    log_in(page, demo, "hr@example.org", "/admin/")
    # The dashboard's figure leads to the overdue report.
    page.locator(".hub-figures a[href='/admin/hub/reports/overdue/']").click()
    page.wait_for_url(f"{demo}/admin/hub/reports/overdue/")

    # Filter by the spoke with the admin's own filter menu.
    page.get_by_role("button", name="Toon filters").click()
    page.locator(".w-drilldown__toggle", has_text="Eenheid").click()
    with page.expect_response(lambda r: "/overdue/results/" in r.url):
        page.locator("select[name=unit]").select_option(label=f"\u2003{SPOKE}")
    page.wait_for_url(f"**unit={spoke.pk}**")
    rows = page.locator("#listing-results table.listing tbody tr")
    names = sorted(
        rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())
    )
    assert names == expected
    axe(page)

    page.get_by_role("button", name="Acties").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX downloaden").click()
    assert download.value.suggested_filename.startswith("overdue-")
    assert download.value.suggested_filename.endswith(".xlsx")
    with open(download.value.path(), "rb") as spreadsheet:
        sheet = load_workbook(spreadsheet).active
        header, *data = list(sheet.iter_rows(values_only=True))
    assert header[0] == "Persoon"
    assert sorted(row[0] for row in data) == expected
    assert {row[header.index("Status")] for row in data} == {"Te laat"}


def test_every_report_page_is_accessible_in_dutch_and_english(
    demo, page, axe, page_errors
):
    log_in(page, demo, "hr@example.org", "/admin/")
    for url in PAGES:
        page.goto(f"{demo}{url}")
        assert page.locator("html").get_attribute("lang") == "nl"
        axe(page)

    hr = get_user_model().objects.get(email="hr@example.org")
    profile = UserProfile.get_for_user(hr)
    profile.preferred_language = "en"
    profile.save()
    for url in PAGES:
        page.goto(f"{demo}{url}")
        assert page.locator("html").get_attribute("lang") == "en"
        axe(page)
