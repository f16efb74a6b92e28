"""The Content Security Policy holds on the pages people use: the learner's,
the Hub's, and the Wagtail admin's editor with every course block."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image

from certification.models import Certificate
from courses.models import CoursePage, ModulePage
from lms.invitations import services as invitations
from lms.learning import services
from lms.models import ScenarioSubmission

# The browser tests' fixtures, imported here (outside tests/e2e) and named
# again as the tests' parameters, which ruff would call redefinitions.
# ruff: noqa: F811
from tests.e2e.conftest import (  # noqa: F401
    PASSWORD,
    _serial_live_server_on_sqlite,
    demo,
    page,
)
from tests.factories import quiz_block, scenario_block, text_block
from tests.security.world import _png

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADMIN = "csp-admin@example.org"
LEARNER = "learner@example.org"
# What YouTube's and Vimeo's oEmbed endpoints answer, stored as Wagtail
# caches it, so that the page renders the players without the network.
EMBEDS = {
    "https://www.youtube.com/watch?v=aqz-KE-bpKQ": (
        '<iframe width="960" height="540" '
        'src="https://www.youtube.com/embed/aqz-KE-bpKQ?feature=oembed" '
        'frameborder="0" allow="accelerometer; autoplay; clipboard-write; '
        'encrypted-media; gyroscope; picture-in-picture; web-share" '
        'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen '
        'title="Big Buck Bunny"></iframe>'
    ),
    "https://vimeo.com/76979871": (
        '<iframe src="https://player.vimeo.com/video/76979871?app_id=122963" '
        'width="960" height="540" frameborder="0" allow="autoplay; fullscreen; '
        'picture-in-picture; clipboard-write" '
        'title="The New Vimeo Player"></iframe>'
    ),
}

# Every violation of the policy in any frame of the page, as the browser
# reports it to the page.
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
        page: location.href,
    });
});
"""


class Violations:
    def __init__(self, page):
        self.found: list[str] = []
        page.context.expose_binding(
            "__cspViolation", lambda source, report: self.found.append(str(report))
        )
        page.context.add_init_script(LISTEN)
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.found.append(f"console: {message.text}")


@pytest.fixture
def violations(page):
    # Players stay off the network: the frame's address is checked against
    # frame-src before any request, so a stand-in body changes nothing.
    page.context.route(
        re.compile(r"^https://(www\.youtube\.com|player\.vimeo\.com)/"),
        lambda route: route.fulfill(body="<!doctype html><title>Player</title>"),
    )
    return Violations(page)


def every_block_module(course) -> ModulePage:
    """A module holding one block of each type, its videos cached."""
    image = Image(title="Kaart", file=_png("kaart.png"))
    image._set_image_file_metadata()
    image.save()
    document = Document(
        title="Checklist", file=ContentFile(b"%PDF-1.4\n", name="checklist.pdf")
    )
    document._set_document_file_metadata()
    document.save()
    for url, html in EMBEDS.items():
        Embed.objects.create(
            hash=get_embed_hash(url, 960),
            url=url,
            max_width=960,
            type="video",
            html=html,
            provider_name="YouTube" if "youtube" in url else "Vimeo",
        )
    body = [
        text_block("<h2>Alles</h2><p>Elk soort blok.</p>"),
        {"type": "image", "value": {"image": image.pk, "alt_text": "Een kaart"}},
        *(
            {"type": "video", "value": {"video": url, "title": "Video"}}
            for url in EMBEDS
        ),
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {
            "type": "callout",
            "value": {"kind": "tip", "title": "Tip", "text": "Noem je naam."},
        },
        quiz_block(),
        scenario_block(),
    ]
    return course.add_child(
        instance=ModulePage(title="Alle blokken", slug="alle-blokken", body=body)
    )


def log_in(page, base, email, then):
    page.goto(f"{base}/accounts/login/?next={then}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base}{then}")


def visit(page, base, path):
    response = page.goto(f"{base}{path}")
    assert response.ok, f"{path}: {response.status}"
    page.wait_for_load_state("networkidle")


def test_no_page_breaks_the_policy(demo, page, violations):
    learner = get_user_model().objects.get(email=LEARNER)
    course = CoursePage.objects.filter(locale__language_code="nl").first()
    module = every_block_module(course)
    services.enrol(user=learner, course=course)
    certificate = Certificate.objects.filter(revoked_at__isnull=True).first()
    get_user_model().objects.create_superuser(ADMIN, password=PASSWORD, name="Admin")

    # Someone without an account.
    visit(page, demo, "/")
    visit(page, demo, "/courses/")
    visit(page, demo, f"/verify/{certificate.code}/")
    visit(page, demo, "/accounts/password/reset/")
    visit(page, demo, "/accounts/login/")
    page.fill("input[name=login]", LEARNER)
    page.fill("input[name=password]", "not-the-password")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("networkidle")

    # A newcomer's invitation link, and the page it leads to.
    newcomer = get_user_model().objects.create_user("new@example.org", name="New")
    invitation = invitations.invite(person=newcomer, by=None)
    visit(page, demo, invitations.link(invitation))
    assert "/continue/" in page.url

    # The learner, through every kind of block, and her account's pages.
    log_in(page, demo, LEARNER, "/learn/")
    for path in ("/accounts/email/", "/accounts/password/change/", "/accounts/2fa/"):
        visit(page, demo, path)
    visit(page, demo, course.url)
    visit(page, demo, module.url)
    assert page.locator("iframe[src*='youtube.com/embed']").count() == 1
    quiz = module.interactive_blocks()[0]
    page.locator(f"#block-{quiz.id} button[type=submit]").click()
    page.wait_for_url(re.compile(rf"#errors-{quiz.id}$"))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.activeElement.id") == f"errors-{quiz.id}"

    # The Hub and the admin.
    page.context.clear_cookies()
    log_in(page, demo, ADMIN, "/admin/")
    submission = ScenarioSubmission.objects.filter(
        status=ScenarioSubmission.Status.SUBMITTED
    ).first()
    for path in (
        "/admin/hub/",
        "/admin/hub/progress/",
        "/admin/hub/people/",
        f"/admin/hub/people/{learner.pk}/",
        f"/admin/hub/people/{newcomer.pk}/invite/",
        "/admin/hub/people/import/",
        "/accounts/2fa/required/",
        "/admin/hub/assignments/assign/",
        "/admin/hub/reports/overdue/",
        "/admin/hub/readiness/",
        "/admin/hub/audit-trail/",
        "/admin/hub/reviews/",
        f"/admin/hub/reviews/{submission.pk}/",
        "/admin/images/",
        "/admin/snippets/",
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/{module.pk}/edit/",
    ):
        visit(page, demo, path)
    assert not violations.found, "\n".join(violations.found)


def test_the_api_docs_page_keeps_the_policy(live_server, page, violations):
    # Swagger UI from ninja's own static files: the page lists every operation
    # of the OpenAPI document without loading anything from elsewhere.
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".opblock-summary-path", has_text="/api/v1/people/sync").wait_for()
    assert page.locator(".opblock").count() >= 10
    assert violations.found == []
