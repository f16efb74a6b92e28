"""Where the learner pages sit in the host site: the host's base template."""

from django.conf import settings


def page_context() -> dict:
    """For the plugins' page templates (hub_academy/page.html): the base
    template to extend, HUB_ACADEMY_BASE_TEMPLATE ("base.html", as `wagtail
    start` makes it, by default)."""
    return {
        "hub_base_template": getattr(settings, "HUB_ACADEMY_BASE_TEMPLATE", "base.html")
    }
