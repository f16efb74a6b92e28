"""A learner's certificate, proven to an outsider; HR's readiness overview."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from certification import services
from certification.models import Certificate
from tests.e2e.conftest import PASSWORD

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_learner_downloads_a_certificate_an_outsider_verifies_it(demo, page, axe):
    certificate = Certificate.objects.get(
        holder__email="learner@example.org", certification__name="Personal branding"
    )
    page.goto(f"{demo}/accounts/login/?next=/learn/")
    page.fill("input[name=login]", "learner@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{demo}/learn/")
    section = page.locator("section[aria-labelledby=certificates-heading]")
    assert section.get_by_role("heading", name="Personal branding").is_visible()
    with page.expect_download() as download:
        section.locator(f"a[href$='/certificates/{certificate.code}/pdf/']").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # An outsider, without an account, in both languages.
    page.context.clear_cookies()
    verify_url = f"{demo}/verify/{certificate.code}/"
    page.goto(verify_url)
    assert page.locator(".verify--valid").is_visible()
    assert page.get_by_text("Sanne de Vries").is_visible()
    axe(page)
    page.locator(".language-switch button[value=en]").click()
    page.wait_for_load_state()
    assert page.get_by_text("This certificate is valid.").is_visible()
    axe(page)

    services.revoke(
        certificate=certificate,
        by=get_user_model().objects.get(email="manager@example.org"),
        reason="Test of the revocation",
    )
    page.goto(verify_url)
    assert page.locator(".verify--revoked").is_visible()
    assert not page.get_by_text("Test of the revocation").count()
    axe(page)
    page.goto(f"{demo}/verify/not-a-real-code/")
    assert page.get_by_role("heading", level=1).is_visible()


def test_hr_sees_readiness_per_role(demo, page, axe, page_errors):
    page.goto(f"{demo}/accounts/login/?next=/admin/hub/readiness/")
    page.fill("input[name=login]", "hr@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{demo}/admin/hub/readiness/")
    assert page.locator("svg.readiness-chart").is_visible()
    assert page.locator("table.hub-table tbody tr").count() >= 3
    axe(page)
    for url in ("/admin/hub/certificates/", "/admin/hub/certifications/"):
        page.goto(f"{demo}{url}")
        axe(page)
    hr = get_user_model().objects.get(email="hr@example.org")
    profile = UserProfile.get_for_user(hr)
    profile.preferred_language = "en"
    profile.save()
    for url in ("/admin/hub/readiness/", "/admin/hub/certificates/"):
        page.goto(f"{demo}{url}")
        assert page.locator("html").get_attribute("lang") == "en"
        axe(page)
