"""Log-in limits: per client address, and per address and account together."""

from datetime import UTC, datetime
from http import HTTPStatus

import pytest
import time_machine
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from cms import login_attempts
from cms.settings import base
from tests.factories import UserFactory
from tests.production_settings import use_production_client_address

pytestmark = pytest.mark.django_db

PASSWORD = "pass-word-1"  # UserFactory's
BALANCER = "10.0.0.1"


@pytest.fixture(autouse=True)
def limits(settings):
    """The site's own limits; the test settings turn them off."""
    settings.ACCOUNT_RATE_LIMITS = getattr(base, "ACCOUNT_RATE_LIMITS", {})
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def clock():
    """Time stands still unless a test moves it: waits are a second long."""
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False) as t:
        yield t


def log_in(login, password, **meta):
    """POST the log-in form from a fresh browser that reads English."""
    browser = Client()
    browser.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return browser.post(
        reverse("account_login"), {"login": login, "password": password}, **meta
    )


def logged_in(response) -> bool:
    return response.status_code == HTTPStatus.FOUND and response["Location"] == reverse(
        "lms:my_learning"
    )


def refusal(response) -> str:
    """The form's message when the attempt was refused, else ""."""
    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].non_field_errors().as_data()
    return " ".join(
        " ".join(error.messages)
        for error in errors
        if error.code == "too_many_login_attempts"
    )


def test_behind_the_balancer_failures_of_one_client_spare_another(settings):
    settings.LMS_TRUSTED_PROXY_COUNT = 1
    victims = [UserFactory() for _ in range(4)]
    bystander = UserFactory()
    for attempt in range(24):
        log_in(
            victims[attempt % 4].email,
            "wrong",
            REMOTE_ADDR=BALANCER,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 203.0.113.7",
        )
    response = log_in(
        bystander.email,
        PASSWORD,
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert logged_in(response)


def test_without_a_proxy_rotating_x_forwarded_for_does_not_escape(
    settings, monkeypatch
):
    """Production's defaults, when the environment names no proxy."""
    use_production_client_address(settings, monkeypatch)
    person = UserFactory()
    for attempt in range(login_attempts.FREE_FAILURES):
        response = log_in(
            person.email,
            "wrong",
            REMOTE_ADDR="198.51.100.4",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}",
        )
        assert not refusal(response)
    response = log_in(
        person.email,
        PASSWORD,
        REMOTE_ADDR="198.51.100.4",
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert "Try again in 1 second." in refusal(response)


def test_a_stranger_guessing_cannot_lock_the_person_out(clock):
    person = UserFactory()
    for _ in range(12):
        clock.shift(5)
        log_in(person.email.upper(), "wrong", REMOTE_ADDR="203.0.113.66")
    assert logged_in(log_in(person.email, PASSWORD, REMOTE_ADDR="198.51.100.20"))
    # And however long the siege, the person's own address never waits.
    for _ in range(12):
        clock.shift(login_attempts.MAX_DELAY)
        log_in(person.email, "wrong", REMOTE_ADDR="203.0.113.66")
    assert logged_in(log_in(person.email, PASSWORD, REMOTE_ADDR="198.51.100.20"))


def test_the_delay_grows_and_the_right_password_after_it_clears_it(clock):
    person = UserFactory()
    address = {"REMOTE_ADDR": "203.0.113.66"}
    for _ in range(login_attempts.FREE_FAILURES):
        assert not refusal(log_in(person.email, "wrong", **address))
    # The right password does not lift the wait...
    assert "Try again in 1 second." in refusal(
        log_in(person.email, PASSWORD, **address)
    )
    clock.shift(1)
    assert not refusal(log_in(person.email, "wrong", **address))
    # ...which doubles with each further failure.
    clock.shift(1)
    assert "Try again in 1 second." in refusal(
        log_in(person.email, PASSWORD, **address)
    )
    clock.shift(1)
    assert logged_in(log_in(person.email, PASSWORD, **address))
    # The count starts again.
    for _ in range(login_attempts.FREE_FAILURES):
        assert not refusal(log_in(person.email, "wrong", **address))
    assert refusal(log_in(person.email, PASSWORD, **address))


def test_a_long_wait_is_said_in_minutes(clock):
    person = UserFactory()
    address = {"REMOTE_ADDR": "2001:db8:5:6::1"}
    for _ in range(login_attempts.FREE_FAILURES + 8):
        clock.shift(login_attempts.MAX_DELAY)
        assert not refusal(log_in(person.email, "wrong", **address))
    # 2**8 seconds after the last failure; the same /64 network waits too.
    response = log_in(person.email, PASSWORD, REMOTE_ADDR="2001:db8:5:6::2")
    assert "Try again in 5 minutes." in refusal(response)


def test_the_delay_is_the_same_for_an_unknown_account():
    for _ in range(login_attempts.FREE_FAILURES):
        log_in("nobody@example.org", "wrong", REMOTE_ADDR="203.0.113.66")
    response = log_in("nobody@example.org", "wrong", REMOTE_ADDR="203.0.113.66")
    assert "Try again in 1 second." in refusal(response)


# How many wrong passwords one address may send a minute, whatever the account.
FAILURES_PER_ADDRESS = int(base.ACCOUNT_RATE_LIMITS["login_failed"].split("/")[0])


def test_one_address_cannot_spray_many_accounts(settings):
    settings.LMS_TRUSTED_PROXY_COUNT = 0
    people = [UserFactory() for _ in range(FAILURES_PER_ADDRESS + 1)]
    for i, person in enumerate(people[:FAILURES_PER_ADDRESS]):
        response = log_in(
            person.email,
            "wrong",
            REMOTE_ADDR="203.0.113.66",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i}",
        )
        assert not refusal(response)
    last = people[FAILURES_PER_ADDRESS]
    refused = log_in(last.email, PASSWORD, REMOTE_ADDR="203.0.113.66")
    assert "Try again later." in refusal(refused)
    assert logged_in(log_in(last.email, PASSWORD, REMOTE_ADDR="198.51.100.20"))


