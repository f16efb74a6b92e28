"""Signing in through the organisation's provider, end to end: a real
browser, the site on a live server, node's oidc-provider on loopback, real
HTTP between them and ID tokens that provider signs."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from tests.e2e.conftest import PASSWORD
from tests.sso.conftest import PROVIDER_ID, person, sign_in_with_provider
from tests.totp import totp

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

User = get_user_model()


def signed_in_as(page, user):
    assert page.locator(".account-link").inner_text() == user.get_full_name()


def test_a_known_person_signs_in_and_is_linked_by_subject(sso, live_server, page):
    ada = person("ada@example.org", name="Ada Lovelace")
    sso.set_accounts(
        [{"sub": "ada-1", "email": "ada@example.org", "email_verified": True}]
    )

    sign_in_with_provider(page, live_server.url, "ada-1")

    assert page.url == f"{live_server.url}/learn/"
    signed_in_as(page, ada)
    account = SocialAccount.objects.get(provider=PROVIDER_ID, uid="ada-1")
    assert account.user == ada
    assert User.objects.count() == 1
    # Her address was verified here: nothing to guard against, she keeps
    # her password.
    ada.refresh_from_db()
    assert ada.check_password(PASSWORD)
    assert ModelLogEntry.objects.filter(
        action="cms.sso_sign_in", object_id=str(ada.pk), user=ada
    ).exists()


def test_a_linked_person_is_found_by_subject_after_the_address_changed(
    sso, live_server, page
):
    ada = person("ada@example.org", name="Ada Lovelace")
    SocialAccount.objects.create(user=ada, provider=PROVIDER_ID, uid="ada-1")
    # The provider now gives another address, and does not vouch for it.
    sso.set_accounts(
        [{"sub": "ada-1", "email": "a.lovelace@example.net", "email_verified": False}]
    )

    sign_in_with_provider(page, live_server.url, "ada-1")

    assert page.url == f"{live_server.url}/learn/"
    signed_in_as(page, ada)
    assert User.objects.count() == 1
    assert SocialAccount.objects.get().user == ada


def test_a_second_sign_in_matches_by_subject_once_linked_by_email(
    sso, live_server, page
):
    ada = person("ada@example.org", name="Ada Lovelace")
    sso.set_accounts(
        [{"sub": "ada-1", "email": "ada@example.org", "email_verified": True}]
    )
    sign_in_with_provider(page, live_server.url, "ada-1")
    page.context.clear_cookies()
    sso.set_accounts(
        [{"sub": "ada-1", "email": "ada@elsewhere.example", "email_verified": True}]
    )

    sign_in_with_provider(page, live_server.url, "ada-1")

    assert page.url == f"{live_server.url}/learn/"
    signed_in_as(page, ada)
    assert User.objects.count() == 1
    assert SocialAccount.objects.get().user == ada


def test_an_unknown_person_is_refused_with_whom_to_ask(
    sso, live_server, page, settings
):
    settings.SSO_HELP_CONTACT = "the HR desk (hr@example.org)"
    sso.set_accounts(
        [{"sub": "eve-1", "email": "eve@example.org", "email_verified": True}]
    )

    with page.expect_response(lambda r: "/callback/" in r.url) as callback:
        sign_in_with_provider(page, live_server.url, "eve-1")

    assert callback.value.status == 403
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "You cannot sign in here yet"
    text = page.locator("main").inner_text()
    assert "Test IdP signed you in as eve@example.org" in text
    assert "Ask the HR desk (hr@example.org) to give you access." in text
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()


def test_an_address_the_provider_does_not_vouch_for_takes_no_account(
    sso, live_server, page, settings
):
    settings.SSO_SIGNUP_OPEN = True
    ada = person("ada@example.org", name="Ada Lovelace")
    sso.set_accounts(
        [{"sub": "eve-1", "email": "ada@example.org", "email_verified": False}]
    )

    with page.expect_response(lambda r: "/callback/" in r.url) as callback:
        sign_in_with_provider(page, live_server.url, "eve-1")

    assert callback.value.status == 403
    assert (
        "did not confirm that this address is yours"
        in page.locator("main").inner_text()
    )
    assert list(User.objects.all()) == [ada]
    assert not SocialAccount.objects.exists()
    ada.refresh_from_db()
    assert ada.check_password(PASSWORD)


def test_with_sign_up_open_an_unknown_person_gets_an_account(
    sso, live_server, page, settings
):
    settings.SSO_SIGNUP_OPEN = True
    sso.set_accounts(
        [
            {
                "sub": "grace-1",
                "email": "grace@example.org",
                "email_verified": True,
                "name": "Grace Hopper",
            }
        ]
    )

    sign_in_with_provider(page, live_server.url, "grace-1")

    assert page.url == f"{live_server.url}/learn/"
    grace = User.objects.get()
    assert grace.email == "grace@example.org"
    assert grace.get_full_name() == "Grace Hopper"
    assert not grace.has_usable_password()
    assert SocialAccount.objects.get(uid="grace-1").user == grace
    assert ModelLogEntry.objects.filter(
        action="cms.sso_sign_up", object_id=str(grace.pk)
    ).exists()


def test_with_sso_only_the_password_is_for_the_break_glass_admin_alone(
    sso, live_server, page, settings
):
    settings.SSO_ONLY = True
    settings.SSO_BREAK_GLASS_EMAILS = ["emergency@example.org"]
    person("ada@example.org", name="Ada Lovelace")
    person("emergency@example.org", name="Emergency Admin", is_superuser=True)
    base = live_server.url

    page.goto(f"{base}/accounts/login/?next=/learn/")
    assert page.locator("button.sso-provider").is_visible()
    password_form = page.locator("details.break-glass")
    assert not password_form.locator("input[name=password]").is_visible()
    password_form.locator("summary").click()
    page.fill("input[name=login]", "ada@example.org")
    page.fill("input[name=password]", PASSWORD)
    password_form.locator("button[type=submit]").click()
    page.wait_for_load_state()

    assert page.url.startswith(f"{base}/accounts/login/")
    assert "passwords are only for the administrators' emergency accounts" in (
        password_form.inner_text()
    )
    assert page.locator(".account-link").count() == 0

    page.fill("input[name=login]", "emergency@example.org")
    page.fill("input[name=password]", PASSWORD)
    password_form.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/learn/")
    assert page.locator(".account-link").inner_text() == "Emergency Admin"
    page.goto(f"{base}/admin/")
    assert page.url == f"{base}/admin/"


@pytest.fixture
def admin_user(db):
    """A hub manager: someone who can reach the Wagtail admin."""
    hub_manager = person("manager@example.org", name="Mia Manager")
    group, _ = Group.objects.get_or_create(name="SSO admin users")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    hub_manager.groups.add(group)
    return hub_manager


def test_an_admin_signs_in_through_the_provider_and_is_asked_for_mfa(
    sso, live_server, page, admin_user
):
    secret = generate_totp_secret()
    TOTP.activate(admin_user, secret)
    sso.set_accounts(
        [{"sub": "mia-1", "email": "manager@example.org", "email_verified": True}]
    )
    base = live_server.url

    sign_in_with_provider(page, base, "mia-1", then="/admin/")

    # The provider's sign-in is the first factor; allauth.mfa asks for the
    # second before anyone is signed in.
    assert page.url.startswith(f"{base}/accounts/2fa/authenticate/")
    before = page.request.get(f"{base}/admin/", max_redirects=0)
    assert before.status == 302
    assert "/login/" in before.headers["location"]
    page.fill("input[name=code]", totp(secret))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/")
    assert SocialAccount.objects.get(uid="mia-1").user == admin_user


def test_an_admin_without_a_second_factor_is_sent_to_set_one_up(
    sso, live_server, page, admin_user, settings
):
    settings.HUB_MFA_REQUIRED_FOR_ADMIN = True
    sso.set_accounts(
        [{"sub": "mia-1", "email": "manager@example.org", "email_verified": True}]
    )
    base = live_server.url

    sign_in_with_provider(page, base, "mia-1", then="/admin/")

    assert page.url.startswith(f"{base}/accounts/2fa/required/")
    assert SocialAccount.objects.get(uid="mia-1").user == admin_user
