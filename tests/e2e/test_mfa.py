"""An admin user sets up an authenticator app when the admin asks for it,
and is asked for its code from then on: in a real browser, with codes
computed from the secret the page shows, as a phone would."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.e2e.conftest import PASSWORD, PageErrors
from tests.totp import totp

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_in(page, base, email):
    page.goto(f"{base}/accounts/login/?next=/admin/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()


def test_hr_sets_up_an_authenticator_app_and_is_asked_for_its_code(
    page, demo, settings
):
    settings.HUB_MFA_REQUIRED_FOR_ADMIN = True
    get_user_model().objects.filter(email="hr@example.org").update(language="en")
    errors = PageErrors(page, under="/accounts/2fa/")

    sign_in(page, demo, "hr@example.org")

    # The admin sends her to the steps first.
    page.wait_for_url(re.compile(r"/accounts/2fa/required/\?next=%2Fadmin%2F$"))
    assert page.locator("h1").inner_text() == "Set up two-factor authentication"
    page.click("a[href='/accounts/2fa/totp/activate/']")
    # allauth asks for the password again before a factor is added.
    page.wait_for_url(re.compile(r"/accounts/reauthenticate/"))
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{demo}/accounts/2fa/totp/activate/")
    secret = page.input_value("#authenticator_secret")
    assert page.locator("main form img[src^='data:image/svg+xml']").is_visible()
    page.fill("input[name=code]", totp(secret))
    page.locator("main form button[type=submit]").click()

    # Recovery codes, shown once the app works.
    page.wait_for_url(f"{demo}/accounts/2fa/recovery-codes/")
    codes = page.input_value("#recovery_codes").split()
    assert len(codes) == 10
    page.click("a[href='/accounts/2fa/required/']")
    page.get_by_role("link", name="Continue to the admin").click()
    page.wait_for_url(f"{demo}/admin/")
    assert page.locator("#wagtail-sidebar, [data-side-panel], main").count()

    # Next time, the code is asked for after the password.
    page.context.clear_cookies()
    sign_in(page, demo, "hr@example.org")
    page.wait_for_url(f"{demo}/accounts/2fa/authenticate/")
    code_form = page.locator("form:has(input[name=code])")
    code_form.locator("input[name=code]").fill("000000")
    code_form.locator("button[type=submit]").click()
    page.wait_for_url(f"{demo}/accounts/2fa/authenticate/")
    assert page.locator("input[name=code]").get_attribute("aria-invalid") or (
        page.locator(".errorlist").count()
    )
    # The next period's code: the first one was used to activate the app,
    # and allauth takes each code once (MFA_TOTP_TOLERANCE lets it count).
    code_form = page.locator("form:has(input[name=code])")
    code_form.locator("input[name=code]").fill(totp(secret, periods_ahead=1))
    code_form.locator("button[type=submit]").click()
    page.wait_for_url(f"{demo}/admin/")
    errors.check()
