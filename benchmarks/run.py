#!/usr/bin/env python3
"""Every speed and memory target of missionctl, measured and judged in one run.

    python benchmarks/run.py                    # 1k, 10k, 100k: every target
    python benchmarks/run.py --sizes 1k,10k --quick
    python benchmarks/run.py --json out/results.json

Machines are shared and noisy, so every number is the median of several repetitions, the
repetitions of the commands being compared are interleaved (never all of A, then all of B),
and what is judged is a RATIO measured in the same run. Every measurement is a fresh child
process (benchmarks/harness.py): its wall time includes interpreter start-up and reading the
file, its CPU time and peak RSS are its own.

Measurements, per size (1k, 10k, 100k events; benchmarks/generate.py, seed 1)
  load         ``yaml.load(text, Loader=yaml.CSafeLoader)``: the yardstick
  parse        ``yaml.parse`` with CSafeLoader, every event consumed: libyaml alone
  check        ``missionctl check FILE`` (the console script; ``python -m missionctl`` if none)
  format       ``missionctl check --select MC0 FILE``: loading and format validation
  in-process   the console-script entry point called in a wrapper child, timed from its first
               line (imports + work, no interpreter start-up or shutdown)
  exports      every export: ``itinerary`` in each format, the timeline, ``--per-person``
               calendars, ``contacts`` in each format, written with ``-o`` to a scratch folder
  dense        (10k) ``check`` and the load of ``generate.py --dense``: about 10,000 findings
  start-up     ``missionctl check benchmarks/tiny.yaml`` vs ``benchmarks/bare_typer.py check
               benchmarks/tiny.yaml`` (a one-command Typer app that reads the file)

Targets (issue 10; PASS/FAIL, on the 10k file unless said): check <= 3x the raw parse;
check of the dense mission <= 0.6x its load; itinerary exports <= 0.75x the load, contacts
<= 0.5x; every command's 100k time <= 12x its 10k time; peak RSS at 100k < 2 GB; start-up
<= 0.6x the bare Typer app. Also (earlier issues): check --select MC0 <= 0.5x the load, check
<= 0.75x the load. ``check`` exiting 1 (findings) is normal; a child exiting 2 or more, timing
out or printing a traceback is a failure of the benchmark (exit status 2).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import (
    BARE_TYPER,
    ENTRY_CHILD,
    PARSE_CHILD,
    SIZES,
    TINY,
    YAML_CHILD,
    Run,
    compile_bytecode,
    count_events,
    ensure_file,
    find_missionctl,
    harness_peak_kb,
    measure,
)

from report import Results, report, targets

# export -> (missionctl arguments before the file, writes a folder, target at 10k x the load).
# `--per-person` writes one calendar per person: each event once per attendee, about 9x the
# VEVENTs of the mission's own calendar on the generated files. Its target is the same
# throughput as the single calendar's, so it is judged per calendar event written
# (report.per_written): its time x (VEVENTs of the single calendar / VEVENTs written) <= 0.75x
# the load.
EXPORTS: dict[str, tuple[list[str], bool, float]] = {
    "itinerary ics": (["itinerary", "--format", "ics"], False, 0.75),
    "itinerary html": (["itinerary", "--format", "html"], False, 0.75),
    "itinerary json": (["itinerary", "--format", "json"], False, 0.75),
    "itinerary markdown": (["itinerary", "--format", "markdown"], False, 0.75),
    "itinerary text": (["itinerary", "--format", "text", "--width", "100"], False, 0.75),
    "itinerary csv": (["itinerary", "--format", "csv"], False, 0.75),
    "timeline text": (["itinerary", "--view", "timeline", "--width", "100"], False, 0.75),
    "timeline html": (["itinerary", "--view", "timeline", "--format", "html"], False, 0.75),
    "timeline markdown": (["itinerary", "--view", "timeline", "--format", "markdown"], False,
                          0.75),
    "itinerary ics --per-person": (["itinerary", "--format", "ics"], True, 0.75),
    **{f"contacts {f}": (["contacts", "--format", f, *(["--width", "100"] if f == "text" else [])],
                         False, 0.5)
       for f in ("text", "markdown", "html", "csv", "vcf", "json", "xlsx", "pdf")},
}
CHECKS = ("check", "format", "inproc")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1k,10k,100k",
                    help="comma-separated, of 1k,10k,100k (default all)")
    ap.add_argument("--quick", action="store_true",
                    help="fewer repetitions (3; 100k: 1; start-up: 7)")
    ap.add_argument("--reps", type=int, help="repetitions for 1k/10k (default 5, quick 3)")
    ap.add_argument("--reps-100k", type=int, help="repetitions for 100k (default 3, quick 1)")
    ap.add_argument("--startup-reps", type=int,
                    help="repetitions of the start-up pair (default 15, quick 7)")
    ap.add_argument("--exports", default="all", metavar="NAMES",
                    help="comma-separated exports to measure, 'all' (default) or 'none': "
                    + ", ".join(EXPORTS))
    ap.add_argument("--no-dense", action="store_true",
                    help="skip the check of the 10k findings-heavy mission")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="what the ratios compare: wall time of each child (default) or its "
                    "CPU time, user + system (steadier on a loaded machine)")
    ap.add_argument("--no-inprocess", action="store_true",
                    help="skip the extra in-process missionctl runs")
    ap.add_argument("--regenerate", action="store_true", help="regenerate the mission files first")
    ap.add_argument("--missionctl",
                    help="command to run instead of the console script, "
                    "e.g. 'python -m missionctl'")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per child (default 900)")
    ap.add_argument("--json", type=Path, metavar="FILE",
                    help="also write every sample and result as JSON")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target FAILs")
    args = ap.parse_args(argv)
    args.labels = sorted({s.strip() for s in args.sizes.split(",") if s.strip()}, key=_size)
    for s in args.labels:
        if s not in SIZES:
            ap.error(f"unknown size {s!r} (choose from {', '.join(SIZES)})")
    names = {"all": list(EXPORTS), "none": []}.get(args.exports)
    if names is None:
        names = [n.strip() for n in args.exports.split(",") if n.strip()]
        for n in names:
            if n not in EXPORTS:
                ap.error(f"unknown export {n!r} (choose from {', '.join(EXPORTS)})")
    args.export_names = names
    args.reps = args.reps or (3 if args.quick else 5)
    args.reps_100k = args.reps_100k or (1 if args.quick else 3)
    args.startup_reps = args.startup_reps or (7 if args.quick else 15)
    return args


def _size(label: str) -> int:
    return SIZES.get(label, 0)


def out_path(scratch: Path, label: str, name: str) -> Path:
    """Where export `name` writes on `label` (a file, or a folder for --per-person)."""
    return scratch / label / name.replace(" ", "_").replace("--", "")


def count_vevents(path: Path) -> int:
    """The VEVENTs an ICS export wrote: in the file, or in every .ics of the folder. Read
    line by line: reading the 100k calendar (130 MB) whole raised this harness's peak RSS, the
    floor of every child's (harness.harness_peak_kb), to 178 MB."""
    files = sorted(path.glob("*.ics")) if path.is_dir() else [path]
    count = 0
    for f in files:
        if f.is_file():
            with f.open("rb") as fh:
                count += sum(1 for line in fh if line.startswith(b"BEGIN:VEVENT"))
    return count


