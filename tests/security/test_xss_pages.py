"""The XSS corpus, written through the forms people use, read in a browser.

Every payload of tests/security/xss_payloads.py goes in as a person's name
(the people import) and as a scenario answer, review feedback, an
exemption's and an extension's reason; a few as a name typed in the admin's
user form, a unit's and a role's name. Then headless Chromium opens every
page that shows them, as the people who see them, and finds that none ran:
no payload called the function it calls, no dialog opened, no script error,
and no payload's markup became an element or a live attribute. Each page
must also show the payloads it is about, as text, so that the test cannot
pass on a page that shows none of them.

The Content Security Policy is off for the test (in the settings and in the
browser), so that the escaping is what is proven, not the policy.
"""

import csv
import html
import io
import json
import re
import shutil
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from certification import services as certification_services
from certification.models import Certification
from lms.models import (
    DueDateExtension,
    Exemption,
    OrgUnit,
    Role,
    RoleRequirement,
    ScenarioReview,
    ScenarioSubmission,
)
from lms.organisation import services as organisation
from lms.support.sanitising import sanitise_answer
from tests.e2e.conftest import (  # noqa: F401 (the fixture is used by name)
    CHROMIUM,
    CHROMIUM_ARGS,
    _serial_live_server_on_sqlite,
)
from tests.factories import make_course, scenario_block
from tests.security.xss_payloads import PAYLOADS, UNIT_NAME_PAYLOADS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BY_ID = {payload.id: payload for payload in PAYLOADS}
# Names typed into the admin's user form: breaking out of an attribute, of
# the title, of a textarea.
ADMIN_NAMES = [BY_ID[id_] for id_ in ("p51", "p53", "p54", "p55")]
ROLE_PAYLOAD = BY_ID["p12"]
ROLE_PURPOSE = BY_ID["p25"]

# Run in every frame before the page's own scripts: the function every
# payload calls, and a listener for what a policy would have blocked.
INIT_SCRIPT = """
(() => {
  const report = (what) => window.__xssReport(String(what));
  window.__xss = (id) => { report("ran " + id); return id; };
  document.addEventListener("securitypolicyviolation", (event) => {
    report("policy " + event.violatedDirective + " " + (event.sample || event.blockedURI));
  }, true);
})();
"""

# What of a payload's markup reached the document as live markup: an
# attribute other than an inert one that holds a payload's call, a script or
# style element that holds one, a link or form to a javascript: or data: URL.
INJECTED = """
() => {
  const inert = new Set(["value", "title", "alt", "placeholder", "aria-label",
    "aria-description", "aria-valuetext"]);
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (attr.value.includes("__xss") && !inert.has(name) && !name.startsWith("data-")) {
        found.push(`<${el.localName} ${name}="${attr.value}">`);
      }
    }
    const tag = el.localName;
    if ((tag === "script" || tag === "style") && el.textContent.includes("__xss")
        && el.type !== "application/json") {
      found.push(`<${tag}>${el.textContent}</${tag}>`);
    }
    for (const key of ["href", "src", "action", "formAction", "data"]) {
      const url = typeof el[key] === "string" ? el[key] : (el[key] && el[key].baseVal);
      if (url && /^\\s*(javascript|vbscript|data:text\\/html)/i.test(url)) {
        found.push(`<${tag} ${key}="${url}">`);
      }
    }
    if (tag === "base" || tag === "iframe" || tag === "object" || tag === "embed"
        || (tag === "meta" && /refresh/i.test(el.httpEquiv))) {
      found.push(`<${tag}>`);
    }
  }
  return found;
}
"""

# What to point the mouse at: the innermost elements that show a payload
# (their handlers would be on them or on their parents), one at a time.
HOVER_TARGETS = """
() => {
  window.__xssTargets = [...document.querySelectorAll("body *")]
    .filter(el => !el.children.length && /__xss|Answer p\\d/.test(el.textContent))
    .filter(el => el.getClientRects().length)
    .slice(0, 30);
  return window.__xssTargets.length;
}
"""
HOVER_POINT = """
(index) => {
  const el = window.__xssTargets[index];
  el.scrollIntoView({block: "center"});
  const r = el.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}
"""

