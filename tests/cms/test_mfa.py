"""MFA through allauth.mfa, and the admin kept for whoever has set it up."""

from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.urls import reverse

from tests.factories import UserFactory
from tests.security_keys import registered_credential
from tests.totp import totp

pytestmark = pytest.mark.django_db

ADMIN_URLS = (
    "/admin/",
    "/admin/account/",
    reverse("hub_reports_completion"),
    reverse("hub_reports_overdue"),
    reverse("hub_readiness:index"),
    reverse("hub_certificates:index"),
)


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def required(settings):
    settings.HUB_MFA_REQUIRED_FOR_ADMIN = True


def sign_in(client, email, next_url="/admin/"):
    """allauth's login form, as a person fills it in."""
    return client.post(
        f"{reverse('account_login')}?next={next_url}",
        {"login": email, "password": "pass-word-1"},
    )


def with_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


# The admin's gate


def test_without_the_setting_an_admin_user_without_mfa_reaches_the_admin(client, hub):
    client.force_login(hub.hr)

    assert client.get("/admin/").status_code == HTTPStatus.OK


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_with_the_setting_an_admin_user_without_mfa_is_sent_to_the_steps(
    client, hub, required, url
):
    client.force_login(hub.hr)

    response = client.get(url)

    assert response.status_code == HTTPStatus.FOUND
    location = urlsplit(response["Location"])
    assert location.path == reverse("mfa_required")
    assert parse_qs(location.query)["next"] == [url]


def test_a_superuser_is_held_too(client, required):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)

    response = client.get("/admin/users/")

    assert response.status_code == HTTPStatus.FOUND
    assert urlsplit(response["Location"]).path == reverse("mfa_required")


