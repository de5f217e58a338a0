#!/usr/bin/env python3
"""Benchmark an itinerary in another language than English, at 1k, 10k and 100k events.

    python benchmarks/lang.py                     # 1k, 10k, 100k; 3 repetitions (100k: 1)
    python benchmarks/lang.py --sizes 1k,10k --reps 5

Each measurement is a fresh child, ``python -m missionctl itinerary FILE --format markdown
--lang LANG -o TMP`` (the checks run too: the page shows their findings), for LANG ``en``
(no Babel) and ``pt`` (Babel's CLDR data, the catalog, every weekday and date through Babel),
interleaved within each repetition; the medians of the child's CPU time (user + system,
``os.wait4``) are compared as ratios taken in this run:

  pt / en      what writing in Portuguese costs over English, per size (target: < 1.3x)
  100k / 10k   the Portuguese itinerary scales linearly (target: < 12x)

The files are the generated missions of ``benchmarks/run.py`` (``benchmarks/out/``; their
texts are plain strings, so the one pass that localises multilingual texts finds nothing to
change and costs a scan). Judge ratios from one run, never absolute times.
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
sys.path.insert(0, str(HERE))

from run import SIZES, ensure_file  # noqa: E402


def cpu(cmd: list[str]) -> float:
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err[-1500:]}")
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1k,10k,100k")
    ap.add_argument("--reps", type=int, default=3, help="repetitions (100k: at most 1 + reps//3)")
    args = ap.parse_args(argv)
    labels = sorted((s.strip() for s in args.sizes.split(",") if s.strip()), key=SIZES.get)
    medians: dict[tuple[str, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label in labels:
            path = ensure_file(label, SIZES[label], False)
            reps = args.reps if label != "100k" else 1 + args.reps // 3
            times: dict[str, list[float]] = {"en": [], "pt": []}
            for rep in range(reps):
                for lang in (("en", "pt") if rep % 2 == 0 else ("pt", "en")):
                    out = Path(tmp) / f"{label}.{lang}.md"
                    times[lang].append(cpu([sys.executable, "-m", "missionctl", "itinerary",
                                            str(path), "-f", "markdown", "--lang", lang,
                                            "-o", str(out), "--force"]))
            for lang, xs in times.items():
                medians[(label, lang)] = statistics.median(xs)
            print(f"{label}: en {medians[(label, 'en')]:.2f} s CPU, pt "
                  f"{medians[(label, 'pt')]:.2f} s CPU, pt/en "
                  f"{medians[(label, 'pt')] / medians[(label, 'en')]:.2f}x ({reps} reps)")
    if ("10k", "pt") in medians and ("100k", "pt") in medians:
        print(f"pt 100k / pt 10k: {medians[('100k', 'pt')] / medians[('10k', 'pt')]:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
