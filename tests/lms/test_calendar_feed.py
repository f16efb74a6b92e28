"""A learner's private calendar feed (issue 14, item 4): an ICS file of their
open assignments' due dates at a secret address, shown on My learning."""

import json
from datetime import date, timedelta
from http import HTTPStatus

import icalendar
import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import CoursePage
from lms.assignments import services as assignments
from lms.calendar import services as calendar
from lms.calendar import tokens
from lms.learning import services as learning
from lms.models import CalendarFeed, RoleRequirement, TrainingAssignment
from lms.organisation import services as organisation
from lms.personal_data import services as personal_data
from tests.factories import UserFactory, make_course, text_block

pytestmark = pytest.mark.django_db


def assign(hub, course, person, days=20, by=None):
    assignments.assign_course(
        by=by or hub.manager,
        course=course,
        due_on=timezone.localdate() + timedelta(days=days),
        reason="Team plan",
        target="person",
        person=person,
    )
    return TrainingAssignment.objects.get(user=person, course=course)


def feed_url(person) -> str:
    return reverse(
        "lms:calendar_feed", args=[tokens.token_for(calendar.feed_for(user=person))]
    )


def fetch(url, client=None):
    """The feed as a calendar program fetches it: no session, no cookies."""
    response = (client or Client()).get(url)
    assert response.status_code == HTTPStatus.OK, response.status_code
    return response, icalendar.Calendar.from_ical(response.content)


def events_of(parsed) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in parsed.walk("VEVENT")}


@pytest.fixture
def learner(hub):
    hub.learner.language = "en"
    hub.learner.save()
    return hub.learner


@pytest.fixture
def short_course(catalogue):
    """A course of one reading module: completed in one step."""
    return make_course(catalogue, title="Tone of voice", bodies=[[text_block()]])


def test_the_feed_is_valid_icalendar_with_an_event_per_due_date(
    hub, learner, course, short_course
):
    first = assign(hub, course, learner, days=20)
    second = assign(hub, short_course, learner, days=5)
    # The first is overdue (as the daily run finds it) since yesterday.
    TrainingAssignment.objects.filter(pk=first.pk).update(
        due_on=timezone.localdate() - timedelta(days=1)
    )

    response, parsed = fetch(feed_url(learner))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers
    assert parsed.name == "VCALENDAR"
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["PRODID"]).startswith("-//")
    assert str(parsed["X-WR-CALNAME"]) == "Hub Academy: my due dates"
    assert parsed["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert parsed["REFRESH-INTERVAL"].dt == timedelta(hours=6)
    assert "X-PUBLISHED-TTL" in parsed
    events = events_of(parsed)
    assert set(events) == {
        f"lms-assignment-{first.pk}@testserver",
        f"lms-assignment-{second.pk}@testserver",
    }
    for event in events.values():
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert name in event, name
        # All day: a date, not a moment; DTSTAMP in UTC.
        start = event.decoded("DTSTART")
        assert type(start) is date
        assert event.decoded("DTEND") == start + timedelta(days=1)
        assert event.decoded("DTSTAMP").utcoffset() == timedelta(0)
    overdue = events[f"lms-assignment-{first.pk}@testserver"]
    assert str(overdue["SUMMARY"]) == f"Due: {course.title}"
    assert overdue.decoded("DTSTART") == timezone.localdate() - timedelta(days=1)
    assert "Status: Overdue" in str(overdue["DESCRIPTION"])
    assert str(overdue["URL"]) == f"http://testserver{course.url}"
    upcoming = events[f"lms-assignment-{second.pk}@testserver"]
    assert "Status: Not started" in str(upcoming["DESCRIPTION"])
    # Only the lines the RFC allows: 75 octets at most, CRLF endings.
    lines = response.content.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)


def test_uids_stay_the_same_across_fetches_and_a_new_due_date(hub, learner, course):
    assignment = assign(hub, course, learner, days=20)
    url = feed_url(learner)
    _, before = fetch(url)
    _, again = fetch(url)
    assert set(events_of(before)) == set(events_of(again))

    later = timezone.localdate() + timedelta(days=40)
    assignments.extend_due_date(
        assignment=assignment, due_on=later, reason="Leave", by=hub.manager
    )
    _, after = fetch(url)
    (uid,) = events_of(before)
    # The same event, moved: a calendar replaces it instead of adding one.
    assert list(events_of(after)) == [uid]
    assert events_of(after)[uid].decoded("DTSTART") == later


def test_a_completed_or_withdrawn_assignment_leaves_the_feed(
    hub, learner, course, short_course
):
    assign(hub, short_course, learner)
    RoleRequirement.objects.create(role=hub.role, course=course, due_within_days=30)
    organisation.sync_role_requirements(role=hub.role)
    url = feed_url(learner)
    _, parsed = fetch(url)
    assert len(events_of(parsed)) == 2

    learning.enrol(user=learner, course=short_course)
    learning.complete_module(user=learner, module=short_course.get_modules().first())
    organisation.leave_role(membership=hub.membership, ended_on=timezone.localdate())

    _, parsed = fetch(url)
    assert events_of(parsed) == {}
    withdrawn = TrainingAssignment.objects.get(user=learner, course=course)
    assert withdrawn.withdrawn_at is not None


