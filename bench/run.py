"""`python -m bench`: build the organisation, measure, print, write results.

    python -m bench --people 10000 --rounds 30 --output bench/results.json

The database is BENCH_DATABASE_URL's (cms.settings.bench), dropped and
built anew unless --reuse finds one of the same size built today.
"""

import argparse
import os
import platform
import time
from pathlib import Path

import django

PHASES = ["pages", "exports", "assign", "daily", "certificates", "throughput"]


def _arguments(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument(
        "--rounds", type=int, default=30, help="rounds of the page scenarios"
    )
    parser.add_argument(
        "--export-rounds",
        type=int,
        help="rounds of the CSV and XLSX exports (default: --rounds)",
    )
    parser.add_argument(
        "--work-rounds",
        type=int,
        default=5,
        help="rounds of assigning to the role and of lms_daily (rolled back)",
    )
    parser.add_argument("--certificates", type=int, default=1000)
    parser.add_argument("--throughput-seconds", type=float, default=30)
    parser.add_argument("--output", type=Path, default=Path("bench/results.json"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database if it holds the same size, built today",
    )
    parser.add_argument(
        "--drop", action="store_true", help="drop the database at the end"
    )
    parser.add_argument(
        "--only", nargs="+", choices=PHASES, help="measure only these phases"
    )
    parser.add_argument(
        "--build-only", action="store_true", help="build (or reuse), measure nothing"
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = _arguments(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")
    django.setup()

    from django.core.management import call_command
    from django.utils import timezone

    from bench import database, report
    from bench.build import Organisation, build
    from bench.content import load_content

    say = report.say
    phases = set(args.only or PHASES)
    started = time.monotonic()
    load_before = os.getloadavg()
    results = {
        "people": args.people,
        "measured_on": time.strftime("%Y-%m-%d %H:%M"),
        "scenarios": {},
        "floors": {},
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_before": [round(x, 2) for x in load_before],
        },
        "settings": {
            "settings_module": "cms.settings.bench",
            "client": "Django test client in this process (a-f); gunicorn (g)",
            "mail": "locmem backend; tasks inline (immediate backend), "
            "except in assign_role_2000 and lms_daily, which queue their mail "
            "(dummy backend) as production does",
            "cache": "locmem",
            "sessions": "cached_db",
        },
    }

    described = database.description() if args.reuse else None
    if (
        described
        and described.get("people") == args.people
        and described.get("built_on") == str(timezone.localdate())
    ):
        say(f"bench: reusing {database.name()} ({args.people} people)")
        # Migrations added since it was built.
        call_command("migrate", verbosity=0, interactive=False)
        org = Organisation.from_json(described["organisation"])
        results["build"] = described.get("build", {})
        results["build"]["reused"] = True
    else:
        say(f"bench: building {database.name()} with {args.people} people")
        database.recreate()
        clock = time.monotonic()
        call_command("migrate", verbosity=0, interactive=False)
        migrated = time.monotonic() - clock
        say(f"bench: migrated in {migrated:.0f} s")
        clock = time.monotonic()
        org = build(args.people, seed=args.seed, log=lambda m: say(f"  {m}"))
        built = time.monotonic() - clock
        results["build"] = {
            "migrate_seconds": round(migrated, 1),
            "build_seconds": round(built, 1),
            **org.counts,
        }
        database.describe(
            {
                "people": args.people,
                "built_on": str(timezone.localdate()),
                "organisation": org.to_json(),
                "build": results["build"],
            }
        )
        say(f"bench: built in {built:.0f} s: {org.counts}")
    if args.build_only:
        return 0
    content = load_content()
    results["subjects"] = {
        "team_size": org.team_size,
        "role_2000_size": org.role_2000_size,
    }

    if args.only:
        # Keep what an earlier run of this size measured of the other phases.
        report.carry_over(results, report.earlier(args.output, args.people))

    def save():
        # After every phase, so that a run stopped later keeps what it measured.
        results["machine"]["load_average_after"] = [
            round(x, 2) for x in os.getloadavg()
        ]
        results["seconds"] = round(time.monotonic() - started)
        report.judge(results, report.other_size(args.output, args.people))
        report.write(results, args.output)

    try:
        _measure(args, phases, org, content, results, say, save)
    finally:
        if args.drop:
            database.drop()
    save()

    say()
    say(f"bench: {args.people} people, {results['seconds']} s, written {args.output}")
    say(report.table(results))
    memory = results.get("export_memory")
    if memory:
        say(
            "export peak memory (MiB), everyone / one spoke: "
            f"CSV {memory['csv_all_peak_mib']} / {memory['csv_spoke_peak_mib']}, "
            f"XLSX {memory['xlsx_all_peak_mib']} / {memory['xlsx_spoke_peak_mib']}"
        )
    missing = report.missing_scenarios(results)
    if missing and args.only:
        say(f"bench: not measured yet at this size: {', '.join(missing)}")
    elif missing:
        say(f"bench: FAILED: no figures for {', '.join(missing)}")
        return 1
    # Correctness, not speed: a lost or doubled completion fails any run.
    throughput_ = results["scenarios"].get("completion_throughput", {})
    if throughput_.get("missing") or throughput_.get("doubled"):
        say(
            "bench: FAILED: completions lost or doubled under load: "
            f"{throughput_.get('missing')} lost, {throughput_.get('doubled')} doubled"
        )
        return 1
    return 0


def _floor_summary(timings, name):
    return {"median_ms": timings.median(name), "queries": timings.queries.get(name)}


def _scenario_summary(timings, scenario, rounds):
    return {
        "median_ms": timings.median(scenario.name),
        "queries": timings.queries.get(scenario.name),
        "ratio": timings.ratio(scenario.name),
        "floor": scenario.floor,
        "rounds": rounds,
    }


def _measure(args, phases, org, content, results, say, save):
    from django.conf import settings

    from bench import scenarios, throughput
    from bench.measure import Timings, run_rounds

    browsers = scenarios.Browsers()
    groups = []
    if "pages" in phases:
        groups.append(
            (scenarios.request_scenarios(org, content, browsers), args.rounds)
        )
    if "exports" in phases:
        groups.append(
            (
                scenarios.export_scenarios(org, browsers),
                args.export_rounds or args.rounds,
            )
        )
    # One rotation for everything when the rounds agree.
    if len(groups) == 2 and groups[0][1] == groups[1][1]:
        (first, first_floors), rounds = groups[0]
        (second, second_floors), _rounds = groups[1]
        groups = [((first + second, {**first_floors, **second_floors}), rounds)]
    for (group, floors), rounds in groups:
        names = ", ".join(s.name for s in group)
        say(f"bench: {rounds} rounds of {names}")
        timings = run_rounds(
            group,
            floors,
            rounds=rounds,
            timings=Timings(),
            progress=lambda m: say(f"  {m}") if m.endswith("0") else None,
        )
        for scenario in group:
            results["scenarios"][scenario.name] = _scenario_summary(
                timings, scenario, rounds
            )
        for name in floors:
            results["floors"][name] = _floor_summary(timings, name)
        save()
    if "exports" in phases:
        say("bench: export memory (tracemalloc)")
        results["export_memory"] = scenarios.export_memory(org, browsers)
        for fmt in ("csv", "xlsx"):
            result = results["scenarios"][f"report_{fmt}"]
            result["peak_mib"] = results["export_memory"][f"{fmt}_all_peak_mib"]
        save()
    if "assign" in phases:
        say(f"bench: assigning a course to a role of {org.role_2000_size} people")
        result = scenarios.assign_role(org, browsers, args.work_rounds)
        result["floor"] = "INSERT ... SELECT"
        results["scenarios"]["assign_role_2000"] = result
        save()
    if "daily" in phases:
        say("bench: lms_daily")
        result = scenarios.daily(org, args.work_rounds)
        result["floor"] = "the notices' SQL"
        results["scenarios"]["lms_daily"] = result
        save()
    if "certificates" in phases:
        say(f"bench: issuing and signing {args.certificates} certificates")
        result = scenarios.issue_certificates(org, args.certificates)
        result["floor"] = "INSERT + RS256"
        results["scenarios"]["issue_certificate"] = result
        save()
    if "throughput" in phases:
        say("bench: one completion's queries")
        queries = scenarios.completion_queries(org, content, browsers)
        say(f"bench: {args.throughput_seconds:.0f} s of each against gunicorn")
        result = throughput.run(
            org,
            content,
            seconds=args.throughput_seconds,
            log_path=Path(settings.BASE_DIR) / "var" / "bench-gunicorn.log",
            progress=lambda m: say(f"  {m}"),
        )
        result["queries"] = queries
        result["floor"] = "trivial view"
        results["scenarios"]["completion_throughput"] = result
        save()
