"""The targets of issue 10, the printed table and bench/results.json."""

import json
import sys
from pathlib import Path

# Every scenario results.json must hold.
SCENARIOS = [
    "report_page",
    "report_csv",
    "report_xlsx",
    "my_learning_1",
    "my_learning_12",
    "course_page_1",
    "course_page_12",
    "module_page",
    "team_matrix",
    "assign_role_2000",
    "lms_daily",
    "issue_certificate",
    "completion_throughput",
]
EXTRA_SCENARIOS = ["module_page_12"]

FLOOR_NAMES = {
    "report_sql_page": "the page's SQL",
    "report_sql_rows": "the rows' SQL",
    "plain_page": "plain page",
}

TARGETS = {
    "report_page": "<= 2x the SQL floor",
    "report_csv": "<= 2x the SQL floor; memory flat",
    "report_xlsx": "<= 2x the SQL floor; memory flat",
    "my_learning_1": "<= 1.5x plain page",
    "my_learning_12": "<= 1.5x plain page; queries as with 1",
    "course_page_1": "<= 1.5x plain page",
    "course_page_12": "<= 1.5x plain page; queries as with 1",
    "module_page": "<= 1.5x plain page",
    "module_page_12": "<= 1.5x plain page; queries as with 1",
    "team_matrix": "<= 20 queries",
    "assign_role_2000": "<= 20 queries",
    "lms_daily": "linear or better, 10k to 100k",
    "issue_certificate": "(none set)",
    "completion_throughput": ">= 0.5x trivial; none lost or doubled",
}


def _flat(memory: dict, fmt: str, other: dict | None) -> bool | None:
    """Memory is flat if exporting everyone peaks no higher than a sixth of
    the rows does (plus 2 MiB of slack), and, with the other size's results
    at hand, no higher than there (plus half)."""
    everyone, spoke = (
        memory.get(f"{fmt}_all_peak_mib"),
        memory.get(f"{fmt}_spoke_peak_mib"),
    )
    if everyone is None or spoke is None:
        return None
    flat = everyone <= spoke * 1.5 + 2
    if other:
        there = other.get("export_memory", {}).get(f"{fmt}_all_peak_mib")
        if there:
            flat = flat and max(everyone, there) <= min(everyone, there) * 1.5 + 2
    return flat


def _linear(result: dict, people: int, other: dict | None) -> bool | None:
    if not other or result.get("median_ms") is None:
        return None
    there = other["scenarios"].get("lms_daily", {})
    if not there.get("median_ms"):
        return None
    small, large = sorted(
        [(people, result["median_ms"]), (other["people"], there["median_ms"])]
    )
    if small[0] == large[0]:
        return None
    return large[1] / small[1] <= large[0] / small[0]


def judge(results: dict, other: dict | None) -> None:
    """Add target and met to each scenario."""
    scenarios = results["scenarios"]
    memory = results.get("export_memory", {})
    for name, result in scenarios.items():
        result["target"] = TARGETS.get(name)
        met = None
        ratio, queries = result.get("ratio"), result.get("queries")
        if name == "report_page":
            met = ratio is not None and ratio <= 2
        elif name in ("report_csv", "report_xlsx"):
            flat = _flat(memory, name.removeprefix("report_"), other)
            met = ratio is not None and ratio <= 2 and flat is not False
            result["memory_flat"] = flat
        elif name in ("my_learning_1", "course_page_1", "module_page"):
            met = ratio is not None and ratio <= 1.5
        elif name.endswith("_12"):
            single = scenarios.get(name.removesuffix("_12") + "_1") or scenarios.get(
                name.removesuffix("_12")
            )
            same = single is not None and single.get("queries") == queries
            result["queries_as_with_1"] = same
            met = ratio is not None and ratio <= 1.5 and same
        elif name in ("team_matrix", "assign_role_2000"):
            met = queries is not None and queries <= 20
        elif name == "lms_daily":
            met = _linear(result, results["people"], other)
        elif name == "completion_throughput":
            met = (
                ratio is not None
                and ratio >= 0.5
                and result.get("missing") == 0
                and result.get("doubled") == 0
            )
        result["met"] = met


def other_size(output: Path, people: int) -> dict | None:
    """The results of the nearest other size kept beside the output."""
    found = []
    for path in output.parent.glob(f"{output.stem}-*.json"):
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if data.get("people") and data["people"] != people:
            found.append(data)
    if not found:
        return None
    return min(found, key=lambda data: abs(data["people"] - 10 * people))


def per_size(output: Path, people: int) -> Path:
    """The copy of the results kept for one size: results-10000.json beside
    results.json, or the output itself when it is already named so."""
    if output.stem.endswith(f"-{people}"):
        return output
    return output.with_name(f"{output.stem}-{people}{output.suffix}")


def earlier(output: Path, people: int) -> dict | None:
    """The results kept for this size by an earlier run, if any."""
    path = per_size(output, people)
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data if data.get("people") == people else None


def carry_over(results: dict, earlier_results: dict | None) -> None:
    """Start a run of some phases from what an earlier run measured of the
    others; the phases measured now overwrite their figures."""
    if not earlier_results:
        return
    for key in ("scenarios", "floors"):
        results[key] = {**earlier_results.get(key, {}), **results[key]}
    if "export_memory" in earlier_results:
        results.setdefault("export_memory", earlier_results["export_memory"])
    results["carried_over_from"] = (
        earlier_results.get("measured_on") or "an earlier run"
    )


def _cell(value, digits=1):
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table(results: dict) -> str:
    rows = [("scenario", "median ms", "queries", "ratio", "floor", "target", "met")]
    for name in SCENARIOS + EXTRA_SCENARIOS:
        result = results["scenarios"].get(name)
        if result is None:
            continue
        rows.append(
            (
                name,
                _cell(result.get("median_ms")),
                _cell(result.get("queries")),
                _cell(result.get("ratio"), 2) + ("x" if result.get("ratio") else ""),
                result.get("floor", ""),
                result.get("target") or "",
                _cell(result.get("met")),
            )
        )
    for name, floor in results.get("floors", {}).items():
        rows.append(
            (
                f"(floor) {name}",
                _cell(floor.get("median_ms")),
                _cell(floor.get("queries")),
                "",
                "",
                "",
                "",
            )
        )
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append(
            "  ".join(
                str(cell).rjust(width) if 0 < i < 4 else str(cell).ljust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def missing_scenarios(results: dict) -> list[str]:
    """Scenarios absent from the results, or without a figure."""
    return [
        name
        for name in SCENARIOS
        if name not in results.get("scenarios", {})
        or results["scenarios"][name].get("median_ms") is None
    ]


def write(results: dict, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, sort_keys=False, default=str) + "\n"
    output.write_text(text)
    # A copy per size, for comparing sizes (lms_daily, export memory).
    per_size(output, results["people"]).write_text(text)


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