def test_an_unknown_or_revoked_address_finds_nothing(client, hub, learner, course):
    assign(hub, course, learner)
    old = feed_url(learner)
    feed = CalendarFeed.objects.get(user=learner)
    calendar.renew(user=learner, replaces=tokens.token_for(feed))
    new = feed_url(learner)
    assert new != old

    fetch(new)
    for url in (
        old,
        reverse("lms:calendar_feed", args=["nonsense"]),
        reverse("lms:calendar_feed", args=[f"{feed.pk}-"]),
        reverse("lms:calendar_feed", args=[f"{feed.pk + 1}-{new.split('-')[-1]}"]),
        new.replace(".ics", "x.ics"),
    ):
        response = client.get(url)
        assert response.status_code == HTTPStatus.NOT_FOUND, url
        body = response.content.decode()
        assert learner.name not in body
        assert course.title not in body
    # A person who may no longer sign in (left, erased) has no feed either.
    learner.is_active = False
    learner.save()
    assert client.get(new).status_code == HTTPStatus.NOT_FOUND


def test_the_token_is_a_signature_not_the_key(settings, learner):
    feed = calendar.feed_for(user=learner)
    token = tokens.token_for(feed)
    assert feed.key not in token
    # The key alone opens nothing; a token signed with another secret key
    # neither, unless that key is one of the fallbacks of a rotation.
    assert tokens.find_feed(f"{feed.pk}-{feed.key}") is None
    settings.SECRET_KEY, old = "another secret key " * 3, settings.SECRET_KEY
    assert tokens.find_feed(token) is None
    settings.SECRET_KEY_FALLBACKS = [old]
    assert tokens.find_feed(token) == feed


def test_another_learners_data_never_appears(hub, learner, course, short_course):
    mine = assign(hub, course, learner)
    theirs = assign(hub, short_course, hub.outsider, by=hub.other_manager)
    _, parsed = fetch(feed_url(learner))
    text = parsed.to_ical().decode()
    assert list(events_of(parsed)) == [f"lms-assignment-{mine.pk}@testserver"]
    assert short_course.title not in text
    assert f"lms-assignment-{theirs.pk}@" not in text
    _, parsed = fetch(feed_url(hub.outsider))
    assert list(events_of(parsed)) == [f"lms-assignment-{theirs.pk}@testserver"]


def _fetch_queries(url) -> int:
    client = Client()
    client.get(url)  # warm the per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as queries:
        fetch(url, client)
    return len(queries)


def test_the_queries_do_not_grow_with_assignments(
    hub, catalogue, django_assert_max_num_queries
):
    few, many = UserFactory(language="en"), UserFactory(language="en")
    for person in (few, many):
        organisation.join_role(
            user=person, unit=hub.team, role=hub.role, started_on=timezone.localdate()
        )
    assign(hub, make_course(catalogue), few)
    for _ in range(25):
        assign(hub, make_course(catalogue), many)
    count_few = _fetch_queries(feed_url(few))
    count_many = _fetch_queries(feed_url(many))
    assert count_few == count_many
    with django_assert_max_num_queries(8):
        _, parsed = fetch(feed_url(many))
    assert len(events_of(parsed)) == 25


def test_a_fetch_is_recorded_at_most_once_an_hour(hub, learner, course):
    assign(hub, course, learner)
    url = feed_url(learner)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fetch(url)
    feed = CalendarFeed.objects.get(user=learner)
    assert feed.last_fetched_at == start
    with time_machine.travel(start + timedelta(minutes=50), tick=False):
        with CaptureQueriesContext(connection) as queries:
            fetch(url)
    assert not [q for q in queries if q["sql"].startswith("UPDATE")]
    feed.refresh_from_db()
    assert feed.last_fetched_at == start
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        fetch(url)
    feed.refresh_from_db()
    assert feed.last_fetched_at == start + timedelta(hours=2)


