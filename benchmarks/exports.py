#!/usr/bin/env python3
"""Every export (itinerary in each format, the timeline, --per-person, contacts) against the
bare CSafeLoader load of the same file, at 1k and 10k events (100k with --sizes), and against a
git revision (--baseline REV): before and after, ratios from one run.

    python benchmarks/exports.py                          # 1k and 10k, 3 repetitions
    python benchmarks/exports.py --baseline 3cc6b80       # ... and the same at that commit
    python benchmarks/exports.py --sizes 10k,100k --reps 1 --only ics,json
    python benchmarks/exports.py --sizes 1k,10k,100k      # 100k once (--reps-100k N)

Each measurement is a fresh child (``python -m missionctl ... -o FILE``), interleaved: one
repetition runs every command of a size once, in an order rotated each repetition. Medians of
the CPU time (user + system, the child's own ``os.wait4`` accounting, steadier than wall time
on a shared machine) and of the wall time; peak RSS is the child's own. With ``--baseline``
the missionctl commands also run from ``git archive REV src`` (by ``PYTHONPATH``, same
interpreter and dependencies) and the outputs of both versions are compared byte for byte.

Targets (issue 10), judged on the 10k file, CPU time / load: itinerary (every format and the
timeline) <= 0.75x, contacts <= 0.5x; and every command's 100k time <= 12x its 10k time,
peak RSS at 100k < 2 GB, when 100k is measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
LOAD = (
    "import sys, yaml; "
    "yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)"
)
# name -> (arguments after the file, output is a folder, target ratio to the load at 10k)
EXPORTS: dict[str, tuple[list[str], bool, float]] = {
    "ics": (["itinerary", "--format", "ics"], False, 0.75),
    "text": (["itinerary", "--format", "text", "--width", "100"], False, 0.75),
    "html": (["itinerary", "--format", "html"], False, 0.75),
    "json": (["itinerary", "--format", "json"], False, 0.75),
    "markdown": (["itinerary", "--format", "markdown"], False, 0.75),
    "csv": (["itinerary", "--format", "csv"], False, 0.75),
    "timeline-text": (["itinerary", "--view", "timeline", "--width", "100"], False, 0.75),
    "timeline-html": (["itinerary", "--view", "timeline", "--format", "html"], False, 0.75),
    "per-person-ics": (["itinerary", "--format", "ics"], True, 0.75),
    "contacts-text": (["contacts", "--width", "100"], False, 0.5),
    "contacts-html": (["contacts", "--format", "html"], False, 0.5),
    "contacts-vcf": (["contacts", "--format", "vcf"], False, 0.5),
    "contacts-csv": (["contacts", "--format", "csv"], False, 0.5),
    "contacts-json": (["contacts", "--format", "json"], False, 0.5),
}


class Sample:
    __slots__ = ("cpu", "rss_mb", "wall")

    def __init__(self, cpu: float, wall: float, rss_mb: float) -> None:
        self.cpu, self.wall, self.rss_mb = cpu, wall, rss_mb


def child(cmd: list[str], env: dict[str, str], timeout: float) -> Sample:
    """One fresh child, which must exit 0; its CPU time and peak RSS from `os.wait4`."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if code != 0:
        raise SystemExit(f"benchmark failed (exit {code}): {' '.join(cmd)}\n{text[-2000:]}")
    return Sample(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def baseline_src(rev: str, into: Path) -> Path:
    """The `src` folder of git revision `rev`, unpacked into `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src"],
                             capture_output=True, check=True).stdout
    into.mkdir(parents=True)
    (into / "src.tar").write_bytes(archive)
    with tarfile.open(into / "src.tar") as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def ensure_file(label: str) -> Path:
    """benchmarks/out/mission-<label>.yaml, generated (seed 1) in a child when missing."""
    path = HERE / "out" / f"mission-{label}.yaml"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--events",
                        str(SIZES[label]), "--out", str(path), "--quiet"], check=True)
    return path


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all((a / f).read_bytes() == (b / f).read_bytes()
                                      for f in files_a)


def commands(size: str, file: Path, names: list[str], versions: dict[str, tuple[Path, dict]]
             ) -> dict[str, tuple[list[str], dict[str, str]]]:
    py = sys.executable
    out: dict[str, tuple[list[str], dict[str, str]]] = {
        "load": ([py, "-c", LOAD, str(file)], dict(os.environ))}
    for tag, (folder, env) in versions.items():
        for name in names:
            args, is_dir, _ = EXPORTS[name]
            target = folder / size / (name if is_dir else f"{name}.out")
            flag = "--per-person" if is_dir else "-o"
            out[name + tag] = ([py, "-m", "missionctl", *args, str(file), flag, str(target)],
                               env)
    return out


def run_size(size: str, names: list[str], versions: dict[str, tuple[Path, dict]], reps: int,
             timeout: float) -> dict[str, list[Sample]]:
    file = ensure_file(size)
    for folder, _ in versions.values():
        (folder / size).mkdir(parents=True, exist_ok=True)
    cmds = commands(size, file, names, versions)
    order = list(cmds)
    if size != "100k":
        for name in order:  # one warm-up run each (bytecode, page cache)
            child(*cmds[name], timeout)
    samples: dict[str, list[Sample]] = {n: [] for n in order}
    for rep in range(reps):
        for name in order[rep % len(order):] + order[: rep % len(order)]:
            samples[name].append(child(*cmds[name], timeout))
            s = samples[name][-1]
            print(f"{size} rep {rep + 1}/{reps} {name}: {s.cpu:.2f} s cpu, {s.wall:.2f} s wall,"
                  f" {s.rss_mb:.0f} MB", file=sys.stderr, flush=True)
    return samples


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1k,10k", help="comma-separated: 1k, 10k, 100k")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--reps-100k", type=int, default=1,
                    help="repetitions at 100k (default 1: one 100k pass takes minutes)")
    ap.add_argument("--only", help="comma-separated exports (default: all): "
                    + ", ".join(EXPORTS))
    ap.add_argument("--baseline", metavar="REV", help="also run the git revision REV")
    ap.add_argument("--timeout", type=float, default=3600)
    args = ap.parse_args(argv)
    sizes = [s for s in args.sizes.split(",") if s]
    names = args.only.split(",") if args.only else list(EXPORTS)
    for name in [*names, *sizes]:
        if name not in EXPORTS and name not in SIZES:
            ap.error(f"unknown export or size {name!r}")
    with tempfile.TemporaryDirectory(prefix="mc-exports-") as tmp_name:
        tmp = Path(tmp_name)
        versions: dict[str, tuple[Path, dict]] = {"": (tmp / "current", dict(os.environ))}
        if args.baseline:
            src = baseline_src(args.baseline, tmp / "baseline")
            versions[" (before)"] = (tmp / "before", {**os.environ, "PYTHONPATH": str(src)})
        results = {s: run_size(s, names, versions,
                               args.reps_100k if s == "100k" else args.reps, args.timeout)
                   for s in sizes}
        identical = same_tree(tmp / "current", tmp / "before") if args.baseline else None
    report(results, names, args, identical)
    return 0


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def report(results: dict[str, dict[str, list[Sample]]], names: list[str],
           args: argparse.Namespace, identical: bool | None) -> None:
    before = " (before)" if args.baseline else None
    print(f"Medians of {args.reps} interleaved repetitions ({args.reps_100k} at 100k); cpu = "
          f"user + system of the child; load average now {os.getloadavg()[0]:.2f}.\n")
    head = "| export | size | cpu | wall | cpu / load | peak RSS |"
    rule = "| --- | --- | ---: | ---: | ---: | ---: |"
    if before:
        head += f" before ({args.baseline}) cpu / load | after / before (paired) |"
        rule += " ---: | ---: |"
    print(head + " target (10k) |")
    print(rule + " --- |")
    for size, samples in results.items():
        load = med([s.cpu for s in samples["load"]])
        print(f"| load (CSafeLoader) | {size} | {load:.2f} s | "
              f"{med([s.wall for s in samples['load']]):.2f} s | 1× | "
              f"{max(s.rss_mb for s in samples['load']):.0f} MB |" + (" | |" if before else "")
              + " |")
        for name in names:
            cpu = med([s.cpu for s in samples[name]])
            row = (f"| {name} | {size} | {cpu:.2f} s | {med([s.wall for s in samples[name]]):.2f}"
                   f" s | **{cpu / load:.2f}×** | {max(s.rss_mb for s in samples[name]):.0f} MB |")
            if before:
                old = samples[name + before]
                paired = med([a.cpu / b.cpu for a, b in zip(samples[name], old, strict=True)])
                row += f" {med([s.cpu for s in old]) / load:.2f}× | {paired:.2f}× |"
            limit = EXPORTS[name][2]
            row += (f" ≤ {limit}×: {'PASS' if cpu / load <= limit else 'FAIL'} |"
                    if size == "10k" else " |")
            print(row)
    if "10k" in results and "100k" in results:
        print("\n| export | 100k / 10k cpu | target ≤ 12× | peak RSS 100k | target < 2 GB |")
        print("| --- | ---: | --- | ---: | --- |")
        for name in ["load", *names]:
            ratio = (med([s.cpu for s in results["100k"][name]])
                     / med([s.cpu for s in results["10k"][name]]))
            rss = max(s.rss_mb for s in results["100k"][name])
            print(f"| {name} | {ratio:.1f}× | {'PASS' if ratio <= 12 else 'FAIL'} | "
                  f"{rss:.0f} MB | {'PASS' if rss < 2048 else 'FAIL'} |")
    if identical is not None:
        print(f"\nOutputs of this version and {args.baseline} byte-identical: {identical}")


if __name__ == "__main__":
    sys.exit(main())
