from datetime import date, timedelta
from http import HTTPStatus

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from certification import services, verification
from certification.models import Certification
from tests.production_settings import use_production_client_address

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def still_clock():
    """The limit counts a fixed minute: a test must not cross into the next."""
    now = timezone.now().replace(second=1, microsecond=0)
    with time_machine.travel(now, tick=False):
        yield


@pytest.fixture
def certificate(db):
    from tests.factories import UserFactory

    holder = UserFactory(
        name="Sanne de Vries",
        email="sanne.private@example.org",
        employee_number="E-4711",
    )
    certification = Certification.objects.create(
        name="Crisis communication", validity_months=12
    )
    return services.issue_certificate(
        holder=holder, certification=certification, valid_from=timezone.localdate()
    )


def test_anyone_verifies_a_certificate_by_its_code(client, certificate):
    response = client.get(reverse("certification:verify", args=[certificate.code]))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Sanne de Vries" in page and "Crisis communication" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response.context["status"] == "valid"
    # Nothing personal beyond the holder's name.
    for private in ("sanne.private@example.org", "E-4711"):
        assert private not in page


def test_a_revoked_certificate_shows_the_date_never_the_reason(client, certificate):
    from tests.factories import UserFactory

    superuser = UserFactory(is_superuser=True)
    services.revoke(certificate=certificate, by=superuser, reason="Caught cheating")
    page = client.get(
        reverse("certification:verify", args=[certificate.code])
    ).content.decode()
    assert "Caught cheating" not in page
    assert timezone.localdate().strftime("%Y") in page
    assert "verify--revoked" in page


def test_an_expired_certificate_says_so(client, certificate):
    certificate.valid_from = date(2020, 1, 1)
    certificate.valid_until = date(2020, 12, 31)
    certificate.save()
    response = client.get(reverse("certification:verify", args=[certificate.code]))
    assert response.context["status"] == "expired"


def test_an_unknown_code_is_a_404_that_says_why(client, certificate, settings):
    settings.DEBUG = True  # as in the demo: not Django's technical 404
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("certification:verify", args=["x" * 43]))
    assert response.status_code == HTTPStatus.NOT_FOUND
    page = response.content.decode()
    assert "No certificate has this code." in page
    assert "may be forged" in page and "mistyped" in page
    assert 'value="' + "x" * 43 + '"' in page  # to correct and try again
    assert "URLconf" not in page


def test_an_outsider_types_a_code_and_reaches_the_certificate(client, certificate):
    start = client.get(reverse("certification:verify_start"))
    assert start.status_code == HTTPStatus.OK
    assert 'name="code"' in start.content.decode()

    # As printed, in groups, in lower case, with O and I typed for 0 and 1.
    typed = (
        verification.printed(certificate.code)
        .lower()
        .replace("0", "o")
        .replace("1", "i")
    )
    response = client.get(reverse("certification:verify_start"), {"code": typed})
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("certification:verify", args=[certificate.code])
    assert client.get(response.url).context["certificate"] == certificate


def test_a_pasted_link_or_an_older_long_code_is_found_too(client, certificate):
    link = f"https://academy.example.org/verify/{certificate.code}/\n"
    response = client.get(reverse("certification:verify_start"), {"code": link})
    assert response.url == reverse("certification:verify", args=[certificate.code])
    # A code made before the short ones: 43 characters of base64, as it is.
    certificate.code = "Ab-_" + "x" * 39
    certificate.save()
    response = client.get(reverse("certification:verify", args=[certificate.code]))
    assert response.context["certificate"] == certificate


@pytest.mark.parametrize("typed", ["", "   ", "not a code!", "<script>"])
def test_what_cannot_be_a_code_is_refused_on_the_form(client, typed):
    response = client.get(reverse("certification:verify_start"), {"code": typed})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'aria-invalid="true"' in response.content.decode()


def test_unknown_codes_count_towards_the_rate_limit(client, certificate, settings):
    settings.CERTIFICATION_VERIFY_RATE_LIMIT = 2
    unknown = reverse("certification:verify", args=["y" * 26])
    assert client.get(unknown).status_code == HTTPStatus.NOT_FOUND
    assert client.get(unknown).status_code == HTTPStatus.NOT_FOUND
    assert client.get(unknown).status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_codes_are_printed_in_groups_and_keep_128_bits():
    code = verification.new_code()
    assert len(code) == 26  # 26 x 5 bits = 130
    assert verification.printed(code).count("-") == 6
    assert verification.candidates(verification.printed(code)) == [
        code,
        verification.printed(code),
    ]
    assert len({verification.new_code() for _ in range(1000)}) == 1000


