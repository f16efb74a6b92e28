"""The learner pages inside the host site's base template, with the plugins'
own stylesheet (issue 12, item 4)."""

from pathlib import Path

import pytest
from django.urls import reverse

from lms.learning import services
from tests.factories import make_course

pytestmark = pytest.mark.django_db

HOST_TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = "/static/courses/hub-academy.css"


@pytest.fixture
def host_base(settings):
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [HOST_TEMPLATES, *engine.get("DIRS", [])]
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]
    settings.HUB_ACADEMY_BASE_TEMPLATE = "host_base.html"


def _pages(client, catalogue, user):
    course = make_course(catalogue, title="Webcare basics", slug="webcare")
    module = course.get_modules().first()
    services.enrol(user=user, course=course)
    client.force_login(user)
    return {
        "catalogue": catalogue.url,
        "course": course.url,
        "module": module.url,
        "my learning": reverse("lms:my_learning"),
        "verify": reverse("certification:verify_start"),
    }


def test_every_learner_page_sits_in_the_hosts_base_template(
    client, catalogue, user, host_base
):
    for name, url in _pages(client, catalogue, user).items():
        html = client.get(url).content.decode()
        assert "HOST SITE HEADER" in html, name
        assert html.count(STYLESHEET) == 1, name


def test_by_default_the_base_template_is_base_html(client, catalogue, user):
    for name, url in _pages(client, catalogue, user).items():
        html = client.get(url).content.decode()
        assert "HOST SITE HEADER" not in html, name
        assert 'class="site-header"' in html, name  # the demo's base.html
        assert html.count(STYLESHEET) == 1, name