def test_the_feed_answers_get_only(client, learner):
    url = feed_url(learner)
    assert client.post(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert not CalendarFeed.objects.get(user=learner).last_fetched_at


def _section(html: str) -> str:
    return html.split('id="calendar-heading"')[1].split("</section>")[0]


def test_my_learning_offers_an_address_and_makes_it_on_a_post(learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    page = client.get(reverse("lms:my_learning"))
    section = _section(page.content.decode())
    # Looking writes nothing: the address is made by the button.
    assert not CalendarFeed.objects.exists()
    assert "Make my calendar address" in section
    assert 'action="/learn/calendar/address/"' in section

    # Without the form's CSRF token the post is refused and makes nothing.
    refused = client.post(reverse("lms:calendar_address"))
    assert refused.status_code == HTTPStatus.FORBIDDEN
    assert not CalendarFeed.objects.exists()

    csrf = client.cookies["csrftoken"].value
    response = client.post(
        reverse("lms:calendar_address"), {"csrfmiddlewaretoken": csrf}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/learn/#calendar"
    feed = CalendarFeed.objects.get(user=learner)
    section = _section(client.get(reverse("lms:my_learning")).content.decode())
    address = f"http://testserver/learn/calendar/{tokens.token_for(feed)}.ics"
    assert (
        f'<input type="text" id="calendar-address" value="{address}" readonly '
        'aria-describedby="calendar-address-hint">'
    ) in section
    assert '<label for="calendar-address">Your calendar address</label>' in section
    assert "Outlook" in section and "Google Calendar" in section
    assert "Keep this address private" in section
    assert (
        f'href="webcal://testserver/learn/calendar/{tokens.token_for(feed)}.ics"'
        in (section)
    )
    assert "<summary>New address</summary>" in section
    # No inline script or style: the Content Security Policy allows none.
    assert "<script" not in section and "style=" not in section


def test_a_new_address_revokes_the_old_one_once(client, learner, hub, course):
    assign(hub, course, learner)
    client.force_login(learner)
    old_url = feed_url(learner)
    old_token = tokens.token_for(CalendarFeed.objects.get(user=learner))
    section = _section(client.get(reverse("lms:my_learning")).content.decode())
    assert f'name="replaces" value="{old_token}"' in section

    response = client.post(reverse("lms:calendar_address"), {"replaces": old_token})
    assert response.status_code == HTTPStatus.FOUND
    feed = CalendarFeed.objects.get(user=learner)
    new_token = tokens.token_for(feed)
    assert new_token != old_token
    assert Client().get(old_url).status_code == HTTPStatus.NOT_FOUND
    fetch(reverse("lms:calendar_feed", args=[new_token]))
    page = client.get(reverse("lms:my_learning")).content.decode()
    assert "The old one no longer works" in page
    assert new_token in _section(page)

    # The same form sent again (a double click) leaves the new address be.
    client.post(reverse("lms:calendar_address"), {"replaces": old_token})
    assert tokens.token_for(CalendarFeed.objects.get(user=learner)) == new_token
    # So does asking for an address when there is one.
    client.post(reverse("lms:calendar_address"))
    assert tokens.token_for(CalendarFeed.objects.get(user=learner)) == new_token


def test_a_learner_cannot_renew_anothers_address(client, hub, learner):
    theirs = calendar.feed_for(user=hub.outsider)
    token = tokens.token_for(theirs)
    client.force_login(learner)
    client.post(reverse("lms:calendar_address"), {"replaces": token})
    theirs.refresh_from_db()
    assert tokens.token_for(theirs) == token
    assert CalendarFeed.objects.get(user=learner).pk != theirs.pk


def translate(page, locale, title):
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.title = title
    copy.save_revision().publish()
    return copy


def test_a_dutch_learner_reads_dutch_titles(hub, catalogue, locales, client):
    course = make_course(catalogue, title="Webcare voor beginners")
    english = translate(course, locales["en"], "Webcare for beginners")
    english_learner = UserFactory(language="en")
    organisation.join_role(
        user=english_learner,
        unit=hub.team,
        role=hub.role,
        started_on=timezone.localdate(),
    )
    hub.learner.language = "nl"
    hub.learner.save()
    for person in (hub.learner, english_learner):
        assign(hub, course, person)

    _, dutch_feed = fetch(feed_url(hub.learner))
    (event,) = events_of(dutch_feed).values()
    assert str(event["SUMMARY"]) == "Deadline: Webcare voor beginners"
    assert "Status: Niet gestart" in str(event["DESCRIPTION"])
    assert str(dutch_feed["X-WR-CALNAME"]) == "Hub Academy: mijn deadlines"
    assert str(event["URL"]).endswith(course.url)

    _, english_feed = fetch(feed_url(english_learner))
    (event,) = events_of(english_feed).values()
    assert str(event["SUMMARY"]) == "Due: Webcare for beginners"
    assert str(event["URL"]).endswith(CoursePage.objects.get(pk=english.pk).url)

    # My learning speaks Dutch to her too.
    client.force_login(hub.learner)
    section = _section(client.get(reverse("lms:my_learning")).content.decode())
    assert "Mijn agenda" in section
    assert "<summary>Nieuw adres</summary>" in section


def test_the_personal_data_export_names_the_feed_but_not_its_key(learner):
    feed = calendar.feed_for(user=learner)
    calendar.record_fetch(feed)
    exported = personal_data.records(learner)["calendar_feed"]
    assert exported == [
        {
            "created_at": feed.created_at.isoformat(),
            "last_fetched_at": feed.last_fetched_at.isoformat(),
        }
    ]
    text = json.dumps(exported)
    assert feed.key not in text and tokens.token_for(feed) not in text


def test_a_hammered_address_is_told_to_wait(learner, monkeypatch):
    from lms.calendar import views

    monkeypatch.setattr(views, "FETCHES_PER_MINUTE", 2)
    url = feed_url(learner)
    fetch(url)
    fetch(url)
    response = Client().get(url)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert 1 <= int(response["Retry-After"]) <= 60
    # A new address counts afresh.
    feed = CalendarFeed.objects.get(user=learner)
    calendar.renew(user=learner, replaces=tokens.token_for(feed))
    fetch(feed_url(learner))
