"""WCAG 2.2 AA beyond what axe checks by itself: the focus ring's contrast
and visibility, target sizes, no dragging, accessible authentication and no
entering again what a form already knows."""

from http import HTTPStatus

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.urls import reverse

from certification.models import Certificate
from courses.models import CoursePage
from lms.learning import services
from tests.e2e.colours import CONTRAST_JS
from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CRISIS_COURSE = "/courses/crisiscommunicatie-hub/"
CRISIS_QUIZ = "/courses/crisiscommunicatie-hub/fasen-van-een-crisis/"
MOST_TABS = 150

# The element that has focus: its focus ring's tones (the outline and any
# box-shadow), the background around it, the best contrast of a tone
# against that background (1.4.11), and the share of it that shows, not
# covered by a sticky or fixed part of the page (2.4.11).
FOCUSED = (
    "async () => {"
    + CONTRAST_JS
    + """
  let element = document.activeElement;
  while (element && element.shadowRoot && element.shadowRoot.activeElement) {
    element = element.shadowRoot.activeElement;
  }
  if (!element || element === document.body) return null;
  // Where the page scrolls to bring it into view, once it gets there: the
  // admin scrolls smoothly.
  const offsets = () => {
    const found = [scrollX, scrollY];
    for (let node = element.parentElement; node; node = node.parentElement) {
      found.push(node.scrollLeft, node.scrollTop);
    }
    return found.join();
  };
  for (let frames = 0, still = 0, last = null; frames < 120 && still < 3; frames++) {
    await new Promise(requestAnimationFrame);
    const now = offsets();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  // And once its ring has its colour: the admin's sidebar fades it in.
  await Promise.race([
    Promise.all(element.getAnimations().map(animation => animation.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 1000)),
  ]);
  const style = getComputedStyle(element);
  const tones = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) {
    tones.push(colour(style.outlineColor));
  }
  for (const match of style.boxShadow.matchAll(/rgba?\\([^)]+\\)/g)) tones.push(colour(match[0]));
  const around = background(element.parentElement);
  const best = Math.max(0, ...tones.filter(Boolean).map(tone => contrast(tone, around)));
  // Points across each of its boxes (a link has one per line it takes):
  // which of them show the element, not something covering it.
  const own = [element, ...(element.labels || [])];
  let shown = 0, points = 0;
  for (const box of element.getClientRects()) {
    const left = Math.max(box.left, 0), right = Math.min(box.right, innerWidth);
    const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
    points += 9;
    if (right <= left || bottom <= top) continue;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const hit = element.getRootNode().elementFromPoint(
          left + (right - left) * (i + 0.5) / 3, top + (bottom - top) * (j + 0.5) / 3
        );
        if (hit && own.some(part => part === hit || part.contains(hit))) shown++;
      }
    }
  }
  return {
    element: `${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""}`
      + ` "${(element.innerText || element.value || element.getAttribute("aria-label") || "").trim().replace(/\\s+/g, " ").slice(0, 30)}"`,
    tones: tones.filter(Boolean).map(hex),
    around: hex(around),
    best,
    shown: points ? shown / points : 0,
  };
}"""
)

# Targets smaller than 24 by 24 px (2.5.8) that neither sit in a sentence
# nor have room around them: a 24 px circle on the target's centre that
# meets another target, or another small target's circle.
SMALL_TARGETS = """() => {
  const MIN = 24;
  const targets = [...document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])"
  )].filter(el => el.checkVisibility({visibilityProperty: true}) && el.getBoundingClientRect().width > 1);
  // An inline target with other text on a line it takes (a link in a
  // sentence) is excepted; one alone on its line is not.
  const inSentence = el => {
    if (getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const lines = [...el.getClientRects()];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    while (walker.nextNode()) {
      const text = walker.currentNode;
      if (el.contains(text) || !text.textContent.trim()) continue;
      range.selectNodeContents(text);
      for (const box of range.getClientRects()) {
        if (lines.some(line => box.top < line.bottom - 1 && box.bottom > line.top + 1)) return true;
      }
    }
    return false;
  };
  const boxes = targets.map(el => el.getBoundingClientRect());
  const small = boxes.map(box => box.width < MIN - 0.5 || box.height < MIN - 0.5);
  const centre = box => [box.left + box.width / 2, box.top + box.height / 2];
  const toBox = ([x, y], box) => Math.hypot(
    Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom)
  );
  const failures = [];
  targets.forEach((el, i) => {
    if (!small[i] || inSentence(el)) return;
    const [x, y] = centre(boxes[i]);
    const crowded = targets.some((other, j) => {
      if (j === i || other.contains(el) || el.contains(other)) return false;
      if (!small[j]) return toBox([x, y], boxes[j]) < MIN / 2;
      const [ox, oy] = centre(boxes[j]);
      return Math.hypot(x - ox, y - oy) < MIN;
    });
    if (crowded) {
      failures.push(`${el.tagName.toLowerCase()} "${(el.innerText || el.value || "").trim().slice(0, 30)}"`
        + ` ${Math.round(boxes[i].width)}×${Math.round(boxes[i].height)} px`);
    }
  });
  return failures;
}"""