# Everything a page shows as text: its title, its text, its fields' values.
SHOWN = """
() => [document.title, document.body.textContent,
       ...[...document.querySelectorAll("input, textarea")].map(f => f.value)
      ].join(" ")
"""


def squeezed(text: str) -> str:
    """Text without white space: pages break lines where they please."""
    return re.sub(r"\s+", "", text)


def answer_as_shown(stored: str) -> str:
    """The text a stored (sanitised) answer shows, as the page renders it."""
    rendered = ScenarioSubmission(text=stored).text_html
    return html.unescape(re.sub(r"<[^>]*>", "", rendered))


def strings_in(data):
    """Every string in some JSON data, however deep."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


class Viewer:
    """A browser context signed in as one person, that opens pages and fails
    on anything a payload did in them."""

    def __init__(self, browser, base, user):
        self.base = base
        self.events: list[str] = []
        # The policy off in the browser too: escaping alone must hold.
        self.context = browser.new_context(
            bypass_csp=True, viewport={"width": 1280, "height": 900}
        )
        self.context.expose_function("__xssReport", self._report)
        self.context.add_init_script(INIT_SCRIPT)
        if user is not None:
            client = Client()
            client.force_login(user)
            self.context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                        "url": base,
                    },
                    {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": base},
                ]
            )
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.events.append(f"error {error}"))
        self.page.on("console", self._console)

    def _report(self, what):
        self.events.append(what)

    def _dialog(self, dialog):
        self.events.append(f"dialog {dialog.type} {dialog.message}")
        dialog.dismiss()

    def _console(self, message):
        # A site without an icon answers the browser's guess with a 404.
        if message.type == "error" and not message.location.get("url", "").endswith(
            "/favicon.ico"
        ):
            self.events.append(f"console {message.text} {message.location}")

    def open(self, path, shows=()):
        """Open a page, as it loads and as someone uses it, and check it."""
        response = self.page.goto(self.base + path, wait_until="load")
        assert response.status == 200, (path, response.status)
        self.check(path, shows)
        return self.page

    def open_pages(self, paths, shows):
        """Open the pages of a listing: together they show all of shows."""
        shown = ""
        for path in paths:
            self.open(path)
            shown += squeezed(self.page.evaluate(SHOWN))
        missing = [text for text in shows if squeezed(text) not in shown]
        assert not missing, f"{paths} do not show {missing}"

    def check(self, path, shows=()):
        page = self.page
        # Open, hover and focus what a person would: ontoggle, onmouseover,
        # onfocus and autofocus run then, if anywhere.
        page.evaluate(
            "() => document.querySelectorAll('details').forEach(d => d.open = true)"
        )
        for index in range(page.evaluate(HOVER_TARGETS)):
            page.mouse.move(*page.evaluate(HOVER_POINT, index))
        for _ in range(8):
            page.keyboard.press("Tab")
        # Two frames: handlers queued by the above have run.
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => "
            "requestAnimationFrame(r)))"
        )
        assert page.url == self.base + path, f"{path} went to {page.url}"
        events, self.events[:] = list(self.events), []
        assert not events, f"{path}: {events}"
        injected = page.evaluate(INJECTED)
        assert not injected, f"{path}: live markup from a payload: {injected}"
        shown = squeezed(page.evaluate(SHOWN))
        missing = [text for text in shows if squeezed(text) not in shown]
        assert not missing, f"{path} does not show {missing}"


@pytest.fixture
def no_csp(settings):
    settings.SECURE_CSP = {}
    settings.SECURE_CSP_REPORT_ONLY = {}


@pytest.fixture
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail("Debian's chromium is missing: run scripts/ensure-chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        from django.db import connections

        connections.close_all()


def _client(user) -> Client:
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def _import_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["email", "name", "employee_number", "unit", "roles", "manager_email"]
    )
    for payload in PAYLOADS:
        writer.writerow(
            [
                f"{payload.id}@xss.example.org",
                payload.text,
                "",
                "Hub/Webcare/Night shift",
                "Webcare agent",
                "",
            ]
        )
    for index, payload in enumerate(UNIT_NAME_PAYLOADS):
        writer.writerow(
            [
                f"unit{index}@xss.example.org",
                f"Unit person {index}",
                "",
                f"Hub/Webcare/{payload.text}",
                "",
                "",
            ]
        )
    return out.getvalue().encode("utf-8")


def _import_through_the_screen(manager: Viewer):
    """The manager uploads the file, reads the dry run, and imports it."""
    page = manager.open("/admin/hub/people/import/")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "people.csv", "mimeType": "text/csv", "buffer": _import_csv()}],
    )
    page.check("input[name=create_units]")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("load")
    names = [payload.text for payload in PAYLOADS] + [
        payload.text for payload in UNIT_NAME_PAYLOADS
    ]
    manager.check("/admin/hub/people/import/", shows=names)
    page.locator("form:has(input[name=csv_text]) button[type=submit]").click()
    page.wait_for_load_state("load")
    manager.check("/admin/hub/people/import/", shows=names)


def _enrolled(user, course) -> Client:
    client = _client(user)
    response = client.post(f"/learn/courses/{course.pk}/enrol/")
    assert response.status_code == 302
    return client


def _answer(client, module, block_id, text):
    response = client.post(
        f"/learn/modules/{module.pk}/scenario/{block_id}/",
        {"text": text, "token": str(uuid.uuid4())},
    )
    assert response.status_code == 302, response.content[:2000]


def _admin_form_names(superuser, hub):
    """The administrator types a few names into Wagtail's user form."""
    client = _client(superuser)
    people = []
    for payload in ADMIN_NAMES:
        email = f"admin-{payload.id}@xss.example.org"
        response = client.post(
            "/admin/users/new/",
            {
                "email": email,
                "name": payload.text,
                "language": "en",
                "password1": "Xss-pass-word-1",
                "password2": "Xss-pass-word-1",
            },
        )
        assert response.status_code == 302, response.content[:3000]
        person = get_user_model().objects.get(email=email)
        organisation.join_role(
            user=person,
            unit=hub.team,
            role=None,
            started_on=timezone.localdate(),
            by=superuser,
        )
        people.append(person)
    return people


