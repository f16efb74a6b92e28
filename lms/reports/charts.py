"""A horizontal bar chart of rates, drawn as SVG on the server."""

from dataclasses import dataclass

BAR_WIDTH = 300
LABEL_WIDTH = 230
ROW_HEIGHT = 30


@dataclass(frozen=True)
class Bar:
    label: str
    percent: int | None
    y: int
    width: int


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    label_width: int = LABEL_WIDTH
    bar_width: int = BAR_WIDTH

    @property
    def width(self) -> int:
        # Room for the value after a full bar.
        return self.label_width + self.bar_width + 50

    @property
    def height(self) -> int:
        return len(self.bars) * ROW_HEIGHT + 4


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
