"""Course and module titles, and the reasons for assignments, in the
reader's language (issue 11, item 7): learner records point at the Dutch
original; an English reader sees the English translation where there is one.
"""

import io
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from courses.localization import localized_pages, localized_title, localized_titles
from courses.models import CoursePage
from lms.assignments import services as assignments
from lms.learning import services
from lms.models import Role, RoleRequirement, TrainingAssignment
from lms.organisation import services as organisation
from tests.factories import make_course

pytestmark = pytest.mark.django_db

DUTCH, ENGLISH = "Webcare voor beginners", "Webcare for beginners"
UNTRANSLATED = "Alleen in het Nederlands"


def translate(page, locale, title):
    """A live translation of a page (and of its parents, if need be)."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.title = title
    copy.save_revision().publish()
    return copy


def bilingual_course(catalogue, locales, dutch, english, bodies=None):
    """A Dutch course whose modules are called "<course> nl <n>", with an
    English translation whose modules are "<course> en <n>"."""
    course = make_course(catalogue, bodies=bodies, title=dutch)
    translate(course, locales["en"], english)
    for number, module in enumerate(course.get_modules(), start=1):
        module.title = f"{dutch} nl {number}"
        module.save_revision().publish()
        translate(module, locales["en"], f"{english} en {number}")
    return course


@pytest.fixture
def course(catalogue, locales):
    return bilingual_course(catalogue, locales, DUTCH, ENGLISH)


@pytest.fixture
def untranslated(catalogue):
    return make_course(catalogue, title=UNTRANSLATED)


@pytest.fixture
def records(hub, course, untranslated):
    """The learner's role requires the course; a manager assigned the other
    (which another role requires); the learner answered the course's
    scenario."""
    RoleRequirement.objects.create(role=hub.role, course=course, due_within_days=30)
    organisation.sync_role_requirements(role=hub.role)
    # A role nobody holds, for the list of roles.
    RoleRequirement.objects.create(
        role=Role.objects.create(name="Contentmaker"), course=untranslated
    )
    assignments.assign_course(
        by=hub.manager,
        course=untranslated,
        due_on=timezone.localdate() + timedelta(days=9),
        reason="Nieuw in het team",
        target="person",
        person=hub.learner,
    )
    module = course.get_modules().last()
    services.submit_scenario(
        user=hub.learner,
        module=module,
        block_id=module.interactive_blocks()[0].id,
        text="Sorry to hear that, we will send someone today.",
        token="6f1c2b54-94b4-4f0e-9a4f-2c1d0b3c9d11",
    )


def signed_in(client, person, language):
    person.language = language
    person.save(update_fields=["language"])
    client.force_login(person)
    return client


def page_of(response) -> str:
    assert response.status_code == HTTPStatus.OK
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def test_titles_come_in_one_query_for_any_number_of_pages(
    catalogue, locales, course, untranslated, django_assert_num_queries
):
    others = [
        bilingual_course(catalogue, locales, f"Cursus {i}", f"Course {i}")
        for i in range(3)
    ]
    ids = [course.pk, untranslated.pk, *(other.pk for other in others)]
    with translation.override("en"), django_assert_num_queries(1):
        titles = localized_titles(ids)
    assert titles == {
        course.pk: ENGLISH,
        untranslated.pk: UNTRANSLATED,
        **{other.pk: f"Course {i}" for i, other in enumerate(others)},
    }
    with translation.override("nl"), django_assert_num_queries(1):
        pages = localized_pages(CoursePage, ids)
    assert pages[course.pk].title == DUTCH
    assert pages[untranslated.pk] == untranslated


def test_a_draft_translation_is_not_shown(catalogue, locales, untranslated):
    draft = untranslated.copy_for_translation(locales["en"], copy_parents=True)
    draft.title = "Only a draft"
    draft.save_revision()
    with translation.override("en"):
        assert localized_titles([untranslated.pk]) == {untranslated.pk: UNTRANSLATED}
        title = (
            CoursePage.objects.filter(pk=untranslated.pk)
            .annotate(shown=localized_title())
            .get()
            .shown
        )
    assert title == UNTRANSLATED


def screens(hub):
    """(viewer, url) of every hub screen and report that lists courses."""
    return {
        "assignments": (hub.manager, reverse("hub_assignments:index")),
        "person": (hub.manager, reverse("hub_people:person", args=[hub.learner.pk])),
        "roles": (hub.coordinator, reverse("hub_roles:index")),
        "review queue": (hub.manager, reverse("hub_reviews:index")),
        "completion": (hub.hr, reverse("hub_reports_completion")),
        "completion csv": (hub.hr, reverse("hub_reports_completion") + "?export=csv"),
        "completion xlsx": (
            hub.hr,
            reverse("hub_reports_completion") + "?export=xlsx",
        ),
        "overdue": (hub.hr, reverse("hub_reports_overdue")),
    }


SCREENS = [
    "assignments",
    "person",
    "roles",
    "review queue",
    "completion",
    "completion csv",
    "overdue",
]


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language, other", [("en", "nl"), ("nl", "en")])
def test_hub_screens_show_courses_in_the_readers_language(
    client, hub, records, screen, language, other
):
    viewer, url = screens(hub)[screen]
    if screen == "overdue":
        TrainingAssignment.objects.update(due_on=timezone.localdate() - timedelta(1))
    html = page_of(signed_in(client, viewer, language).get(url))
    names = {"en": ENGLISH, "nl": DUTCH}
    shown, hidden = names[language], names[other]
    if screen == "review queue":
        # Its rows are the modules answered in.
        shown, hidden = f"{shown} {language} 3", f"{hidden} {other} 3"
    assert shown in html
    assert hidden not in html
    if screen != "review queue":
        # A course without a translation keeps its title.
        assert UNTRANSLATED in html


def test_the_xlsx_export_names_the_courses_as_the_page_does(client, hub, records):
    viewer, url = screens(hub)["completion xlsx"]
    response = signed_in(client, viewer, "en").get(url)
    assert response.status_code == HTTPStatus.OK
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    sheet = load_workbook(io.BytesIO(content)).active
    cells = {cell.value for row in sheet.iter_rows() for cell in row}
    assert {ENGLISH, UNTRANSLATED} <= cells
    assert DUTCH not in cells


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("en", "Required for the role Webcare agent"),
        ("nl", "Verplicht voor de rol Webcare agent"),
    ],
)
def test_a_roles_requirement_is_explained_in_the_readers_language(
    client, hub, records, language, sentence
):
    assignment = TrainingAssignment.objects.get(user=hub.learner, source="role")
    # What is stored is the role, not a sentence in one language.
    assert (assignment.reason, assignment.reason_object) == ("", hub.role)
    for url in (
        reverse("hub_people:person", args=[hub.learner.pk]),
        reverse("hub_assignments:index"),
    ):
        assert sentence in page_of(signed_in(client, hub.manager, language).get(url))
    assert sentence in page_of(
        signed_in(client, hub.learner, language).get(reverse("lms:my_learning"))
    )


@pytest.mark.parametrize(
    "language, module_title",
    [("en", f"{ENGLISH} en 3"), ("nl", f"{DUTCH} nl 3")],
)
def test_the_review_page_names_the_module_in_the_readers_language(
    client, hub, records, language, module_title
):
    from lms.models import ScenarioSubmission

    submission = ScenarioSubmission.objects.get()
    url = reverse("hub_reviews:review", args=[submission.pk])
    html = page_of(signed_in(client, hub.manager, language).get(url))
    assert module_title in html


@pytest.mark.parametrize(
    "language, shown, hidden",
    [("en", ENGLISH, DUTCH), ("nl", DUTCH, ENGLISH)],
)
def test_my_learning_shows_courses_in_the_learners_language(
    client, hub, records, language, shown, hidden
):
    html = page_of(
        signed_in(client, hub.learner, language).get(reverse("lms:my_learning"))
    )
    assert shown in html and hidden not in html
    assert UNTRANSLATED in html


def count_queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        page_of(client.get(url))
    return len(queries)


@pytest.mark.parametrize(
    "screen", ["assignments", "person", "roles", "completion", "completion csv"]
)
def test_more_translated_courses_cost_no_more_queries(
    client, hub, catalogue, locales, records, screen
):
    viewer, url = screens(hub)[screen]
    signed_in(client, viewer, "en")
    counts = []
    for batch in range(2):
        for i in range(3):
            other = bilingual_course(
                catalogue, locales, f"Cursus {batch}{i}", f"Course {batch}{i}"
            )
            RoleRequirement.objects.create(role=hub.role, course=other)
        organisation.sync_role_requirements(role=hub.role)
        counts.append(count_queries(client, url))
    assert counts[0] == counts[1], counts
    assert "Course 12" in page_of(client.get(url))


@pytest.mark.parametrize(
    "language, title, reason",
    [
        ("en", ENGLISH, "Required for the role Webcare agent"),
        ("nl", DUTCH, "Verplicht voor de rol Webcare agent"),
    ],
)
def test_the_assignment_mail_is_in_the_recipients_language(
    hub, course, language, title, reason, django_capture_on_commit_callbacks
):
    hub.learner.language = language
    hub.learner.save(update_fields=["language"])
    RoleRequirement.objects.create(role=hub.role, course=course, due_within_days=30)
    mail.outbox.clear()
    # Whoever saves the role, in whatever language.
    with translation.override("nl" if language == "en" else "en"):
        with django_capture_on_commit_callbacks(execute=True):
            organisation.sync_role_requirements(role=hub.role)
    [message] = [m for m in mail.outbox if m.to == [hub.learner.email]]
    assert title in message.subject + message.body
    assert reason in message.body


@pytest.mark.parametrize(
    "language, shown, hidden", [("en", ENGLISH, DUTCH), ("nl", DUTCH, ENGLISH)]
)
def test_a_background_export_keeps_the_language_it_was_asked_in(
    client,
    hub,
    records,
    settings,
    language,
    shown,
    hidden,
    django_capture_on_commit_callbacks,
):
    from lms.models import ExportJob
    from tests.reports.test_background_exports import stored_file

    settings.LMS_EXPORT_INLINE_MAX_ROWS = 1
    signed_in(client, hub.hr, language)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("hub_export_start"),
            {"report": "hub_reports_completion", "format": "csv", "filters": ""},
        )
    assert response.status_code == HTTPStatus.FOUND
    job = ExportJob.objects.get()
    assert (job.language, job.status) == (language, ExportJob.Status.READY)
    content = stored_file(job).decode("utf-8-sig")
    assert shown in content and hidden not in content