@pytest.mark.parametrize(
    "language, text", [("nl", "Geldig tot"), ("en", "Valid until")]
)
def test_the_page_speaks_dutch_and_english(
    client, certificate, language, text, settings
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(
        reverse("certification:verify", args=[certificate.code])
    ).content.decode()
    assert f'<html lang="{language}">' in page and text in page


@pytest.mark.usefixtures("still_clock")
def test_verification_is_rate_limited_per_client_address(client, certificate, settings):
    settings.CERTIFICATION_VERIFY_RATE_LIMIT = 5
    url = reverse("certification:verify", args=[certificate.code])
    codes = [client.get(url, REMOTE_ADDR="10.0.0.1").status_code for _ in range(7)]
    assert codes == [200] * 5 + [429] * 2
    # Guessing codes counts too, and another address is not affected.
    assert (
        client.get(
            reverse("certification:verify", args=["guess"]), REMOTE_ADDR="10.0.0.1"
        ).status_code
        == 429
    )
    assert client.get(url, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_the_valid_until_is_shown(client, certificate):
    page = client.get(
        reverse("certification:verify", args=[certificate.code])
    ).content.decode()
    assert str((timezone.localdate() + timedelta(days=364)).year) in page


def test_a_holder_without_a_name_is_not_shown_by_email(client, certificate):
    certificate.holder.name = ""
    certificate.holder.save()
    page = client.get(
        reverse("certification:verify", args=[certificate.code])
    ).content.decode()
    assert "sanne.private@example.org" not in page


@pytest.mark.usefixtures("still_clock")
def test_behind_a_proxy_the_address_it_saw_counts(client, certificate, settings):
    settings.CERTIFICATION_VERIFY_RATE_LIMIT = 2
    settings.LMS_TRUSTED_PROXY_COUNT = 1
    url = reverse("certification:verify", args=[certificate.code])
    codes = [
        client.get(
            url,
            REMOTE_ADDR="10.0.0.1",  # the load balancer
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i}, 203.0.113.7",
        ).status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]
    # Another client behind the same balancer has its own limit.
    other = client.get(url, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other.status_code == HTTPStatus.OK


@pytest.mark.usefixtures("still_clock")
def test_a_header_the_proxy_sets_counts_when_named(client, certificate, settings):
    settings.CERTIFICATION_VERIFY_RATE_LIMIT = 1
    settings.LMS_CLIENT_IP_HEADER = "X-Real-IP"
    url = reverse("certification:verify", args=[certificate.code])
    first = client.get(url, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.7")
    again = client.get(
        url,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_REAL_IP="203.0.113.7",
        HTTP_X_FORWARDED_FOR="192.0.2.1",
    )
    other = client.get(url, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.8")
    assert [first.status_code, again.status_code, other.status_code] == [
        HTTPStatus.OK,
        HTTPStatus.TOO_MANY_REQUESTS,
        HTTPStatus.OK,
    ]


@pytest.mark.usefixtures("still_clock")
def test_without_a_proxy_rotating_x_forwarded_for_escapes_no_limit(
    client, certificate, settings, monkeypatch
):
    """Production's defaults, when the environment names no proxy."""
    use_production_client_address(settings, monkeypatch)
    settings.CERTIFICATION_VERIFY_RATE_LIMIT = 2
    url = reverse("certification:verify", args=[certificate.code])
    codes = [
        client.get(
            url, REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR=f"192.0.2.{i}"
        ).status_code
        for i in range(4)
    ]
    assert codes == [200, 200, 429, 429]


@pytest.mark.usefixtures("still_clock")
def test_ipv6_clients_are_limited_by_their_64_network(client, certificate, settings):
    settings.CERTIFICATION_VERIFY_RATE_LIMIT = 2
    url = reverse("certification:verify", args=[certificate.code])
    codes = [
        client.get(url, REMOTE_ADDR=f"2001:db8:1:2::{i:x}").status_code
        for i in range(1, 4)
    ]
    assert codes == [200, 200, 429]
    assert client.get(url, REMOTE_ADDR="2001:db8:1:3::1").status_code == 200


def test_the_old_client_address_setting_is_reported(settings):
    from certification.checks import old_client_address_setting_check

    assert old_client_address_setting_check(None) == []
    settings.CERTIFICATION_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    (warning,) = old_client_address_setting_check(None)
    assert warning.id == "certification.W001"
    assert "LMS_TRUSTED_PROXY_COUNT" in warning.hint
    assert "LMS_CLIENT_IP_HEADER" in warning.hint