def commands(label: str, file: Path, prefix: list[str] | None, target: str | None,
             args: argparse.Namespace, scratch: Path, dense: Path | None
             ) -> dict[str, list[str]]:
    """Every command measured on one size: name -> argv."""
    py, f = sys.executable, str(file)
    c = {"load": [py, "-c", YAML_CHILD, f], "parse": [py, "-c", PARSE_CHILD, f]}
    if dense is not None:
        c["dense load"] = [py, "-c", YAML_CHILD, str(dense)]
    if prefix is None:
        return c
    c["check"] = [*prefix, "check", f]
    c["format"] = [*prefix, "check", "--select", "MC0", f]
    if not args.no_inprocess and target:
        c["inproc"] = [py, "-c", ENTRY_CHILD, target, "check", f]
    if dense is not None:
        c["dense check"] = [*prefix, "check", str(dense)]
    for name in args.export_names:
        words, folder, _ = EXPORTS[name]
        out = out_path(scratch, label, name)
        c[name] = [*prefix, *words, f, "--per-person" if folder else "-o", str(out)]
    return c


# Counts the findings of a JSON report by code, in a child: parsing the report of the dense
# mission (9,383 findings) in the harness raised its peak RSS to 49 MB, and with it the floor of
# every child's peak RSS (see harness.harness_peak_kb).
SUMMARY_CHILD = """\
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
counts = {}
for finding in doc.get("findings", []):
    counts[finding.get("code", "?")] = counts.get(finding.get("code", "?"), 0) + 1
print(json.dumps({"summary": doc.get("summary"), "by_code": counts}))
"""


def warm_up(file: Path, prefix: list[str] | None, timeout: float, scratch: Path
            ) -> tuple[dict[str, object], Run | None]:
    """One `check --format json` (page cache, bytecode): the findings it reports, by code."""
    if prefix is None:
        return {}, None
    report_file = scratch / "warm-up.json"
    r = measure([*prefix, "check", "--format", "json", "-o", str(report_file), str(file)],
                timeout)
    found: dict[str, object] = {"exit": r.rc, "summary": None, "by_code": {}}
    if report_file.exists():
        done = subprocess.run([sys.executable, "-c", SUMMARY_CHILD, str(report_file)],
                              capture_output=True, text=True, timeout=timeout)
        report_file.unlink()
        with contextlib.suppress(ValueError):  # no summary: the table says so
            found.update(json.loads(done.stdout))
    return found, r


