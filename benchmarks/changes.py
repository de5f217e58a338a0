#!/usr/bin/env python3
"""Benchmark ``missionctl changes`` against one ``missionctl check`` of one version, in one run.

    python benchmarks/changes.py                    # 1k, 10k, 100k; 3 repetitions
    python benchmarks/changes.py --sizes 1k,10k --reps 5

For each size, the generated mission (``generate.py``, seed 1) is the old version; the new one
cancels every 50th event and renames every 50th (offset by 25): 4% of the events change, each
for every person taking part. Measurements, each a fresh child process, interleaved (one
repetition runs every command once), medians of CPU time (user + system, the child's own
``os.wait4`` accounting) and of wall time:

  check        ``missionctl check NEW`` (exit 1 with findings is normal)
  files        ``missionctl changes OLD NEW --format json -o /dev/null``
  git          ``missionctl changes NEW --since HEAD`` in a repository holding OLD at HEAD and
               NEW in the working tree (text notices to /dev/null)

Targets (issue 12): changes at 10k at most 2.5x one check of one version; 100k in about 10x
the time of 10k (linear). Judge ratios from one run, never absolute times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}


def child(cmd: list[str], cwd: Path | None = None,
          ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """(cpu seconds, wall seconds) of one fresh child."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"benchmark failed: {' '.join(cmd)}\n{err[-2000:]}")
    return usage.ru_utime + usage.ru_stime, wall


def changed(text: str) -> str:
    """The new version: every 50th event cancelled, every 50th (offset 25) renamed."""
    out: list[str] = []
    block: list[str] = []
    inside, n = False, 0

    def flush() -> None:
        if block and n % 50 == 0:
            kept = [line for line in block if not line.startswith("    status: ")]
            kept.insert(1, "    status: cancelled\n")
            block[:] = kept
        elif block and n % 50 == 25:
            block[:] = [line.rstrip("\n") + " (new title)\n" if line.startswith("    title: ")
                        else line for line in block]
        out.extend(block)
        block.clear()

    for line in text.splitlines(keepends=True):
        if not line.startswith(" "):
            flush()
            inside = line.startswith("events:")
            out.append(line)
        elif inside and line.startswith("  ") and not line.startswith("   "):
            flush()
            n += 1
            block.append(line)
        elif block:
            block.append(line)
        else:
            out.append(line)
    flush()
    return "".join(out)


def git(*args: str, cwd: Path) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.org",
               GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@example.org")
    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=cwd, env=env, check=True,
                   capture_output=True)


def prepare(n: int, tmp: Path) -> tuple[Path, Path, Path]:
    """(old file, new file, new file inside a repository whose HEAD holds the old one)."""
    sys.path.insert(0, str(HERE))
    import generate

    text, _info = generate.generate(n, seed=1)
    new_text = changed(text)
    old, new = tmp / "old.yaml", tmp / "new.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    repo = tmp / "repo"
    repo.mkdir()
    (repo / "mission.yaml").write_text(text, encoding="utf-8")
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "old", cwd=repo)
    (repo / "mission.yaml").write_text(new_text, encoding="utf-8")
    return old, new, repo / "mission.yaml"


def missionctl() -> list[str]:
    return [sys.executable, "-m", "missionctl"]


def run_size(label: str, n: int, reps: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory(prefix="mc-changes-") as name:
        tmp = Path(name)
        old, new, in_repo = prepare(n, tmp)
        commands = {
            "check": ([*missionctl(), "check", str(new)], None, (0, 1)),
            "files": ([*missionctl(), "changes", str(old), str(new), "--format", "json", "-o",
                       os.devnull], None, (0,)),
            "git": ([*missionctl(), "changes", "mission.yaml", "--since", "HEAD", "-o",
                     os.devnull], in_repo.parent, (0,)),
        }
        samples: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        names = list(commands)
        for rep in range(reps):
            for key in names[rep % len(names):] + names[:rep % len(names)]:
                cmd, cwd, ok = commands[key]
                samples[key].append(child(cmd, cwd, ok))
        medians = {k: (statistics.median(c for c, _ in v), statistics.median(w for _, w in v))
                   for k, v in samples.items()}
    check_cpu = medians["check"][0]
    print(f"{label:>5}  check {check_cpu:7.2f}s cpu  files {medians['files'][0]:7.2f}s "
          f"({medians['files'][0] / check_cpu:.2f}x check)  git {medians['git'][0]:7.2f}s "
          f"({medians['git'][0] / check_cpu:.2f}x check)", flush=True)
    return medians


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1k,10k,100k")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args(argv)
    results = {label: run_size(label, SIZES[label], args.reps)
               for label in args.sizes.split(",")}
    verdict = 0
    if "10k" in results:
        worst = max(results["10k"][k][0] for k in ("files", "git")) / results["10k"]["check"][0]
        ok = worst <= 2.5
        verdict |= not ok
        print(f"target: changes 10k <= 2.5x check 10k: {worst:.2f}x {'PASS' if ok else 'FAIL'}")
    if "10k" in results and "100k" in results:
        for key in ("check", "files", "git"):
            scale = results["100k"][key][0] / results["10k"][key][0]
            print(f"scaling 100k/10k {key}: {scale:.1f}x (linear: about 10x)")
    return verdict


if __name__ == "__main__":
    raise SystemExit(main())
