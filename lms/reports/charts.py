"""Bar charts of rates and of stacked counts, drawn as SVG on the server.

Each label sits above its bar, not beside it, so that a chart stays narrow:
drawn 344 units wide in 16-unit type, it shows at full size on a desktop
and still at 13 px on a 320 px screen, where it shrinks to about 280 px.
"""

from dataclasses import dataclass, field

CHART_WIDTH = 344
BAR_WIDTH = 300
ROW_HEIGHT = 50
# Label baseline, then the bar under it, within a row.
LABEL_Y = 17
BAR_Y = 24
BAR_HEIGHT = 20
# The white gap between stacked segments, and the narrowest segment that
# still holds its count.
GAP = 3
LABELLED_WIDTH = 24
MIN_SEGMENT = 4


@dataclass(frozen=True)
class Bar:
    label: str
    percent: int | None
    y: int
    width: int


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int = CHART_WIDTH
    bar_width: int = BAR_WIDTH
    label_y: int = LABEL_Y
    bar_y: int = BAR_Y
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return len(self.bars) * ROW_HEIGHT

    @property
    def value_x(self) -> int:
        """Where a bar's value ends: at the chart's right edge."""
        return self.width

    @property
    def value_y(self) -> int:
        return self.bar_y + self.bar_height - 5


def rate_chart(entries) -> BarChart:
    """One bar per (label, percent or None) entry; no bar where there is no rate."""
    return BarChart(
        bars=[
            Bar(
                label=label,
                percent=percent,
                y=index * ROW_HEIGHT,
                width=round(BAR_WIDTH * (percent or 0) / 100),
            )
            for index, (label, percent) in enumerate(entries)
        ]
    )


@dataclass(frozen=True)
class Segment:
    kind: str
    count: int
    x: int
    width: int

    @property
    def labelled(self) -> bool:
        """Wide enough to carry its count inside it."""
        return self.width >= LABELLED_WIDTH

    @property
    def middle(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class StackedRow:
    label: str
    y: int
    segments: list[Segment] = field(default_factory=list)


@dataclass(frozen=True)
class StackedChart:
    rows: list[StackedRow]
    width: int = CHART_WIDTH
    label_y: int = LABEL_Y
    bar_y: int = BAR_Y
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return len(self.rows) * ROW_HEIGHT

    @property
    def count_y(self) -> int:
        return self.bar_y + self.bar_height - 5


def _segment_widths(counts: list[int], width: int) -> list[int]:
    """Widths in proportion to the counts that fill `width` exactly, with
    every count above zero at least MIN_SEGMENT wide."""
    total = sum(counts)
    edges, running = [0], 0
    for count in counts:
        running += count
        edges.append(round(width * running / total))
    widths = [right - left for left, right in zip(edges, edges[1:], strict=False)]
    for index, count in enumerate(counts):
        short = MIN_SEGMENT - widths[index] if count else 0
        if short > 0:
            widths[index] += short
            widest = max(range(len(widths)), key=widths.__getitem__)
            widths[widest] -= short
    return widths


def stacked_chart(entries) -> StackedChart:
    """One bar per (label, [(kind, count), ...]) entry, its segments in the
    order given and apart by a gap; kinds without a count leave no segment."""
    rows = []
    for index, (label, parts) in enumerate(entries):
        parts = [(kind, count) for kind, count in parts if count]
        segments = []
        if parts:
            gaps = GAP * (len(parts) - 1)
            widths = _segment_widths(
                [count for _kind, count in parts], CHART_WIDTH - gaps
            )
            x = 0
            for (kind, count), width in zip(parts, widths, strict=True):
                segments.append(Segment(kind=kind, count=count, x=x, width=width))
                x += width + GAP
        rows.append(StackedRow(label=label, y=index * ROW_HEIGHT, segments=segments))
    return StackedChart(rows=rows)
