import pytest
from allauth.account.adapter import get_adapter
from allauth.core.internal.ratelimit import get_ip
from django.test import RequestFactory

from lms.checks import client_address_settings_check
from lms.support.client_address import client_ip, normalise, rate_limit_address


def request(**meta):
    return RequestFactory().get("/", **{"REMOTE_ADDR": "10.0.0.1", **meta})


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored():
    assert client_ip(request(HTTP_X_FORWARDED_FOR="203.0.113.7")) == "10.0.0.1"


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "192.0.2.1, 203.0.113.7", "203.0.113.7"),
        (2, "192.0.2.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (1, "192.0.2.1,203.0.113.7:51234", "203.0.113.7"),
        # Fewer entries than trusted proxies: what is there may be the
        # client's own, so the connection counts.
        (2, "203.0.113.7", "10.0.0.1"),
        # Not an address where the trusted proxy writes one.
        (1, "192.0.2.1, not-an-address", "10.0.0.1"),
        (1, "192.0.2.1, ", "10.0.0.1"),
        (1, None, "10.0.0.1"),
    ],
)
def test_the_address_the_outermost_trusted_proxy_added_counts(
    settings, count, forwarded, expected
):
    settings.LMS_TRUSTED_PROXY_COUNT = count
    meta = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    assert client_ip(request(**meta)) == expected


@pytest.mark.parametrize("header", ["X-Real-IP", "x-real-ip", "HTTP_X_REAL_IP"])
def test_a_named_header_counts_whatever_x_forwarded_for_says(settings, header):
    settings.LMS_CLIENT_IP_HEADER = header
    settings.LMS_TRUSTED_PROXY_COUNT = 1
    got = client_ip(
        request(HTTP_X_REAL_IP="203.0.113.7", HTTP_X_FORWARDED_FOR="192.0.2.1")
    )
    assert got == "203.0.113.7"


@pytest.mark.parametrize("value", [None, "", "spoofed, 203.0.113.7"])
def test_without_a_valid_named_header_the_connection_counts(settings, value):
    settings.LMS_CLIENT_IP_HEADER = "X-Real-IP"
    meta = {"HTTP_X_REAL_IP": value} if value is not None else {}
    assert client_ip(request(**meta)) == "10.0.0.1"


def test_an_unusable_connection_address_shares_one_limit():
    assert client_ip(request(REMOTE_ADDR="")) == "unknown"


@pytest.mark.parametrize(
    "value, expected",
    [
        (" 203.0.113.7 ", "203.0.113.7"),
        ("203.0.113.7:443", "203.0.113.7"),
        ("2001:DB8:0:0::0001", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("unknown", None),
        ("", None),
        (None, None),
    ],
)
def test_addresses_are_normalised(value, expected):
    assert normalise(value) == expected


def test_limits_count_ipv6_clients_by_their_64_network():
    assert rate_limit_address(request(REMOTE_ADDR="2001:db8:1:2:3:4:5:6")) == (
        "2001:db8:1:2::/64"
    )
    assert rate_limit_address(request()) == "10.0.0.1"


def test_allauths_limits_count_the_same_address(settings):
    settings.LMS_TRUSTED_PROXY_COUNT = 1
    spoofed = request(HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7")
    assert get_adapter().get_client_ip(spoofed) == "203.0.113.7"
    assert get_ip(spoofed) == "203.0.113.7"


@pytest.mark.parametrize("value, errors", [(0, 0), (2, 0), ("1", 0), (-1, 1), ("x", 1)])
def test_a_bad_proxy_count_is_reported(settings, value, errors):
    settings.LMS_TRUSTED_PROXY_COUNT = value
    found = client_address_settings_check(None)
    assert [error.id for error in found] == ["lms.E001"] * errors