def measure_sizes(args: argparse.Namespace, files: dict[str, Path], dense: Path | None,
                  prefix: list[str] | None, target: str | None, scratch: Path,
                  failures: list[str], log: object, written: dict[str, dict[str, int]]
                  ) -> tuple[dict, dict]:
    """The interleaved repetitions of every command of every size; a command that fails is
    not run again (its target shows FAIL, the others are still measured). `written` gets the
    VEVENTs each ICS export wrote, counted after its first run."""
    cmds = {label: commands(label, files[label], prefix, target, args, scratch,
                            dense if label == "10k" else None) for label in args.labels}
    samples: dict[str, dict[str, list[Run]]] = {lb: {k: [] for k in c} for lb, c in cmds.items()}
    findings: dict[str, object] = {}
    for label in args.labels:
        (scratch / label).mkdir(parents=True, exist_ok=True)
        log(f"warm-up: missionctl check --format json {label}")  # type: ignore[operator]
        findings[label], r = warm_up(files[label], prefix, args.timeout, scratch)
        if r is not None and r.failed():
            failures.append(f"warm-up check {label}: exit {r.rc}\n{r.stderr[-1500:]}")
        if label == "10k" and dense is not None:
            findings["10k dense"], _ = warm_up(dense, prefix, args.timeout, scratch)
    broken: set[tuple[str, str]] = set()
    for rep in range(max(args.reps, args.reps_100k if "100k" in args.labels else 0)):
        for label in args.labels:
            if rep >= (args.reps_100k if label == "100k" else args.reps):
                continue
            order = list(cmds[label])
            k = rep % len(order)
            for kind in order[k:] + order[:k]:
                if (label, kind) in broken:
                    continue
                run = measure(cmds[label][kind], args.timeout)
                samples[label][kind].append(run)
                log(f"rep {rep + 1} {label} {kind}: {run.wall:.2f} s wall, "  # type: ignore[operator]
                    f"{run.cpu:.2f} s cpu, {run.maxrss / 1024:.0f} MB, exit {run.rc}")
                if (kind in EXPORTS and run.rc == 0 and "ics" in kind
                        and kind not in written.setdefault(label, {})):
                    written[label][kind] = count_vevents(out_path(scratch, label, kind))
                if run.failed() or (kind in EXPORTS and run.rc != 0):
                    broken.add((label, kind))
                    failures.append(f"{kind} {label}: exit {run.rc}"
                                    f"{' (timeout)' if run.timed_out else ''}\n"
                                    + run.stderr[-1500:])
    return samples, findings


def measure_startup(args: argparse.Namespace, prefix: list[str] | None,
                    failures: list[str]) -> dict[str, list[Run]]:
    """The tiny mission through missionctl vs the bare Typer app (and bare Python for scale)."""
    cmds = {"typer": [sys.executable, str(BARE_TYPER), "check", str(TINY)],
            "python": [sys.executable, "-c", "pass"]}
    if prefix:
        cmds["check"] = [*prefix, "check", str(TINY)]
    start: dict[str, list[Run]] = {k: [] for k in ("check", "typer", "python")}
    for c in cmds.values():  # warm-up
        measure(c, args.timeout)
    for rep in range(args.startup_reps):
        order = list(cmds)
        k = rep % len(order)
        for kind in order[k:] + order[:k]:
            run = measure(cmds[kind], args.timeout)
            start[kind].append(run)
            if run.failed():
                failures.append(f"start-up {kind}: exit {run.rc}\n{run.stderr[-1500:]}")
    return start


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    python = sys.executable
    files = {s: ensure_file(s, args.regenerate) for s in args.labels}
    dense = (ensure_file("10k", args.regenerate, dense=True)
             if "10k" in args.labels and not args.no_dense else None)
    compile_bytecode(python)
    prefix, target = find_missionctl(python, args.missionctl)
    if prefix is None:
        print("warning: missionctl does not run (neither the console script nor "
              "python -m missionctl); measuring the baselines only", file=sys.stderr)
    load_before = os.getloadavg()
    started = time.time()

    def log(msg: str) -> None:
        print(f"[{time.time() - started:6.0f}s] {msg}", file=sys.stderr, flush=True)

    failures: list[str] = []
    written: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory(prefix="mcbench-out-") as scratch:
        samples, findings = measure_sizes(args, files, dense, prefix, target, Path(scratch),
                                          failures, log, written)
    start = measure_startup(args, prefix, failures)
    log(f"start-up: {args.startup_reps} interleaved repetitions done")
    floor_kb = harness_peak_kb()  # before this process imports anything more
    res = Results(args=args, labels=args.labels, files=files, dense=dense, samples=samples,
                  start=start, findings=findings, exports=EXPORTS, failures=failures,
                  clock=args.clock, prefix=prefix, target=target,
                  events={s: count_events(p) for s, p in files.items()},
                  load=(load_before, os.getloadavg()), floor_kb=floor_kb,
                  when=dt.datetime.now(), python=platform.python_version(), written=written)
    judged = targets(res)
    print(report(res, judged))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res.as_json(judged), indent=2, default=str) + "\n",
                             encoding="utf-8")
    if failures:
        return 2
    if args.strict and any(t["result"] == "FAIL" for t in judged):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
