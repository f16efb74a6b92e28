"""The Hub's admin tables and filters on a laptop screen (issue 11, item 25):
the team matrix shows every column without scrolling, and a filter's button
sits beside its field rather than on top of it."""

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.test_narrow_screens import prefer_english

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LAPTOP = {"width": 1440, "height": 900}

# How far a box reaches past its scrolling region, and the columns cut off.
CUT_OFF = """region => {
  const edge = region.getBoundingClientRect().right;
  return {
    overflow: region.scrollWidth - region.clientWidth,
    cut: [...region.querySelectorAll("thead th")]
      .filter(th => th.getBoundingClientRect().right > edge + 1)
      .map(th => th.innerText.trim()),
  };
}"""

OVERLAP = """form => {
  const boxes = [...form.querySelectorAll("input, select, button")]
    .map(el => [el.name || el.innerText.trim(), el.getBoundingClientRect()]);
  const pairs = [];
  for (const [i, [a, one]] of boxes.entries()) {
    for (const [b, other] of boxes.slice(i + 1)) {
      if (one.left < other.right && other.left < one.right
          && one.top < other.bottom && other.top < one.bottom) pairs.push(`${a} / ${b}`);
    }
  }
  return pairs;
}"""


def test_the_team_matrix_shows_every_course_at_1440_px(demo, page):
    page.set_viewport_size(LAPTOP)
    log_in(page, demo, "manager@example.org", "/admin/")
    for language in ("nl", "en"):
        if language == "en":
            prefer_english("manager@example.org")
        page.goto(f"{demo}/admin/hub/progress/")
        assert page.locator("html").get_attribute("lang") == language
        headers = page.locator(".hub-matrix thead th")
        # Person, roles and the demo's five courses.
        assert headers.count() == 7
        fit = page.locator(".hub-scroll").evaluate(CUT_OFF)
        assert fit == {"overflow": 0, "cut": []}, language


@pytest.mark.parametrize("width", [320, 768, 1440])
def test_the_certificate_search_button_sits_beside_its_field(demo, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, demo, "hr@example.org", "/admin/")
    page.goto(f"{demo}/admin/hub/certificates/")
    filters = page.locator("form.hub-filters")
    assert filters.locator("input[type=search]").is_visible()
    assert filters.evaluate(OVERLAP) == []
