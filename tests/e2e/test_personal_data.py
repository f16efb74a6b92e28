"""HR reads the audit trail, downloads a person's data and erases them
through the admin screens."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from certification.models import Certificate
from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def screens(person):
    return [
        "/admin/hub/audit-trail/",
        "/admin/hub/audit-trail/?action=lms.join_role",
        "/admin/hub/personal-data/",
        f"/admin/hub/personal-data/?q={person.email}",
        f"/admin/hub/personal-data/{person.pk}/",
        f"/admin/hub/personal-data/{person.pk}/erase/",
    ]


def test_hr_reads_the_trail_and_erases_a_person(demo, page, axe, page_errors):
    User = get_user_model()
    person = Certificate.objects.exclude(holder__email="learner@example.org")[0].holder
    name, email = person.name, person.email
    log_in(page, demo, "hr@example.org", "/admin/hub/audit-trail/")
    assert page.locator("table").first.is_visible()
    # What a row shows: every cell filled, the action in words, not a code.
    rows = page.locator("table tbody tr")
    assert rows.count() > 10
    for index in range(3):
        cells = [
            text.strip() for text in rows.nth(index).locator("td").all_inner_texts()
        ]
        assert len(cells) >= 5 and all(cells), cells
        assert not any(re.fullmatch(r"[a-z_]+\.[a-z_]+", cell) for cell in cells), cells
    for url in screens(person):
        page.goto(f"{demo}{url}")
        assert page.locator("html").get_attribute("lang") == "nl"
        axe(page)

    hr = User.objects.get(email="hr@example.org")
    profile = UserProfile.get_for_user(hr)
    profile.preferred_language = "en"
    profile.save()
    for url in screens(person):
        page.goto(f"{demo}{url}")
        assert page.locator("html").get_attribute("lang") == "en"
        axe(page)

    # Find the person and download their data: a form, not a link.
    response = page.goto(f"{demo}/admin/hub/personal-data/")
    # Says where the browser ended up if the search form is not there.
    assert (response.status, page.url) == (200, f"{demo}/admin/hub/personal-data/")
    page.fill("#person-q", name)
    page.locator("form[role=search] button[type=submit]").click()
    page.get_by_role("link", name=name).click()
    assert not page.get_by_role("link", name="Download (JSON)").count()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download (JSON)").click()
    assert download.value.suggested_filename == f"personal-data-{person.pk}.json"
    with open(download.value.path(), encoding="utf-8") as file:
        assert json.load(file)["profile"]["email"] == email
    assert ModelLogEntry.objects.get(action="cms.export_person").user == hr
    # The download left the page where it was.
    assert page.url == f"{demo}/admin/hub/personal-data/{person.pk}/"

    # Open the erasure, confirm with their email address.
    page.get_by_role("link", name="Erase…").click()
    page.fill("#id_confirmation", email)
    page.locator("form.hub-form button[type=submit]").click()
    page.wait_for_url(f"{demo}/admin/hub/personal-data/{person.pk}/")
    assert page.get_by_text("The person's data has been erased").is_visible()
    axe(page)

    person.refresh_from_db()
    assert not person.is_active
    assert name not in person.name and person.email != email
    assert set(
        Certificate.objects.filter(holder=person).values_list(
            "revocation_reason", flat=True
        )
    ) == {"erased"}