def test_no_payload_runs_on_any_page(live_server, no_csp, browser, hub, catalogue):
    base = live_server.url
    User = get_user_model()
    today = timezone.localdate()
    superuser = User.objects.create_superuser(
        email="root@xss.example.org", password="x", name="Root"
    )

    # A course whose module asks one scenario per payload, required for the
    # role of the night shift.
    course = make_course(
        catalogue,
        bodies=[[scenario_block(f"Scenario {p.id}") for p in PAYLOADS]],
        slug="replies",
        title="Replies",
    )
    module = course.get_modules().first()
    blocks = module.interactive_blocks()
    RoleRequirement.objects.create(role=hub.role, course=course)
    organisation.sync_role_requirements(role=hub.role, by=hub.coordinator)
    # A role whose name and purpose a coordinator wrote.
    Role.objects.create(name=ROLE_PAYLOAD.text, purpose=ROLE_PURPOSE.text)

    manager = Viewer(browser, base, hub.manager)
    _import_through_the_screen(manager)
    people = {p.id: User.objects.get(email=f"{p.id}@xss.example.org") for p in PAYLOADS}
    admin_named = _admin_form_names(superuser, hub)

    # Answers: each imported person answers the first scenario with their
    # payload; the learner answers every scenario, one payload each.
    learner = hub.learner
    for payload in PAYLOADS:
        client = _enrolled(people[payload.id], course)
        _answer(client, module, blocks[0].id, payload.answer)
    client = _enrolled(learner, course)
    for payload, block in zip(PAYLOADS, blocks, strict=True):
        _answer(client, module, block.id, payload.answer)

    # The manager reviews the learner's answers through the review screen,
    # with each payload as feedback; exempts each imported person with it as
    # the reason; and extends the learner's due date with each as the reason.
    as_manager = _client(hub.manager)
    for index, payload in enumerate(PAYLOADS):
        submission = ScenarioSubmission.objects.get(
            enrolment__user=learner, block_id=blocks[index].id
        )
        response = as_manager.post(
            f"/admin/hub/reviews/{submission.pk}/",
            {
                "decision": "returned" if index % 2 else "approved",
                "feedback": payload.text,
            },
        )
        assert response.status_code == 302, (payload.id, response.content[:2000])
    for payload in PAYLOADS:
        assignment = people[payload.id].assignments.get(course=course)
        response = as_manager.post(
            f"/admin/hub/people/assignments/{assignment.pk}/exempt/",
            {"reason": payload.text},
        )
        assert response.status_code == 302, (payload.id, response.content[:2000])
    learner_assignment = learner.assignments.get(course=course)
    for index, payload in enumerate(PAYLOADS, start=1):
        response = as_manager.post(
            f"/admin/hub/people/assignments/{learner_assignment.pk}/extend/",
            {
                "due_on": (
                    learner_assignment.due_on + timedelta(days=index)
                ).isoformat(),
                "reason": payload.text,
            },
        )
        assert response.status_code == 302, (payload.id, response.content[:2000])

    # Certificates for a few of the imported people: the reports and the
    # public verification page name them.
    certification = Certification.objects.create(name="Replies", validity_months=24)
    certification.courses.add(course)
    certificates = [
        certification_services.issue_certificate(
            holder=people[payload.id], certification=certification, valid_from=today
        )
        for payload in PAYLOADS[:4]
    ]

    # What was stored is what the sanitiser allows, and plain texts as typed.
    for payload, block in zip(PAYLOADS, blocks, strict=True):
        stored = ScenarioSubmission.objects.get(
            enrolment__user=learner, block_id=block.id
        ).text
        assert stored == sanitise_answer(payload.answer), payload.id
        assert people[payload.id].name == payload.text.strip(), payload.id
        assert ScenarioReview.objects.filter(
            submission__enrolment__user=learner, feedback=payload.text.strip()
        ).exists(), payload.id
        assert (
            Exemption.objects.get(assignment__user=people[payload.id]).reason
            == payload.text.strip()
        ), payload.id
        assert DueDateExtension.objects.filter(
            assignment=learner_assignment, reason=payload.text.strip()
        ).exists(), payload.id
    for payload in UNIT_NAME_PAYLOADS:
        assert OrgUnit.objects.filter(name=payload.text.strip()).exists(), payload.id

    names = [p.text for p in PAYLOADS]
    admin_names = [p.text for p in ADMIN_NAMES]
    feedback = [p.text for p in PAYLOADS]
    reasons = [p.text for p in PAYLOADS]
    learner_answers = [answer_as_shown(sanitise_answer(p.answer)) for p in PAYLOADS]

    # The manager: the review queue, a few review screens, the history,
    # people, a person's page, team progress, assignments, reports, the
    # hub's overview, units and roles.
    manager.open("/admin/hub/")
    manager.open("/admin/")
    manager.open_pages(["/admin/hub/reviews/", "/admin/hub/reviews/?page=2"], names)
    for payload in PAYLOADS[:6]:
        submission = ScenarioSubmission.objects.get(enrolment__user=people[payload.id])
        manager.open(
            f"/admin/hub/reviews/{submission.pk}/",
            shows=[payload.text, answer_as_shown(submission.text)],
        )
    manager.open_pages(
        ["/admin/hub/reviews/history/", "/admin/hub/reviews/history/?page=2"],
        feedback,
    )
    manager.open_pages(
        ["/admin/hub/people/", "/admin/hub/people/?page=2"], names + admin_names
    )
    manager.open(f"/admin/hub/people/{learner.pk}/", shows=learner_answers + feedback)
    for payload in PAYLOADS[:6]:
        person = people[payload.id]
        manager.open(
            f"/admin/hub/people/{person.pk}/",
            shows=[payload.text, answer_as_shown(sanitise_answer(payload.answer))],
        )
    manager.open(f"/admin/hub/people/assignments/{learner_assignment.pk}/extend/")
    unit = f"?unit={hub.team.pk}"
    manager.open(f"/admin/hub/progress/{unit}", shows=names + admin_names)
    manager.open(f"/admin/hub/progress/{unit}&role={hub.role.pk}")
    manager.open("/admin/hub/assignments/")
    report = "/admin/hub/reports/completion/"
    manager.open_pages([report, f"{report}?p=2"], names)
    manager.open("/admin/hub/reports/overdue/")
    manager.open("/admin/hub/units/", shows=[p.text for p in UNIT_NAME_PAYLOADS])
    manager.open("/admin/hub/certificates/", shows=names[:4])
    manager.open("/admin/hub/readiness/")

    # HR: the audit trail (exemptions and extensions, with their reasons),
    # the reports, personal-data requests and their export.
    hr = Viewer(browser, base, hub.hr)
    hr.open("/admin/hub/audit-trail/")
    for action in ("lms.exempt", "lms.extend"):
        trail = f"/admin/hub/audit-trail/?action={action}"
        hr.open_pages([trail, f"{trail}&p=2"], reasons)
    hr.open("/admin/hub/audit-trail/?action=lms.review_returned")
    hr.open_pages([report, f"{report}?p=2"], names)
    hr.open("/admin/hub/reports/certificates/", shows=names[:4])
    hr.open("/admin/hub/reports/expiring/")
    search = "/admin/hub/personal-data/?q=xss.example.org"
    hr.open_pages([search, f"{search}&page=2"], names + admin_names)
    # The personal-data export is a file of data, not a page: JSON, sent as
    # an attachment the browser may not sniff, with the texts as stored.
    learner_texts = [sanitise_answer(p.answer) for p in PAYLOADS] + feedback + reasons
    for person, shows, stored in (
        (learner, [], learner_texts),
        (people["p01"], [BY_ID["p01"].text], [BY_ID["p01"].text]),
        (people["p55"], [BY_ID["p55"].text], [BY_ID["p55"].text]),
    ):
        path = f"/admin/hub/personal-data/{person.pk}/"
        page = hr.open(path, shows=shows)
        with page.expect_download() as download:
            page.locator("form[action$='/export/'] button[type=submit]").click()
        with open(download.value.path(), encoding="utf-8") as file:
            exported = set(strings_in(json.load(file)))
        assert not [text for text in stored if text.strip() not in exported]
        hr.check(path, shows)
    response = _client(hub.hr).post(f"/admin/hub/personal-data/{learner.pk}/export/")
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"

    # The administrator: Wagtail's users, and the form that wrote the names.
    admin = Viewer(browser, base, superuser)
    pages = -(-User.objects.count() // 20)
    admin.open_pages(
        [f"/admin/users/?p={number}" for number in range(1, pages + 1)],
        names + admin_names,
    )
    for person in admin_named + [people["p51"], people["p27"]]:
        admin.open(f"/admin/users/edit/{person.pk}/", shows=[person.name])
    admin.open("/admin/hub/roles/", shows=[ROLE_PAYLOAD.text])
    role = Role.objects.get(name=ROLE_PAYLOAD.text)
    admin.open(
        f"/admin/hub/roles/inspect/{role.pk}/",
        shows=[ROLE_PAYLOAD.text, ROLE_PURPOSE.text],
    )

    # The learner: My learning, the course, the module with every answer
    # and every piece of feedback.
    own = Viewer(browser, base, learner)
    own.open("/learn/")
    own.open(course.url)
    own.open(module.url, shows=learner_answers + feedback)
    # An imported person sees their own name and answer.
    someone = people["p55"]
    theirs = Viewer(browser, base, someone)
    theirs.open("/learn/")
    theirs.open(
        module.url, shows=[answer_as_shown(sanitise_answer(BY_ID["p55"].answer))]
    )

    # Anyone: the public verification of a certificate names its holder.
    public = Viewer(browser, base, None)
    for certificate, payload in zip(certificates, PAYLOADS[:4], strict=True):
        public.open(f"/verify/{certificate.code}/", shows=[payload.text])
