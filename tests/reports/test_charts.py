"""The charts' geometry: bars of rates, and stacked segments apart by a gap."""

import pytest

from lms.reports import charts


def test_a_rate_bar_is_as_long_as_its_share_of_the_track():
    chart = charts.rate_chart([("Hub", 50), ("Hub/PR", None), ("Hub/HR", 100)])
    assert [bar.width for bar in chart.bars] == [150, 0, charts.BAR_WIDTH]
    assert [bar.y for bar in chart.bars] == [
        0,
        charts.ROW_HEIGHT,
        2 * charts.ROW_HEIGHT,
    ]
    assert chart.height == 3 * charts.ROW_HEIGHT
    # The value ends at the chart's edge, beyond the longest bar.
    assert chart.value_x == chart.width > charts.BAR_WIDTH


@pytest.mark.parametrize(
    "counts",
    [(3, 1, 3), (5, 0, 2), (0, 0, 4), (1, 0, 200), (7, 7, 7)],
)
def test_stacked_segments_fill_the_row_apart_by_a_gap(counts):
    parts = list(zip(("ok", "lapsing", "missing"), counts, strict=True))
    (row,) = charts.stacked_chart([("Webcare-agent · Webcare", parts)]).rows
    assert [segment.kind for segment in row.segments] == [
        kind for kind, count in parts if count
    ]
    assert [segment.count for segment in row.segments] == [c for c in counts if c]
    assert row.segments[0].x == 0
    last = row.segments[-1]
    assert last.x + last.width == charts.CHART_WIDTH
    for left, right in zip(row.segments, row.segments[1:], strict=False):
        assert right.x - (left.x + left.width) == charts.GAP
    assert all(segment.width >= charts.MIN_SEGMENT for segment in row.segments)


def test_only_a_segment_wide_enough_carries_its_count():
    (row,) = charts.stacked_chart([("Role · Unit", [("ok", 1), ("missing", 99)])]).rows
    narrow, wide = row.segments
    assert not narrow.labelled
    assert wide.labelled
    assert wide.middle == wide.x + wide.width / 2


def test_a_row_without_members_counted_has_no_segments():
    (row,) = charts.stacked_chart([("Role · Unit", [("ok", 0), ("missing", 0)])]).rows
    assert row.segments == []
