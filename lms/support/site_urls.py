"""Absolute links for mails, which are read away from any request."""

from django.conf import settings


def absolute_url(url: str | None) -> str | None:
    """The URL with the site's address (WAGTAILADMIN_BASE_URL) in front,
    unless it has one already."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
