#!/usr/bin/env python3
"""Benchmark the ICS export against the bare CSafeLoader load, and against a git revision.

    python benchmarks/ics.py                         # 10k ICS + per-person ICS, 5 repetitions
    python benchmarks/ics.py --baseline 29c2068      # ... and the same commands at that commit
    python benchmarks/ics.py --reps 3 --no-10k       # only the per-person export

Measurements, each a fresh child process, interleaved (one repetition runs every command once,
in an order rotated each repetition), medians of the CPU time (user + system, the child's own
``os.wait4`` accounting) and of the wall time:

  load        ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the 10k file: the yardstick
  ics 10k     ``python -m missionctl itinerary mission-10k.yaml --format ics -o TMP``
  per-person  ``python -m missionctl itinerary MISSION --format ics --per-person TMPDIR`` on the
              example mission (28 calendars)

With ``--baseline REV`` the two missionctl commands also run from ``git archive REV src`` (by
``PYTHONPATH``, same interpreter and dependencies), the outputs of both versions are compared
byte for byte, and the ratio current / baseline is printed, paired within each repetition.
Judge ratios from one run, never absolute times: the machines are shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEN_K = HERE / "out" / "mission-10k.yaml"
MISSION = ROOT / "missions" / "produtech-morocco-2027" / "mission.yaml"
LOAD = (
    "import sys, yaml; "
    "yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)"
)


def child(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(cpu seconds, wall seconds) of one fresh child; exit 0 required."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark failed: {' '.join(cmd)}\n{err[-2000:]}")
    return usage.ru_utime + usage.ru_stime, wall


def baseline_src(rev: str, into: Path) -> Path:
    """The `src` folder of git revision `rev`, unpacked into `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src"],
        capture_output=True,
        check=True,
    ).stdout
    into.mkdir(parents=True)
    tar_path = into / "src.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--baseline", metavar="REV", help="also run the git revision REV")
    ap.add_argument("--no-10k", action="store_true", help="skip the 10k ICS export")
    ap.add_argument("--mission", type=Path, default=MISSION)
    args = ap.parse_args(argv)
    py = sys.executable
    if not TEN_K.exists():
        subprocess.run([py, str(HERE / "generate.py"), "--events", "10k"], check=True)

    with tempfile.TemporaryDirectory(prefix="mc-ics-bench-") as tmp_name:
        tmp = Path(tmp_name)
        versions = {"": (tmp / "current", dict(os.environ))}
        if args.baseline:
            src = baseline_src(args.baseline, tmp / "baseline")
            env = {**os.environ, "PYTHONPATH": str(src)}
            versions[" (baseline)"] = (tmp / "baseline-out", env)
        commands: dict[str, tuple[list[str], dict[str, str]]] = {
            "load 10k": ([py, "-c", LOAD, str(TEN_K)], dict(os.environ))
        }
        for tag, (out, env) in versions.items():
            out.mkdir()
            run = [py, "-m", "missionctl", "itinerary"]
            if not args.no_10k:
                commands["ics 10k" + tag] = (
                    [*run, str(TEN_K), "--format", "ics", "-o", str(out / "10k.ics")], env)
            commands["per-person" + tag] = (
                [*run, str(args.mission), "--format", "ics", "--per-person", str(out / "pp")], env)

        names = list(commands)
        for name in names:  # one warm-up run each (bytecode, page cache)
            child(*commands[name])
        cpu: dict[str, list[float]] = {n: [] for n in names}
        wall: dict[str, list[float]] = {n: [] for n in names}
        for rep in range(args.reps):
            for name in names[rep % len(names):] + names[: rep % len(names)]:
                c, w = child(*commands[name])
                cpu[name].append(c)
                wall[name].append(w)
            print(f"repetition {rep + 1}/{args.reps} done", file=sys.stderr)

        identical = same_tree(tmp / "current", tmp / "baseline-out") if args.baseline else None
    report(names, cpu, wall, args.reps, identical)
    return 0


def report(
    names: list[str],
    cpu: dict[str, list[float]],
    wall: dict[str, list[float]],
    reps: int,
    identical: bool | None,
) -> None:
    med: Callable[[list[float]], float] = statistics.median
    load = cpu["load 10k"]
    print(f"Medians of {reps} interleaved repetitions; cpu = user + system of the child.\n")
    print("| command | cpu | wall | cpu / load 10k (paired) |")
    print("| --- | ---: | ---: | ---: |")
    for name in names:
        paired = med([a / b for a, b in zip(cpu[name], load, strict=True)])
        print(f"| {name} | {med(cpu[name]):.2f} s | {med(wall[name]):.2f} s | {paired:.3f}× |")
    for name in names:
        base = name + " (baseline)"
        if base in cpu:
            paired = med([a / b for a, b in zip(cpu[name], cpu[base], strict=True)])
            print(f"\n{name}: current / baseline cpu = {paired:.3f}× (paired)", end="")
    if identical is not None:
        print(f"\n\noutputs of current and baseline byte-identical: {identical}")
    print()


if __name__ == "__main__":
    sys.exit(main())
