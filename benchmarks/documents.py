#!/usr/bin/env python3
"""Benchmark the printable and spreadsheet outputs (issue 13) at 1k, 10k and 100k events.

    python benchmarks/documents.py                  # 1k and 10k, 3 repetitions
    python benchmarks/documents.py --sizes 1k 10k 100k --reps 1

Each measurement is a fresh child process; the figure is the median CPU time (user + system,
from ``os.wait4``), and the peak memory (the child's maximum resident set, ``ru_maxrss``).
Ratios, taken in one run, are what to judge (the machines are shared):

  load        ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the file: the yardstick
  xlsx        ``missionctl itinerary FILE --format xlsx -o TMP``
  pdf         ``missionctl itinerary FILE --format pdf -o TMP``
  rooming     ``missionctl sheets FILE rooming --format xlsx -o TMP``
  manifest    ``missionctl sheets FILE manifest --format pdf -o TMP``

Linear means the 100k/10k ratio of each command is about 10 (the files hold 10x the events).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOAD = ("import sys, yaml; "
        "yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)")
COMMANDS = {
    "xlsx": ["itinerary", "{file}", "--format", "xlsx", "-o", "{out}.xlsx", "--force"],
    "pdf": ["itinerary", "{file}", "--format", "pdf", "-o", "{out}.pdf", "--force"],
    "rooming": ["sheets", "{file}", "rooming", "--format", "xlsx", "-o", "{out}-r.xlsx",
                "--force"],
    "manifest": ["sheets", "{file}", "manifest", "--format", "pdf", "-o", "{out}-m.pdf",
                 "--force"],
}


def cpu(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, peak resident memory in MB) of one run of `cmd`."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark failed: {' '.join(cmd)}\n{err[-2000:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def mission(size: str) -> Path:
    path = HERE / "out" / f"mission-{size}.yaml"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--events", size],
                       check=True, stdout=subprocess.DEVNULL)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", default=["1k", "10k"])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--only", nargs="+", choices=list(COMMANDS), default=list(COMMANDS))
    args = ap.parse_args(argv)
    py = sys.executable
    results: dict[tuple[str, str], float] = {}
    peaks: dict[tuple[str, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            file = mission(size)
            out = str(Path(tmp) / size)
            runs: dict[str, list[tuple[float, float]]] = {"load": []}
            for _ in range(args.reps):
                runs["load"].append(cpu([py, "-c", LOAD, str(file)]))
                for name in args.only:
                    cmd = [c.format(file=file, out=out) for c in COMMANDS[name]]
                    runs.setdefault(name, []).append(cpu([py, "-m", "missionctl", *cmd]))
            for name, xs in runs.items():
                results[(size, name)] = statistics.median(t for t, _ in xs)
                peaks[(size, name)] = max(m for _, m in xs)
    names = ["load", *args.only]
    print("| size | " + " | ".join(names) + " | " +
          " | ".join(f"{n} / load" for n in args.only) + " |")
    print("|" + " --- |" * (1 + 2 * len(names) - 1))
    for size in args.sizes:
        row = [f"{results[(size, n)]:.2f} s" for n in names]
        row += [f"{results[(size, n)] / results[(size, 'load')]:.1f}x" for n in args.only]
        print(f"| {size} | " + " | ".join(row) + " |")
    print("\npeak memory (MB):")
    for size in args.sizes:
        print(f"  {size}: " + ", ".join(f"{n} {peaks[(size, n)]:.0f}" for n in names))
    for a, b in zip(args.sizes, args.sizes[1:], strict=False):
        print(f"\n{b}/{a}: " + ", ".join(
            f"{n} {results[(b, n)] / results[(a, n)]:.1f}x" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
