"""The readiness and completion charts on a 320 px screen: type large enough
to read, and each bar or segment at least 3:1 against whatever touches it,
with stacked segments apart by a gap (WCAG 1.4.1, 1.4.4, 1.4.11)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from certification import readiness
from certification.models import Certificate
from lms.organisation import scope
from tests.e2e.colours import CONTRAST_JS
from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SMALLEST_TYPE = 12  # px, as the chart shows on the screen
# A gap narrower than this would not show two segments apart.
NARROWEST_GAP = 2  # px

# For the chart `selector`, with `data` its shapes that stand for numbers:
# each text's size on the screen and whether it fits in the chart; each data
# shape's weakest contrast against the colours that touch it (the page
# behind the chart, and any shape of its row it meets, such as a bar's
# track); the gaps between a row's data shapes, on the screen.
MEASURE = (
    "([selector, data]) => {"
    + CONTRAST_JS
    + """
  const svg = document.querySelector(selector);
  const width = svg.viewBox.baseVal.width;
  const scale = svg.getBoundingClientRect().width / width;
  const behind = background(svg.parentElement);
  const stroked = shape => {
    const style = getComputedStyle(shape);
    return style.stroke !== "none" && parseFloat(style.strokeWidth) > 0;
  };
  // The colours on a shape's edge: its border, else its fill or pattern's.
  const paints = shape => {
    const style = getComputedStyle(shape);
    if (stroked(shape)) return [colour(style.stroke)];
    const pattern = style.fill.match(/url\\("?#([^")]+)"?\\)/);
    if (!pattern) return [colour(style.fill)];
    return [...document.getElementById(pattern[1]).querySelectorAll("*")]
      .map(part => colour(getComputedStyle(part).fill)).filter(Boolean);
  };
  const edges = shape => {
    const box = shape.getBBox();
    const half = stroked(shape) ? parseFloat(getComputedStyle(shape).strokeWidth) / 2 : 0;
    return {left: box.x - half, right: box.x + box.width + half};
  };
  const texts = [...svg.querySelectorAll("text")].map(text => {
    const box = text.getBBox();
    return {
      text: text.textContent.trim(),
      px: parseFloat(getComputedStyle(text).fontSize) * scale,
      fits: box.x >= -0.5 && box.x + box.width <= width + 0.5,
    };
  });
  const shapes = [], gaps = [];
  for (const row of svg.querySelectorAll("g")) {
    const rects = [...row.querySelectorAll(":scope > rect")];
    const numbers = rects.filter(rect => rect.matches(data));
    for (const shape of numbers) {
      const own = edges(shape);
      const touching = rects.filter(other => {
        const them = edges(other);
        return other !== shape && them.left <= own.right + 0.5 && them.right >= own.left - 0.5;
      });
      let weakest = {ratio: Infinity};
      for (const paint of paints(shape)) {
        for (const other of [behind, ...touching.flatMap(paints)]) {
          const ratio = contrast(paint, other);
          if (ratio < weakest.ratio) weakest = {ratio, paint: hex(paint), against: hex(other)};
        }
      }
      shapes.push({row: row.querySelector("text").textContent.trim(), kind: shape.getAttribute("class"), ...weakest});
    }
    const spans = numbers.map(edges).sort((a, b) => a.left - b.left);
    for (let i = 1; i < spans.length; i++) {
      gaps.push({row: row.querySelector("text").textContent.trim(), px: (spans[i].left - spans[i - 1].right) * scale});
    }
  }
  return {texts, shapes, gaps, kinds: [...new Set(shapes.map(shape => shape.kind))]};
}"""
)


def lapse_one_certified_member():
    """Let a certified member of a role lapse within 30 days, so that a row
    of the readiness chart holds all three kinds of segment."""
    today = timezone.localdate()
    hr = get_user_model().objects.get(email="hr@example.org")
    entry = next(
        entry
        for entry in readiness.role_readiness(
            units=scope.visible_units(hr), today=today
        )
        if entry.certified_count >= 2 and entry.not_certified
    )
    Certificate.objects.filter(
        holder=entry.certified[0],
        certification__in=entry.role.required_certifications.all(),
        valid_from__lte=today,
    ).update(valid_until=today + timedelta(days=20))


def problems(measured):
    found = [
        f"text {text['text']!r} shows at {text['px']:.1f} px"
        for text in measured["texts"]
        if text["px"] < SMALLEST_TYPE
    ]
    found += [
        f"text {text['text']!r} runs out of the chart"
        for text in measured["texts"]
        if not text["fits"]
    ]
    found += [
        f"{shape['row']}: {shape['kind']} {shape['paint']} is {shape['ratio']:.2f}:1"
        f" against {shape['against']}"
        for shape in measured["shapes"]
        if shape["ratio"] < 3
    ]
    found += [
        f"{gap['row']}: segments {gap['px']:.1f} px apart"
        for gap in measured["gaps"]
        if gap["px"] < NARROWEST_GAP
    ]
    return found


def test_charts_read_on_a_phone_and_their_parts_stand_apart(demo, page):
    lapse_one_certified_member()
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, demo, "hr@example.org", "/admin/hub/readiness/")
    readiness_chart = page.evaluate(MEASURE, ["svg.readiness-chart", "rect.segment"])
    assert {"segment ok", "segment lapsing", "segment missing"} <= set(
        readiness_chart["kinds"]
    )
    assert readiness_chart["gaps"], "a row shows more than one kind of segment"
    # The counts are written in the segments wide enough to hold them.
    assert any(text["text"].isdigit() for text in readiness_chart["texts"])

    page.goto(f"{demo}/admin/hub/reports/completion/")
    completion_chart = page.evaluate(MEASURE, ["svg.report-chart", "rect.bar"])
    assert completion_chart["shapes"], "some unit has completed assignments"

    found = problems(readiness_chart) + problems(completion_chart)
    assert not found, "At 320 px:\n" + "\n".join(found)
