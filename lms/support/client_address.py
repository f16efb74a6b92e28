"""The client's address, decided in one place for every rate limit.

Behind proxies only what a trusted proxy wrote counts: with
``LMS_CLIENT_IP_HEADER`` the header it sets (such as ``X-Real-IP``), else
with ``LMS_TRUSTED_PROXY_COUNT = N`` the N-th address from the right of
``X-Forwarded-For``, the one the outermost trusted proxy added. Anything to
the left of it is written by the client. Without either setting the header
is ignored and the connection's own address, ``REMOTE_ADDR``, counts.
"""

import ipaddress

from lms import app_settings

# A household, phone or virtual machine is usually given a whole /64; keying
# on single IPv6 addresses would let one client rotate through 2**64 of them.
# allauth's own limits do the same (ALLAUTH_RATE_LIMIT_IPV6_PREFIX, 64).
IPV6_PREFIX = 64

UNKNOWN = "unknown"


def _meta_key(header: str) -> str:
    """``X-Real-IP`` (as a proxy names it) or ``HTTP_X_REAL_IP`` (as WSGI does)."""
    key = header.strip().upper().replace("-", "_")
    return key if key.startswith("HTTP_") else f"HTTP_{key}"


def normalise(value: str | None) -> str | None:
    """The address in ``value`` in canonical form, or None if it is not one.

    Accepts a port (``1.2.3.4:80``, ``[2001:db8::1]:80``) and gives an
    IPv4-mapped IPv6 address as the IPv4 address it stands for.
    """
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def _forwarded(request) -> str | None:
    count = app_settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return None
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(entries) < count:
        # Fewer entries than trusted proxies: the request did not come
        # through all of them, so what is there may be the client's own.
        return None
    return normalise(entries[-count])


def client_ip(request) -> str:
    """The client's IP address, as the trusted proxies saw it.

    Falls back to ``REMOTE_ADDR`` when the configured header is missing or
    holds no valid address, and to ``"unknown"`` when that is not one either
    (every such request then shares one limit, which errs on the safe side).
    """
    header = app_settings.CLIENT_IP_HEADER
    if header:
        address = normalise(request.META.get(_meta_key(header)))
    else:
        address = _forwarded(request)
    return address or normalise(request.META.get("REMOTE_ADDR")) or UNKNOWN


def rate_limit_address(request) -> str:
    """What rate limits count the request under: the client's IPv4 address,
    or the /64 network of its IPv6 address."""
    address = client_ip(request)
    if ":" not in address:
        return address
    network = ipaddress.IPv6Network(f"{address}/{IPV6_PREFIX}", strict=False)
    return str(network)
