"""The catalogue: a search box, and each card's state for the reader."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lms.assignments import services as assignments
from lms.learning import services
from tests.factories import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(catalogue):
    return {
        name: make_course(catalogue, title=title, slug=name)
        for name, title in (
            ("crisis", "Crisis communication"),
            ("webcare", "Webcare basics"),
            ("recruit", "Recruiting online"),
        )
    }


def _card_titles(html):
    return [
        part.split("</a>")[0].split(">")[-1]
        for part in html.split('<h2 class="card__title">')[1:]
    ]


def test_the_search_box_finds_courses_by_title_and_summary(
    client, catalogue, courses, settings
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(catalogue.url, {"q": "webcare"}).content.decode()
    assert _card_titles(html) == ["Webcare basics"]
    assert 'value="webcare"' in html
    html = client.get(catalogue.url, {"q": "nothing like it"}).content.decode()
    assert _card_titles(html) == []
    assert "No course matches “nothing like it”." in html
    # Markup in the query is shown as text.
    html = client.get(catalogue.url, {"q": "<b>x</b>"}).content.decode()
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_each_card_says_what_the_course_is_to_the_reader(
    client, catalogue, courses, hub, settings, django_assert_max_num_queries
):
    learner = hub.learner
    learner.language = "en"
    learner.save()
    assignments.assign_course(
        by=hub.manager,
        course=courses["recruit"],
        due_on=timezone.localdate() + timedelta(days=30),
        reason="Team plan",
        target="person",
        person=learner,
    )
    services.enrol(user=learner, course=courses["webcare"])
    client.force_login(learner)
    html = client.get(catalogue.url).content.decode()
    cards = dict(
        zip(_card_titles(html), html.split('<h2 class="card__title">')[1:], strict=True)
    )
    assert "badge--assigned" in cards["Recruiting online"]
    assert "badge--in_progress" in cards["Webcare basics"]
    assert "badge" not in cards["Crisis communication"].split("</li>")[0]

    # The states of all cards in a fixed number of queries.
    with django_assert_max_num_queries(20) as few:
        client.get(catalogue.url)
    make_course(catalogue, title="One more", slug="more")
    with django_assert_max_num_queries(len(few)):
        client.get(catalogue.url)
