#!/usr/bin/env python3
"""Benchmark `missionctl schedule`: quality, time and determinism on realistic brokerage
sessions, and how the command scales with the size of the mission. It reports; it asserts
nothing about time (see benchmarks/README.md, "schedule").

    python benchmarks/schedule.py                      # every scenario, then the 1k-100k scale
    python benchmarks/schedule.py --only mission,forum-60
    python benchmarks/schedule.py --no-scale --runs 2
    python benchmarks/schedule.py --json benchmarks/out/schedule.json

Each scenario is a mission from `schedule_gen.py` (a brokerage event at a Casablanca hotel,
a quarter of the organisations busy with visits, meetings, coaches, late arrivals or early
departures). For each: `missionctl schedule` as a fresh process, timed (wall clock, the
solver's deterministic work), `--runs` times from an empty file, comparing the generated
file and the JSON report byte for byte (determinism); the planning alone, in a process that
has imported OR-Tools and missionctl first (no start-up, no imports: "planning"); once more
with the file in place (a rerun must change nothing); then `missionctl check` on the result,
counting MC101, MC102, MC103, MC201 and MC204 (must be 0).

The scale part runs `schedule --dry-run` and `check` on `generate.py`'s 1k, 10k and 100k-event
missions (their B2B session has hand-written meetings and some unmet requests), interleaved,
and reports the ratio of the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "schedule"
sys.path.insert(0, str(HERE))

from schedule_gen import generate  # noqa: E402

# name -> (organisations, requests, slots, tables)
SCENARIOS = {
    "mission": (15, 40, 8, 6),
    "forum-60": (60, 240, 10, 24),
    "forum-80": (80, 300, 22, 20),
}
HARD = ("MC101", "MC102", "MC103", "MC201", "MC204")


def missionctl() -> list[str]:
    script = Path(sys.executable).parent / "missionctl"
    return [str(script)] if script.exists() else [sys.executable, "-m", "missionctl"]


def timed(args: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done


PLAN_ONLY = """\
import sys, time
from pathlib import Path
import ortools.sat.python.cp_model  # imports first: only the planning is timed
from missionctl.schedule.command import run
start = time.perf_counter()
run(Path(sys.argv[1]), dry_run=True, time_limit=float(sys.argv[2]))
print(time.perf_counter() - start)
"""


def plan_seconds(folder: Path, time_limit: float) -> float:
    """The planning alone (load, availability, solve, report; no interpreter start-up nor
    imports), in a fresh process, from an empty file."""
    (folder / "b2b-meetings.yaml").unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-c", PLAN_ONLY, "mission.yaml", str(time_limit)],
                          cwd=folder, capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def scenario(name: str, runs: int, time_limit: float) -> dict[str, object]:
    orgs, requests, slots, tables = SCENARIOS[name]
    folder = OUT / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "mission.yaml").write_text(generate(orgs, requests, slots, tables),
                                         encoding="utf-8")
    target = folder / "b2b-meetings.yaml"
    cmd = [*missionctl(), "schedule", "mission.yaml", "--format", "json",
           "--time-limit", str(time_limit)]
    times, files, reports = [], [], []
    for _ in range(runs):
        target.unlink(missing_ok=True)
        seconds, done = timed(cmd, folder)
        if done.returncode != 0:
            raise SystemExit(f"{name}: schedule failed ({done.returncode}): {done.stderr}")
        times.append(seconds)
        files.append(target.read_bytes())
        reports.append(done.stdout)
    planning = plan_seconds(folder, time_limit)
    target.write_bytes(files[0])
    _seconds, again = timed(cmd, folder)
    rerun_unchanged = json.loads(again.stdout)["unchanged"] and target.read_bytes() == files[0]
    _s, checked = timed([*missionctl(), "check", "mission.yaml", "--format", "json"], folder)
    found = json.loads(checked.stdout)["findings"]
    session = json.loads(reports[0])["sessions"][0]
    stages = {s["name"]: s for s in session["stages"]}
    return {
        "scenario": name, "organisations": orgs, "requests": requests, "slots": slots,
        "tables": tables, "seconds": statistics.median(times), "seconds_all": times,
        "plan_seconds": planning,
        "work": round(sum(s.get("work", 0.0) for s in session["stages"]), 2),
        "met": session["requests_met"], "breaks": session["breaks"],
        "breaks_bound": stages["breaks"]["bound"], "proven": session["proven_optimal"],
        "stopped_by": session["stopped_by"],
        "deterministic": len(set(files)) == 1 and len(set(reports)) == 1,
        "rerun_unchanged": rerun_unchanged,
        "hard_findings": sum(1 for f in found if f["code"] in HARD),
    }


def scale(sizes: list[str], reps: int) -> list[dict[str, object]]:
    """`schedule --dry-run` against `check` on generate.py's missions, interleaved."""
    out = []
    for size in sizes:
        path = HERE / "out" / f"mission-{size}.yaml"
        if not path.exists():
            events = {"1k": 1000, "10k": 10000, "100k": 100000}[size]
            subprocess.run([sys.executable, str(HERE / "generate.py"), "--events", str(events),
                            "--out", str(path)], check=True)
        sched = [*missionctl(), "schedule", path.name, "--dry-run", "--format", "json",
                 "--output", f"scale-{size}.yaml"]
        check = [*missionctl(), "check", path.name, "--format", "json"]
        got: dict[str, list[float]] = {"schedule": [], "check": []}
        for rep in range(reps):
            order = [("schedule", sched), ("check", check)]
            for label, args in order if rep % 2 == 0 else order[::-1]:
                seconds, done = timed(args, path.parent)
                if label == "schedule" and done.returncode != 0:
                    raise SystemExit(f"{size}: schedule failed: {done.stderr}")
                got[label].append(seconds)
        s, c = statistics.median(got["schedule"]), statistics.median(got["check"])
        out.append({"size": size, "schedule": s, "check": c, "ratio": s / c})
    return out


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| scenario | orgs | requests | slots | tables | command (s) | planning (s) | "
             "solver work (s) | met (high/normal/low) | breaks (bound) | proven | "
             "deterministic | rerun | MC101-MC204 |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | "
             "--- | ---: |"]
    for r in rows:
        met = r["met"]
        assert isinstance(met, dict)
        shown = "/".join(f"{met[p]['met']} of {met[p]['requests']}" for p in met)
        lines.append(
            f"| {r['scenario']} | {r['organisations']} | {r['requests']} | {r['slots']} | "
            f"{r['tables']} | {r['seconds']:.1f} | {r['plan_seconds']:.1f} | {r['work']} | "
            f"{shown} | {r['breaks']} "
            f"({r['breaks_bound']}) | {'yes' if r['proven'] else 'no: ' + str(r['stopped_by'])}"
            f" | {'yes' if r['deterministic'] else 'NO'} | "
            f"{'unchanged' if r['rerun_unchanged'] else 'CHANGED'} | {r['hard_findings']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated scenarios: " + ", ".join(SCENARIOS))
    parser.add_argument("--runs", type=int, default=2, help="runs per scenario (default 2)")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--no-scale", action="store_true", help="skip the 1k-100k part")
    parser.add_argument("--sizes", default="1k,10k,100k")
    parser.add_argument("--reps", type=int, default=3, help="scale repetitions (default 3)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(SCENARIOS)
    rows = []
    for name in names:
        print(f"scenario {name} ...", file=sys.stderr, flush=True)
        rows.append(scenario(name, args.runs, args.time_limit))
    print(table(rows))
    result: dict[str, object] = {"scenarios": rows, "cpus": os.cpu_count()}
    if not args.no_scale:
        print("\n| mission | schedule --dry-run (s) | check (s) | schedule / check |\n"
              "| --- | ---: | ---: | ---: |")
        found = scale(args.sizes.split(","), args.reps)
        for r in found:
            print(f"| {r['size']} | {r['schedule']:.2f} | {r['check']:.2f} | "
                  f"{r['ratio']:.2f}x |")
        result["scale"] = found
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