def test_a_password_reset_lifts_the_delay_but_not_the_address_limit(settings):
    settings.ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
    people = [
        UserFactory()
        for _ in range(FAILURES_PER_ADDRESS - login_attempts.FREE_FAILURES + 1)
    ]
    person = people[0]
    EmailAddress.objects.create(
        user=person, email=person.email, primary=True, verified=True
    )
    address = {"REMOTE_ADDR": "203.0.113.66"}
    for other in people[1:]:
        log_in(other.email, "wrong", **address)
    for _ in range(login_attempts.FREE_FAILURES):
        log_in(person.email, "wrong", **address)
    assert login_attempts.claim_turn(address="203.0.113.66", login=person.email)

    browser = Client()
    url = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(person),
            "key": default_token_generator.make_token(person),
        },
    )
    set_password = browser.get(url, **address)["Location"]
    new_password = {"password1": "a-new-pass-9", "password2": "a-new-pass-9"}
    assert browser.post(set_password, new_password, **address).status_code == (
        HTTPStatus.FOUND
    )

    assert not login_attempts.claim_turn(address="203.0.113.66", login=person.email)
    # The address's failures still count.
    refused = log_in(person.email, "a-new-pass-9", **address)
    assert "Try again later." in refusal(refused)


@pytest.mark.parametrize(
    "failures, delay",
    [(0, 0), (2, 0), (3, 1), (4, 2), (10, 128), (13, 900), (10**6, 900)],
)
def test_the_delay_doubles_up_to_fifteen_minutes(failures, delay):
    assert login_attempts.delay_after(failures) == delay


def test_concurrent_attempts_after_a_wait_get_one_turn(clock):
    who = {"address": "203.0.113.66", "login": "person@example.org"}
    for _ in range(login_attempts.FREE_FAILURES):
        login_attempts.record_failure(**who)
    assert login_attempts.claim_turn(**who) == 1
    clock.shift(1)
    assert login_attempts.claim_turn(**who) == 0
    assert login_attempts.claim_turn(**who) == 1  # the other request waits
    assert login_attempts.record_failure(**who) == 2
    assert login_attempts.claim_turn(**who) == 2