# Pointer events that only dragging would need (2.5.7).
DRAGGING = {
    "drag",
    "dragstart",
    "dragover",
    "drop",
    "pointermove",
    "mousemove",
    "touchmove",
}
CAPTCHA = (
    "iframe, .g-recaptcha, .h-captcha, .cf-turnstile, "
    "[class*=captcha i], [id*=captcha i], [name*=captcha i]"
)


def focus_stops(page):
    """Tab through the page from its top; what each stop shows."""
    page.locator("body").focus()
    page.evaluate("document.activeElement.blur()")
    stops, first = [], None
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None:
            if stops:
                break
            continue
        if first is None:
            first = page.evaluate_handle("document.activeElement")
        elif page.evaluate("first => first === document.activeElement", first):
            break
        stops.append(stop)
    return stops


def focus_problems(page, url):
    found = []
    stops = focus_stops(page)
    assert stops, f"nothing on {url} takes focus"
    for stop in stops:
        where = f"{url} {stop['element']}"
        if stop["best"] < 3:
            found.append(
                f"{where}: ring {stop['tones']} at {stop['best']:.2f}:1 on {stop['around']}"
            )
        if stop["shown"] == 0:
            found.append(f"{where}: hidden when focused")
    return found


def test_the_accessibility_check_runs_the_wcag_22_rules(page, axe):
    page.set_content(
        '<html lang="en"><body><main><h1>Targets</h1><div style="display:flex">'
        + '<button style="width:12px;height:12px;padding:0;margin:0">a</button>' * 2
        + "</div></main></body></html>"
    )
    with pytest.raises(AssertionError, match="target-size"):
        axe(page)


def test_the_focus_ring_stands_out_and_stays_in_view(demo, page):
    found = []
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, demo, "learner@example.org")
    for url in ("/learn/", "/courses/", CRISIS_COURSE, CRISIS_QUIZ, "/accounts/email/"):
        page.goto(f"{demo}{url}")
        found += focus_problems(page, url)

    # The manager sees the admin's userbar, fixed to the bottom of the page,
    # and the Hub's screens, in Wagtail's focus style.
    page.context.clear_cookies()
    log_in(page, demo, "manager@example.org", CRISIS_QUIZ)
    found += focus_problems(page, CRISIS_QUIZ)
    page.set_viewport_size({"width": 1280, "height": 800})
    for url in ("/admin/hub/people/", "/admin/hub/assignments/assign/"):
        page.goto(f"{demo}{url}")
        found += focus_problems(page, url)
    assert not found, "Focus:\n" + "\n".join(found)


def learner_pages():
    certificate = Certificate.objects.filter(holder__email="learner@example.org")[0]
    scenario = next(
        module
        for course in CoursePage.objects.filter(locale__language_code="nl")
        for module in course.get_modules()
        if any(b.block_type == "scenario" for b in module.interactive_blocks())
    )
    return [
        "/",
        "/courses/",
        CRISIS_COURSE,
        CRISIS_QUIZ,
        scenario.url,
        "/learn/",
        "/accounts/email/",
        "/accounts/password/change/",
        f"/verify/{certificate.code}/",
    ]


def test_learner_pages_have_targets_of_24_px_and_need_no_dragging(demo, page):
    small, dragging = [], []
    cdp = page.context.new_cdp_session(page)

    def listeners():
        found = set()
        # The window's own, and those of the document and everything in it.
        for expression, depth in (("window", 1), ("document", -1)):
            handle = cdp.send("Runtime.evaluate", {"expression": expression})
            found |= {
                listener["type"]
                for listener in cdp.send(
                    "DOMDebugger.getEventListeners",
                    {
                        "objectId": handle["result"]["objectId"],
                        "depth": depth,
                        "pierce": True,
                    },
                )["listeners"]
            }
        return found & DRAGGING

    urls = learner_pages()
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{demo}/accounts/login/")
    small += [f"/accounts/login/: {target}" for target in page.evaluate(SMALL_TARGETS)]
    log_in(page, demo, "learner@example.org")
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        for url in urls:
            page.goto(f"{demo}{url}")
            small += [
                f"{url} at {width} px: {target}"
                for target in page.evaluate(SMALL_TARGETS)
            ]
            if width == 320:
                if page.locator("[draggable=true]").count():
                    dragging.append(f"{url}: draggable elements")
                if found := listeners():
                    dragging.append(f"{url}: listens to {sorted(found)}")
    assert not small, "Targets under 24 by 24 px:\n" + "\n".join(small)
    assert not dragging, "Dragging:\n" + "\n".join(dragging)


