"""The sanitiser of learners' answers against the XSS corpus, and the texts
with a null character, which every form refuses or the sanitiser drops."""

import uuid
from datetime import timedelta
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st

from lms.models import (
    DueDateExtension,
    Exemption,
    RoleRequirement,
    ScenarioReview,
    ScenarioSubmission,
)
from lms.organisation import services as organisation
from lms.support.sanitising import ALLOWED_TAGS, sanitise_answer
from tests.security.xss_payloads import NUL_PAYLOADS, PAYLOADS, UNIT_NAME_PAYLOADS

TEXTS = [payload.text for payload in PAYLOADS]


class Markup(HTMLParser):
    """The elements, attributes, comments and declarations of some HTML."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list = []
        self.other: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend(attrs)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data):
        self.other.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.other.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.other.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.other.append(f"<![{data}]>")


def assert_only_allowed(html: str, extra=frozenset()):
    markup = Markup(html)
    assert markup.tags <= ALLOWED_TAGS | extra, (html, markup.tags)
    assert not markup.attributes, (html, markup.attributes)
    assert not markup.other, (html, markup.other)
    assert "\x00" not in html


def test_the_corpus_is_large_and_each_payload_names_itself():
    ids = [payload.id for payload in PAYLOADS]
    assert len(PAYLOADS) >= 40
    assert len(set(ids)) == len(ids) and len(set(TEXTS)) == len(TEXTS)
    for payload in PAYLOADS:
        # The browser test finds a payload by its id, and it fits a name.
        assert payload.id in payload.text and "__xss" in payload.text, payload
        assert len(payload.text) <= 150 and "\x00" not in payload.text, payload
    assert all("\x00" in payload.text for payload in NUL_PAYLOADS)
    assert all("/" not in payload.text for payload in UNIT_NAME_PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS + NUL_PAYLOADS, ids=lambda p: p.id)
def test_a_sanitised_answer_keeps_only_the_allowed_marks(payload):
    for text in (payload.text, payload.answer):
        cleaned = sanitise_answer(text)

        assert_only_allowed(cleaned)
        # Sanitising again changes nothing: what is stored is stable.
        assert sanitise_answer(cleaned) == cleaned
        # As the pages show it: paragraphs and line breaks added, no more.
        shown = ScenarioSubmission(text=cleaned).text_html
        assert_only_allowed(shown, extra={"p", "br"})


def test_the_allowed_marks_stay_without_their_attributes():
    cleaned = sanitise_answer(
        '<b onclick="__xss(1)">Sorry</b> <em style="x">now</em> <u id=a>ok</u>'
    )

    assert cleaned == "<b>Sorry</b> <em>now</em> <u>ok</u>"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TEXTS), st.text(max_size=20)), max_size=8))
def test_any_mix_of_payloads_and_text_sanitises_to_allowed_marks(parts):
    cleaned = sanitise_answer("".join(parts))

    assert_only_allowed(cleaned)
    assert_only_allowed(ScenarioSubmission(text=cleaned).text_html, extra={"p", "br"})


# Texts with a null character, through the forms that take them.


@pytest.fixture
def assigned(hub, course):
    """The learner, with the course required for their role, and answers
    waiting for review."""
    RoleRequirement.objects.create(role=hub.role, course=course)
    organisation.sync_role_requirements(role=hub.role, by=hub.coordinator)
    return hub.learner.assignments.get(course=course)


def _scenario(course):
    module = course.get_modules().last()
    return module, module.interactive_blocks()[0]


@pytest.mark.django_db
@pytest.mark.parametrize("payload", NUL_PAYLOADS, ids=lambda p: p.id)
def test_a_null_in_an_answer_is_sanitised_away(client, hub, course, payload):
    module, block = _scenario(course)
    client.force_login(hub.learner)
    client.post(f"/learn/courses/{course.pk}/enrol/")

    response = client.post(
        f"/learn/modules/{module.pk}/scenario/{block.id}/",
        {"text": payload.answer, "token": str(uuid.uuid4())},
    )

    assert response.status_code == HTTPStatus.FOUND
    stored = ScenarioSubmission.objects.get(enrolment__user=hub.learner).text
    assert stored == sanitise_answer(payload.answer)
    assert "\x00" not in stored


@pytest.mark.django_db
@pytest.mark.parametrize("payload", NUL_PAYLOADS, ids=lambda p: p.id)
def test_a_null_in_feedback_is_refused(client, hub, course, payload):
    from lms.learning import services

    module, block = _scenario(course)
    services.self_enrol(user=hub.learner, course=course)
    submission = services.submit_scenario(
        user=hub.learner,
        module=module,
        block_id=block.id,
        text="Sorry to hear that; a crew comes today.",
        token=uuid.uuid4(),
    )
    client.force_login(hub.manager)

    response = client.post(
        f"/admin/hub/reviews/{submission.pk}/",
        {"decision": "returned", "feedback": payload.text},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not ScenarioReview.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("payload", NUL_PAYLOADS, ids=lambda p: p.id)
def test_a_null_in_a_reason_is_refused(client, hub, assigned, payload):
    client.force_login(hub.manager)
    base = f"/admin/hub/people/assignments/{assigned.pk}"

    exempt = client.post(f"{base}/exempt/", {"reason": payload.text})
    extend = client.post(
        f"{base}/extend/",
        {
            "due_on": (assigned.due_on + timedelta(days=7)).isoformat(),
            "reason": payload.text,
        },
    )

    assert exempt.status_code == extend.status_code == HTTPStatus.BAD_REQUEST
    assert not Exemption.objects.exists()
    assert not DueDateExtension.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("payload", NUL_PAYLOADS, ids=lambda p: p.id)
def test_a_null_in_an_imported_name_is_refused(client, hub, payload):
    client.force_login(hub.manager)
    text = (
        "email,name,employee_number,unit,roles,manager_email\n"
        f'nul@example.org,"{payload.text}",,Hub/Webcare/Night shift,,\n'
    )
    upload = SimpleUploadedFile("people.csv", text.encode(), "text/csv")

    response = client.post("/admin/hub/people/import/", {"file": upload})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not get_user_model().objects.filter(email="nul@example.org").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("payload", NUL_PAYLOADS, ids=lambda p: p.id)
def test_a_null_in_a_name_in_the_admin_is_refused(admin_client, payload):
    response = admin_client.post(
        "/admin/users/new/",
        {
            "email": "nul@example.org",
            "name": payload.text,
            "language": "en",
            "password1": "Xss-pass-word-1",
            "password2": "Xss-pass-word-1",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["name"]
    assert not get_user_model().objects.filter(email="nul@example.org").exists()
