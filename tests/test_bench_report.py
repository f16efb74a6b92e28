"""The benchmark's results file: a run of some phases keeps the others'."""

import json

from bench import report


def _results(people, scenarios, **extra):
    return {"people": people, "scenarios": scenarios, "floors": {}, **extra}


def test_a_run_of_some_phases_keeps_what_an_earlier_run_measured(tmp_path):
    output = tmp_path / "results.json"
    earlier = _results(
        10_000,
        {"report_page": {"median_ms": 1000.0}, "lms_daily": {"median_ms": 9.0}},
        export_memory={"csv_all_peak_mib": 5.0},
        measured_on="2026-12-01 10:00",
    )
    report.write(earlier, output)
    # Another size beside it is not this size's.
    report.write(_results(100_000, {"team_matrix": {"median_ms": 1.0}}), output)

    now = _results(10_000, {"lms_daily": {"median_ms": 4.0}})
    report.carry_over(now, report.earlier(output, 10_000))

    assert now["scenarios"] == {
        "report_page": {"median_ms": 1000.0},
        "lms_daily": {"median_ms": 4.0},
    }
    assert now["export_memory"] == {"csv_all_peak_mib": 5.0}
    assert now["carried_over_from"] == "2026-12-01 10:00"


def test_nothing_to_carry_over_when_no_run_of_this_size_was_kept(tmp_path):
    output = tmp_path / "results.json"
    (tmp_path / "results-10000.json").write_text("not json")
    now = _results(10_000, {"lms_daily": {"median_ms": 4.0}})
    report.carry_over(now, report.earlier(output, 10_000))
    report.carry_over(now, report.earlier(output, 1_000))
    assert now["scenarios"] == {"lms_daily": {"median_ms": 4.0}}
    assert "carried_over_from" not in now


def test_an_output_named_for_its_size_is_its_own_earlier_run(tmp_path):
    output = tmp_path / "results-100000.json"
    report.write(_results(100_000, {"report_page": {"median_ms": 3.0}}), output)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["results-100000.json"]

    now = _results(100_000, {"lms_daily": {"median_ms": 4.0}})
    report.carry_over(now, report.earlier(output, 100_000))
    assert set(now["scenarios"]) == {"report_page", "lms_daily"}


def test_lms_daily_is_judged_linear_against_the_other_size(tmp_path):
    output = tmp_path / "results.json"
    report.write(_results(10_000, {"lms_daily": {"median_ms": 100.0}}), output)
    other = report.other_size(output, 100_000)

    linear = _results(100_000, {"lms_daily": {"median_ms": 900.0}})
    report.judge(linear, other)
    worse = _results(100_000, {"lms_daily": {"median_ms": 1100.0}})
    report.judge(worse, other)

    assert linear["scenarios"]["lms_daily"]["met"] is True
    assert worse["scenarios"]["lms_daily"]["met"] is False
    assert json.loads(output.read_text())["people"] == 10_000