def password_fields(page, url):
    """What stands between a person and signing in on the page at `url`."""
    found = []
    if page.locator(CAPTCHA).count():
        found.append(f"{url}: a captcha or puzzle")
    fields = page.locator("input[type=password]")
    assert fields.count(), f"{url} has a password field"
    for index in range(fields.count()):
        field = fields.nth(index)
        name = field.get_attribute("name")
        if field.get_attribute("autocomplete") not in {
            "current-password",
            "new-password",
        }:
            found.append(
                f"{url} {name}: autocomplete={field.get_attribute('autocomplete')!r}"
                " keeps password managers out"
            )
        if field.get_attribute("onpaste") or field.get_attribute("oncopy"):
            found.append(f"{url} {name}: blocks copy and paste")
        refused = field.evaluate(
            """field => {
              const data = new DataTransfer();
              data.setData("text/plain", "pasted-password-1");
              const paste = new ClipboardEvent(
                "paste", {clipboardData: data, bubbles: true, cancelable: true}
              );
              field.dispatchEvent(paste);
              return paste.defaultPrevented;
            }"""
        )
        if refused:
            found.append(f"{url} {name}: refuses a pasted password")
    return found


def test_signing_in_takes_a_pasted_password_and_no_puzzle(demo, page):
    learner = get_user_model().objects.get(email="learner@example.org")
    reset = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(learner),
            "key": default_token_generator.make_token(learner),
        },
    )
    found = []
    page.goto(f"{demo}/accounts/login/")
    login = page.locator("input[name=login]")
    assert login.get_attribute("autocomplete") in {"email", "username"}
    found += password_fields(page, "/accounts/login/")
    page.goto(f"{demo}/admin/login/")
    found += password_fields(page, "/admin/login/")
    page.goto(f"{demo}{reset}")
    found += password_fields(page, "the reset link")

    log_in(page, demo, "learner@example.org")
    page.goto(f"{demo}/accounts/password/change/")
    found += password_fields(page, "/accounts/password/change/")
    assert not found, "Signing in:\n" + "\n".join(found)


def refused(path):
    """Matches the answer to a form posted to `path` that refuses it."""
    return lambda response: (
        path in response.url
        and response.request.method == "POST"
        and response.status == HTTPStatus.BAD_REQUEST
    )


def test_forms_keep_what_was_entered_when_they_refuse_it(demo, page):
    learner = get_user_model().objects.get(email="learner@example.org")
    course = CoursePage.objects.get(
        slug="werven-via-sociale-media", locale__language_code="nl"
    )
    services.enrol(user=learner, course=course)
    quiz = next(
        module
        for module in course.get_modules()
        if any(b.block_type == "quiz" for b in module.interactive_blocks())
    )
    scenario = next(
        module
        for module in course.get_modules()
        if any(b.block_type == "scenario" for b in module.interactive_blocks())
    )

    # A wrong password: the address typed stays in the form.
    page.goto(f"{demo}/accounts/login/")
    page.fill("input[name=login]", "learner@example.org")
    page.fill("input[name=password]", "not-the-password")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.input_value("input[name=login]") == "learner@example.org"

    log_in(page, demo, "learner@example.org", quiz.url)
    # A quiz answered in part: the answer given stays chosen.
    block = quiz.interactive_blocks()[0]
    question = block.value["questions"].bound_blocks[0]
    choice = question.value["choices"].bound_blocks[0]
    page.locator(f"#c-{block.id}-{choice.id}").check()
    with page.expect_response(refused("/quiz/")):
        page.locator(f"#block-{block.id} button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(f"#block-{block.id} [aria-invalid=true]").count()
    assert page.locator(f"#c-{block.id}-{choice.id}").is_checked()

    # A scenario answer the server refuses: the text typed stays.
    page.goto(f"{demo}{scenario.url}")
    block = scenario.interactive_blocks()[0]
    field = page.locator(f"#answer-{block.id}")
    minimum = int(field.get_attribute("minlength") or 1)
    # Markup that sanitising leaves empty, past the browser's own check.
    typed = "<x></x>" * minimum
    field.fill(typed)
    with page.expect_response(refused("/scenario/")):
        page.locator(f"#block-{block.id} button[type=submit]").click()
    page.wait_for_load_state()
    assert field.get_attribute("aria-invalid") == "true"
    assert field.input_value() == typed
