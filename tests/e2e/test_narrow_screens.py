"""Every page the demo learner, manager and HR reach, at 320 px: nothing
scrolls sideways and nothing sticks out of the screen (WCAG 1.4.10)."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Error as PlaywrightError
from wagtail.users.models import UserProfile

from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTH = 320
CRISIS_QUIZ = "/courses/crisiscommunicatie-hub/fasen-van-een-crisis/"
# Links that download a file or sign out, rather than show a page.
NOT_A_PAGE = re.compile(
    r"logout|/pdf/$|/credential/$|export|template|\.(csv|xlsx|jwt|json)$|/documents/"
)
# The most pages one walk visits: a guard against a walk that never ends.
MOST_PAGES = 150

# What does not fit at this width: the page scrolling sideways, and (in the
# admin, whose main area hides what sticks out rather than scrolling it)
# boxes and text that reach past the screen's right edge outside a box of
# their own that scrolls, such as a wide table's. A drawer slid out of view
# until its toggle opens it does not count.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const visible = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const scrolls = node => {
    for (let a = node.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  // Text hidden but for screen readers, in a 1 px box that clips it.
  const screenReaderOnly = el => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const box = a.getBoundingClientRect();
      if ((box.width <= 1 || box.height <= 1) && getComputedStyle(a).overflow !== "visible") return true;
    }
    return false;
  };
  // A drawer slid out of view, shown by its toggle (the admin's minimap).
  const offCanvas = el => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (["absolute", "fixed"].includes(style.position) && style.transform !== "none") return true;
    }
    return false;
  };
  const found = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && visible(el) && !scrolls(el) && !offCanvas(el)) {
      found.add(el);
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const text = walker.currentNode, parent = text.parentElement;
    if (!text.textContent.trim() || !visible(parent) || screenReaderOnly(parent)) continue;
    range.selectNodeContents(text);
    if ([...range.getClientRects()].some(r => r.right > width + 1) && !scrolls(text) && !offCanvas(parent)) {
      found.add(parent);
    }
  }
  const describe = el => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}`
    + `${el.classList.length ? "." + [...el.classList].slice(0, 3).join(".") : ""}`
    + ` "${(el.innerText || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 40)}"`
    + ` reaches ${Math.round(el.getBoundingClientRect().right)} px`;
  const problems = [...found].filter(el => !found.has(el.parentElement)).slice(0, 5).map(describe);
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.unshift(`scrolls sideways: ${root.scrollWidth} px wide`);
  }
  return problems;
}"""


def shape(path):
    """A path with its ids and codes left out: one page of each kind."""
    path = re.sub(r"/\d+/", "/N/", path)
    return re.sub(r"/[A-Za-z0-9_-]{20,}/", "/CODE/", path)


def walk(page, base, starts, *, keep):
    """Visit the pages reached by links from `starts`, one of each shape, and
    return {path: (status, language, problems)}."""
    seen, queue, visited = set(), list(starts), {}
    while queue and len(visited) < MOST_PAGES:
        path = queue.pop(0)
        if shape(path) in seen:
            continue
        seen.add(shape(path))
        try:
            response = page.goto(base + path)
        except PlaywrightError as error:
            if "Download is starting" in error.message:
                continue
            raise
        visited[path] = (
            response.status,
            page.locator("html").get_attribute("lang"),
            page.evaluate(OVERFLOW),
        )
        for href in page.eval_on_selector_all(
            "a[href]:not([download])", "links => links.map(link => link.href)"
        ):
            link = urlsplit(href)
            if (
                link.netloc == urlsplit(base).netloc
                and keep(link.path)
                and not NOT_A_PAGE.search(link.path)
            ):
                queue.append(link.path)
    return visited


def failures(visited, who):
    return [
        f"{who} {path} ({language}): {status}"
        if status >= 400
        else f"{who} {path} ({language}): " + "; ".join(problems)
        for path, (status, language, problems) in visited.items()
        if status >= 400 or problems
    ]


def site_pages(path):
    return not path.startswith("/admin/")


def own_pages(path):
    """A manager's or HR's pages: the admin, their learning and account."""
    return path.startswith(("/admin/", "/learn/", "/accounts/"))


def prefer_english(email):
    profile = UserProfile.get_for_user(get_user_model().objects.get(email=email))
    profile.preferred_language = "en"
    profile.save()


def test_no_page_scrolls_sideways_at_320_px(demo, page):
    page.set_viewport_size({"width": WIDTH, "height": 640})
    found = []

    log_in(page, demo, "learner@example.org")
    dutch = walk(page, demo, ["/learn/", "/courses/", "/"], keep=site_pages)
    # The quiz whose "crisiscommunicatieadviseur" once widened the page.
    assert dutch.get(CRISIS_QUIZ, ())[:2] == (200, "nl")
    page.goto(f"{demo}{CRISIS_QUIZ}")
    assert page.locator(".quiz fieldset").count(), "the learner sees its questions"
    found += failures(dutch, "learner")
    page.goto(f"{demo}/learn/")
    page.locator(".language-switch button[value=en]").click()
    page.wait_for_load_state()
    english = walk(page, demo, ["/learn/", "/courses/", "/"], keep=site_pages)
    assert {language for _status, language, _problems in english.values()} == {"en"}
    found += failures(english, "learner")

    for email in ("manager@example.org", "hr@example.org"):
        who = email.split("@")[0]
        page.context.clear_cookies()
        log_in(page, demo, email, "/admin/")
        visited = walk(page, demo, ["/admin/", "/learn/"], keep=own_pages)
        assert len([path for path in visited if path.startswith("/admin/hub/")]) > 10
        found += failures(visited, who)
        prefer_english(email)
        found += failures(walk(page, demo, ["/admin/"], keep=own_pages), who)

    assert not found, "At 320 px:\n" + "\n".join(found)