def test_a_form_posted_to_the_admin_is_refused_and_changes_nothing(
    client, hub, required
):
    client.force_login(hub.hr)

    response = client.post(
        reverse("wagtailadmin_account"), {"name_email-first_name": "Changed"}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "mfa/required.html" in [t.name for t in response.templates]
    hub.hr.refresh_from_db()
    assert hub.hr.name == "HR Person"


def test_signing_out_of_the_admin_stays_open(client, hub, required):
    client.force_login(hub.hr)

    client.post(reverse("wagtailadmin_logout"))

    assert "_auth_user_id" not in client.session


def test_a_learner_without_admin_access_is_asked_nothing(client, hub, required):
    client.force_login(hub.learner)

    assert client.get(reverse("lms:my_learning")).status_code == HTTPStatus.OK
    # The admin refuses them as before: to its login, not to the steps.
    response = client.get("/admin/")
    assert urlsplit(response["Location"]).path != reverse("mfa_required")


def test_an_admin_user_with_an_authenticator_app_passes(client, hub, required):
    with_totp(hub.hr)
    client.force_login(hub.hr)

    for url in ADMIN_URLS:
        assert client.get(url).status_code == HTTPStatus.OK, url
    assert client.post(reverse("wagtailadmin_account"), {}).status_code != 403


def test_recovery_codes_alone_are_no_second_factor(client, hub, required):
    Authenticator.objects.create(
        user=hub.hr, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00"}
    )
    client.force_login(hub.hr)

    assert client.get("/admin/").status_code == HTTPStatus.FOUND


# The walk-through


def test_the_steps_lead_to_allauths_pages_and_back(client, hub, required):
    client.force_login(hub.hr)

    response = client.get(
        reverse("mfa_required"), {"next": reverse("hub_reports_overdue")}
    )

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert reverse("mfa_activate_totp") in page
    assert reverse("mfa_add_webauthn") in page
    assert "Continue to the admin" not in page
    # Once set up, the way on is where the admin sent them from.
    with_totp(hub.hr)
    page = client.get(reverse("mfa_required")).content.decode()
    assert "Done: your authenticator app is set up." in page
    assert f'href="{reverse("hub_reports_overdue")}"' in page
    assert reverse("mfa_view_recovery_codes") not in page  # none made here


def test_the_steps_drop_a_next_of_another_site(client, hub, required):
    with_totp(hub.hr)
    client.force_login(hub.hr)

    page = client.get(
        reverse("mfa_required"), {"next": "https://evil.example/"}
    ).content.decode()

    assert 'href="https://evil.example/"' not in page
    assert f'href="{reverse("wagtailadmin_home")}"' in page


def test_the_steps_ask_to_confirm_the_address_first(client, hub, required):
    EmailAddress.objects.create(
        user=hub.hr, email=hub.hr.email, verified=False, primary=True
    )
    client.force_login(hub.hr)

    page = client.get(reverse("mfa_required")).content.decode()

    assert "Confirm your email address" in page


def test_the_steps_ask_anonymous_people_to_sign_in(client):
    response = client.get(reverse("mfa_required"))

    assert urlsplit(response["Location"]).path == reverse("account_login")


def test_allauths_pages_lead_back_to_the_steps(client, hub, required):
    sign_in(client, hub.hr.email)

    page = client.get(reverse("mfa_index")).content.decode()

    assert reverse("mfa_required") in page


def test_the_steps_speak_dutch(client, hub, required):
    hub.hr.language = "nl"
    hub.hr.save()
    client.force_login(hub.hr)

    page = client.get(reverse("mfa_required")).content.decode()

    assert "Twee-factor-authenticatie instellen" in page
    # allauth's own pages in allauth's own Dutch.
    page = client.get(reverse("mfa_index")).content.decode()
    assert "Authenticator-app" in page


def test_the_admins_account_page_leads_to_two_factor_settings(client, hub):
    client.force_login(hub.hr)

    page = client.get(reverse("wagtailadmin_account")).content.decode()

    assert f'href="{reverse("mfa_index")}"' in page


def test_the_account_pages_lead_to_two_factor_settings(client, hub):
    client.force_login(hub.learner)

    page = client.get(reverse("account_change_password")).content.decode()

    assert f'href="{reverse("mfa_index")}"' in page


# allauth.mfa's own flows, through its views


def test_an_authenticator_app_is_activated_with_a_code_of_its_secret(
    client, hub, required
):
    sign_in(client, hub.hr.email)
    # allauth asks for the password again before a factor is added.
    response = client.get(reverse("mfa_activate_totp"))
    assert urlsplit(response["Location"]).path == reverse("account_reauthenticate")
    client.post(reverse("account_reauthenticate"), {"password": "pass-word-1"})

    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == HTTPStatus.OK
    secret = response.context["form"].secret
    assert secret in response.content.decode()  # to type in, beside the QR code
    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == HTTPStatus.OK
    assert not Authenticator.objects.filter(user=hub.hr).exists()

    response = client.post(reverse("mfa_activate_totp"), {"code": totp(secret)})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert set(
        Authenticator.objects.filter(user=hub.hr).values_list("type", flat=True)
    ) == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    codes = client.get(reverse("mfa_view_recovery_codes"))
    assert codes.status_code == HTTPStatus.OK
    assert len(codes.context["unused_codes"]) == 10
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_login_asks_for_the_code_and_refuses_a_wrong_one(client, hub):
    secret = with_totp(hub.hr)

    response = sign_in(client, hub.hr.email)

    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == HTTPStatus.OK
    wrong = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert wrong.status_code == HTTPStatus.OK
    assert wrong.context["form"].errors
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": totp(secret)})

    assert response["Location"] == "/admin/"
    assert client.session["_auth_user_id"] == str(hub.hr.pk)


def test_a_code_is_accepted_once(client, hub):
    secret = with_totp(hub.hr)
    code = totp(secret)
    sign_in(client, hub.hr.email)
    client.post(reverse("mfa_authenticate"), {"code": code})
    client.post(reverse("account_logout"))

    sign_in(client, hub.hr.email)
    again = client.post(reverse("mfa_authenticate"), {"code": code})

    assert again.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session


def test_the_admins_login_form_leads_through_the_second_step(client, hub, required):
    secret = with_totp(hub.hr)

    to_login = client.get(reverse("admin_login"), {"next": "/admin/pages/"})
    response = client.post(
        to_login["Location"], {"login": hub.hr.email, "password": "pass-word-1"}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp(secret)})

    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/")["Location"] == "/admin/"  # HR: no pages
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_a_recovery_code_signs_in_once(client, hub):
    with_totp(hub.hr)
    code = RecoveryCodes.activate(hub.hr).get_unused_codes()[0]

    sign_in(client, hub.hr.email)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response["Location"] == "/admin/"
    client.post(reverse("account_logout"))
    cache.clear()

    sign_in(client, hub.hr.email)
    again = client.post(reverse("mfa_authenticate"), {"code": code})

    assert again.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session


def test_someone_elses_security_key_is_not_found_even_after_reauthenticating(
    client, hub
):
    key = Authenticator.objects.create(
        user=hub.learner,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "Phone", "credential": registered_credential()},
    )
    sign_in(client, hub.outsider.email)
    client.post(reverse("account_reauthenticate"), {"password": "pass-word-1"})

    for name in ("mfa_edit_webauthn", "mfa_remove_webauthn"):
        url = reverse(name, kwargs={"pk": key.pk})
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND, name
        assert client.post(url).status_code == HTTPStatus.NOT_FOUND, name
    assert Authenticator.objects.filter(pk=key.pk).exists()


def test_a_security_key_alone_lets_an_admin_user_in(client, hub, required):
    Authenticator.objects.create(
        user=hub.hr,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "Key", "credential": registered_credential()},
    )
    client.force_login(hub.hr)

    assert client.get("/admin/").status_code == HTTPStatus.OK
    page = client.get(reverse("mfa_required")).content.decode()
    assert "Done: you have added 1 security key." in page
