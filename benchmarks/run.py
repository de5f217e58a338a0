#!/usr/bin/env python3
"""Benchmark ``missionctl check`` against bare PyYAML and a bare Typer app, in one run.

    python benchmarks/run.py                    # 1k, 10k, 100k
    python benchmarks/run.py --sizes 1k,10k --quick
    python benchmarks/run.py --json out/results.json

Machines are shared and noisy, so every number is the median of several repetitions, the
repetitions of the commands being compared are interleaved (never all of A, then all of B),
and what is judged is a RATIO measured in the same run. Every measurement is a fresh child
process; its wall time includes interpreter start-up and reading the file, and its peak RSS is
the child's own ``ru_maxrss`` (``os.wait4`` on that child alone).

Measurements
  check/load   ``missionctl check FILE`` (the console script; ``python -m missionctl`` if there
               is none) vs a child that reads FILE and runs
               ``yaml.load(text, Loader=yaml.CSafeLoader)``. Both children also report their
               in-process time (from the first line of the script to the end of the work:
               imports + read + work, without interpreter start-up and shutdown); for
               missionctl that is a second child that calls the console-script entry point.
  start-up     ``missionctl check benchmarks/tiny.yaml`` vs ``benchmarks/bare_typer.py check
               benchmarks/tiny.yaml`` (a one-command Typer app that reads the file).
  memory       peak RSS of ``missionctl check`` on the 100k file.

Targets (PASS/FAIL): check 10k <= 0.5x load 10k (loading + format validation) and <= 0.75x (the
full check, a later issue); start-up <= 1.3x bare Typer; 100k peak RSS < 2 GB; 100k check time
< 12x the 10k check time. ``check`` exiting 1 (findings) is normal; exit 2 or a traceback fails
the benchmark (exit status 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TINY = HERE / "tiny.yaml"
BARE_TYPER = HERE / "bare_typer.py"
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
GB = 1024**3

TIMING_ENV = "MISSIONCTL_BENCH_TIMING"

# The children time themselves from their first line; the result goes to a file named in the
# environment so that the measured program's own stdout/stderr stay untouched.
YAML_CHILD = f"""\
import time
t0 = time.perf_counter()
import os, sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    text = f.read()
data = yaml.load(text, Loader=yaml.CSafeLoader)
t1 = time.perf_counter()
with open(os.environ["{TIMING_ENV}"], "w") as f:
    f.write(repr(t1 - t0))
"""

# Calls the console-script entry point (``module:attr``) in-process, or runs the package as
# ``python -m`` would; argv[1] is the entry point or "-m:package", the rest is the command line.
ENTRY_CHILD = f"""\
import time
t0 = time.perf_counter()
import os, sys
target, args = sys.argv[1], sys.argv[2:]
code = 0
try:
    if target.startswith("-m:"):
        import runpy
        sys.argv = [target[3:]] + args
        runpy.run_module(target[3:], run_name="__main__", alter_sys=True)
    else:
        import importlib
        mod, _, attr = target.partition(":")
        sys.argv = ["missionctl"] + args
        obj = importlib.import_module(mod)
        for part in attr.split("."):
            obj = getattr(obj, part)
        code = obj()
except SystemExit as e:
    code = e.code
t1 = time.perf_counter()
with open(os.environ["{TIMING_ENV}"], "w") as f:
    f.write(repr(t1 - t0))
sys.stdout.flush()
sys.exit(code if isinstance(code, int) else (0 if code is None else 1))
"""


# ----------------------------------------------------------------------------- running


class Run:
    __slots__ = ("internal", "maxrss", "rc", "stderr", "stdout", "timed_out", "wall")

    def __init__(self, wall, internal, maxrss, rc, stdout, stderr, timed_out):
        self.wall, self.internal, self.maxrss, self.rc = wall, internal, maxrss, rc
        self.stdout, self.stderr, self.timed_out = stdout, stderr, timed_out

    def failed(self) -> bool:
        """exit 2 (usage / unreadable) or a traceback: the benchmark itself failed."""
        return (
            self.timed_out
            or self.rc not in (0, 1)
            or "Traceback (most recent call last)" in self.stderr
        )

    def as_dict(self):
        return {
            "wall_s": self.wall,
            "internal_s": self.internal,
            "maxrss_kb": self.maxrss,
            "rc": self.rc,
        }


def measure(cmd: list[str], timeout: float, keep_stdout: bool = False) -> Run:
    """Run cmd as a fresh child; wall time, self-reported time, the child's own peak RSS."""
    fd, timing = tempfile.mkstemp(prefix="mcbench-", suffix=".t")
    os.close(fd)
    env = dict(os.environ)
    env[TIMING_ENV] = timing
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(
                proc.pid, 0
            )  # rusage of this child (and its waited children)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace") if keep_stdout else ""
        stderr = err.read().decode("utf-8", "replace")[-4000:]
    try:
        text = Path(timing).read_text()
        internal = float(text) if text else None
    except (OSError, ValueError):
        internal = None
    finally:
        Path(timing).unlink(missing_ok=True)
    return Run(wall, internal, usage.ru_maxrss, proc.returncode, stdout, stderr, timed_out.is_set())


def find_missionctl(python: str, override: str | None):
    """(command prefix, in-process target) for missionctl, or (None, None) if it does not run."""
    candidates = []
    if override:
        candidates.append((override.split(), None))
    script = Path(python).parent / "missionctl"
    if script.exists():
        candidates.append(([str(script)], None))
    elif shutil.which("missionctl"):
        candidates.append(([shutil.which("missionctl")], None))
    candidates.append(([python, "-m", "missionctl"], "-m:missionctl"))
    entry = None
    try:
        probe = subprocess.run(
            [
                python,
                "-c",
                "from importlib.metadata import entry_points as e; "
                "print(next(iter(e(group='console_scripts', name='missionctl'))).value)",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if probe.returncode == 0 and probe.stdout.strip():
            entry = probe.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        pass
    for prefix, target in candidates:
        try:
            r = subprocess.run([*prefix, "--help"], capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if r.returncode == 0:
            return prefix, (target or entry or "-m:missionctl")
    return None, None


def ensure_file(label: str, n: int, regenerate: bool) -> Path:
    """The mission file of `n` events, generated when missing, in a child process: generating
    one in this process raised the harness's peak RSS (about 107 MB for 100k), and every child
    forked from it then reported at least that (issue 10)."""
    path = OUT / f"mission-{label}.yaml"
    if regenerate or not path.exists():
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--events", str(n), "--seed", "1",
             "--out", str(path), "--quiet"],
            check=True,
        )
        print(
            f"generated {path.name} ({path.stat().st_size / 1e6:.1f} MB) "
            f"in {time.perf_counter() - t0:.1f} s",
            file=sys.stderr,
        )
    return path


def harness_peak_kb() -> int:
    """This process's own peak RSS: the least any child can report (vfork and exec)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def count_events(path: Path) -> int:
    """Entries under the top-level ``events:`` (two-space indented keys), without parsing YAML."""
    n, inside = 0, False
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith(" "):
                inside = line.startswith("events:")
                continue
            if (
                inside
                and line.startswith("  ")
                and not line.startswith("   ")
                and line.rstrip().endswith(":")
            ):
                n += 1
    return n


# ----------------------------------------------------------------------------- statistics


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt_s(x):
    if x is None:
        return "–"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def fmt_spread(xs):
    xs = [x for x in xs if x is not None]
    if len(xs) < 2:
        return ""
    return f" ({fmt_s(min(xs))}–{fmt_s(max(xs))})"


def fmt_mb(kb):
    return "–" if kb is None else f"{kb / 1024:.0f} MB"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt_r(x):
    return "–" if x is None else f"{x:.2f}×"


# ----------------------------------------------------------------------------- main


def compile_bytecode(python: str) -> None:
    """Compile missionctl's bytecode first, as a normal `pip install` does.

    typer, pydantic and PyYAML in site-packages were compiled when pip installed them. An
    editable install of missionctl compiles on first import, unless PYTHONDONTWRITEBYTECODE
    is set (it is on some shared machines): then every run would recompile all of our
    modules, and the start-up ratio would compare a compiling run with a compiled one.
    """
    code = ("import compileall, importlib.util, pathlib; "
            "spec = importlib.util.find_spec('missionctl'); "
            "compileall.compile_dir(str(pathlib.Path(spec.origin).parent), quiet=1)")
    subprocess.run([python, "-c", code], check=False, env={**os.environ,
                   "PYTHONDONTWRITEBYTECODE": ""})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--sizes", default="1k,10k,100k", help="comma-separated, of 1k,10k,100k (default all)"
    )
    ap.add_argument(
        "--quick", action="store_true", help="fewer repetitions (3; 100k: 1; start-up: 7)"
    )
    ap.add_argument("--reps", type=int, help="repetitions for 1k/10k (default 5, quick 3)")
    ap.add_argument("--reps-100k", type=int, help="repetitions for 100k (default 3, quick 1)")
    ap.add_argument(
        "--startup-reps", type=int, help="repetitions of the start-up pair (default 15, quick 7)"
    )
    ap.add_argument(
        "--no-inprocess",
        action="store_true",
        help="skip the extra in-process missionctl runs (halves the missionctl runs)",
    )
    ap.add_argument("--regenerate", action="store_true", help="regenerate the mission files first")
    ap.add_argument(
        "--missionctl",
        help="command to run instead of the console script, e.g. 'python -m missionctl'",
    )
    ap.add_argument("--timeout", type=float, default=900, help="seconds per child (default 900)")
    ap.add_argument(
        "--json", type=Path, metavar="FILE", help="also write every sample and result as JSON"
    )
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target FAILs")
    args = ap.parse_args(argv)

    labels = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for s in labels:
        if s not in SIZES:
            ap.error(f"unknown size {s!r} (choose from {', '.join(SIZES)})")
    labels.sort(key=SIZES.get)
    reps = args.reps or (3 if args.quick else 5)
    reps_big = args.reps_100k or (1 if args.quick else 3)
    reps_start = args.startup_reps or (7 if args.quick else 15)
    python = sys.executable

    files = {s: ensure_file(s, SIZES[s], args.regenerate) for s in labels}
    compile_bytecode(python)
    prefix, target = find_missionctl(python, args.missionctl)
    if prefix is None:
        print(
            "warning: missionctl does not run (neither the console script nor "
            "python -m missionctl); measuring the baselines only",
            file=sys.stderr,
        )
    load_before = os.getloadavg()
    started = time.time()

    def log(msg):
        print(f"[{time.time() - started:6.0f}s] {msg}", file=sys.stderr, flush=True)

    samples: dict[str, dict[str, list[Run]]] = {
        s: {"check": [], "format": [], "inproc": [], "load": []} for s in labels
    }
    failures: list[str] = []
    findings: dict[str, object] = {}

    def cmds(label):
        f = str(files[label])
        c = {"load": [python, "-c", YAML_CHILD, f]}
        if prefix:
            c["check"] = [*prefix, "check", f]
            # Loading and format validation only: `--select MC0` runs no conflict rule.
            c["format"] = [*prefix, "check", "--select", "MC0", f]
            if not args.no_inprocess:
                c["inproc"] = [python, "-c", ENTRY_CHILD, target, "check", f]
        return c

    def record(label, kind, run: Run):
        samples[label][kind].append(run)
        if run.failed() and kind != "load":
            failures.append(
                f"{kind} {label}: exit {run.rc}{' (timeout)' if run.timed_out else ''}\n"
                + run.stderr[-1500:]
            )
        elif run.failed():
            failures.append(f"yaml load {label}: exit {run.rc}\n{run.stderr[-1500:]}")

    # warm-up (page cache, .pyc files) and the findings each file produces, from one JSON run
    for label in labels:
        if prefix:
            log(f"warm-up: missionctl check --format json {label}")
            r = measure(
                [*prefix, "check", "--format", "json", str(files[label])],
                args.timeout,
                keep_stdout=True,
            )
            if r.failed():
                failures.append(f"warm-up check {label}: exit {r.rc}\n{r.stderr[-1500:]}")
            try:
                doc = json.loads(r.stdout)
                counts: dict[str, int] = {}
                for fnd in doc.get("findings", []):
                    counts[fnd.get("code", "?")] = counts.get(fnd.get("code", "?"), 0) + 1
                findings[label] = {"exit": r.rc, "summary": doc.get("summary"), "by_code": counts}
            except (ValueError, AttributeError):
                findings[label] = {"exit": r.rc, "summary": None, "by_code": {}}
        if SIZES[label] < 100_000:
            measure(cmds(label)["load"], args.timeout)

    # interleaved repetitions
    for rep in range(max(reps, reps_big if "100k" in labels else 0)):
        for label in labels:
            if rep >= (reps_big if label == "100k" else reps):
                continue
            c = cmds(label)
            order = list(c)
            k = rep % len(order)
            order = order[k:] + order[:k]
            for kind in order:
                run = measure(c[kind], args.timeout)
                record(label, kind, run)
                log(
                    f"rep {rep + 1} {label} {kind}: {run.wall:.2f} s wall"
                    + (f", {run.internal:.2f} s in-process" if run.internal is not None else "")
                    + f", {run.maxrss / 1024:.0f} MB, exit {run.rc}"
                )
        if failures:
            break

    # start-up: tiny mission through missionctl vs the bare Typer app (and bare Python for scale)
    start = {"check": [], "typer": [], "python": []}
    start_cmds = {
        "typer": [python, str(BARE_TYPER), "check", str(TINY)],
        "python": [python, "-c", "pass"],
    }
    if prefix:
        start_cmds["check"] = [*prefix, "check", str(TINY)]
    if not failures:
        for c in start_cmds.values():  # warm-up
            measure(c, args.timeout)
        for rep in range(reps_start):
            order = list(start_cmds)
            k = rep % len(order)
            for kind in order[k:] + order[:k]:
                run = measure(start_cmds[kind], args.timeout)
                start[kind].append(run)
                if run.failed():
                    failures.append(f"start-up {kind}: exit {run.rc}\n{run.stderr[-1500:]}")
        log(f"start-up: {reps_start} interleaved repetitions done")
    load_after = os.getloadavg()

    # ------------------------------------------------------------------ results
    res: dict[str, dict] = {}
    for label in labels:
        s = samples[label]

        def w(kind, s=s):
            return med([r.wall for r in s[kind]])

        res[label] = {
            "events": count_events(files[label]),
            "mb": files[label].stat().st_size / 1e6,
            "check_wall": w("check"),
            "format_wall": w("format"),
            "load_wall": w("load"),
            "check_internal": med([r.internal for r in s["inproc"]]),
            "inproc_wall": w("inproc"),
            "load_internal": med([r.internal for r in s["load"]]),
            "check_maxrss_kb": max((r.maxrss for r in s["check"] + s["inproc"]), default=None),
            "load_maxrss_kb": max((r.maxrss for r in s["load"]), default=None),
            "check_rc": sorted({r.rc for r in s["check"]}),
        }
        r = res[label]
        r["ratio_wall"] = ratio(r["check_wall"], r["load_wall"])
        r["ratio_format"] = ratio(r["format_wall"], r["load_wall"])
        # the same ratio taken within each repetition, then the median: cancels slow drift in load
        r["ratio_wall_paired"] = med(
            [ratio(a.wall, b.wall) for a, b in zip(s["check"], s["load"], strict=False)]
        )
        r["ratio_internal"] = ratio(r["check_internal"], r["load_internal"])
    st = {k: med([r.wall for r in v]) for k, v in start.items()}
    startup_ratio = ratio(st["check"], st["typer"])
    startup_paired = med(
        [ratio(a.wall, b.wall) for a, b in zip(start["check"], start["typer"], strict=False)]
    )

    targets = []

    def add_target(name, value, limit, shown, ok):
        targets.append(
            {
                "target": name,
                "measured": shown,
                "limit": limit,
                "result": "n/a" if value is None else ("PASS" if ok else "FAIL"),
                "value": value,
            }
        )

    r10 = res.get("10k", {}).get("ratio_wall")
    f10 = res.get("10k", {}).get("ratio_format")
    add_target(
        "check --select MC0 10k / CSafeLoader load 10k, wall (loading + format validation)",
        f10,
        "≤ 0.50×",
        fmt_r(f10),
        f10 is not None and f10 <= 0.5,
    )
    add_target(
        "check 10k / CSafeLoader load 10k, wall (full check, later issue)",
        r10,
        "≤ 0.75×",
        fmt_r(r10),
        r10 is not None and r10 <= 0.75,
    )
    add_target(
        "start-up: check tiny.yaml / bare Typer app",
        startup_ratio,
        "≤ 1.30×",
        fmt_r(startup_ratio),
        startup_ratio is not None and startup_ratio <= 1.3,
    )
    peak = res.get("100k", {}).get("check_maxrss_kb") if prefix else None
    add_target(
        "check 100k peak RSS",
        peak,
        "< 2 GB (2048 MB)",
        fmt_mb(peak),
        peak is not None and peak * 1024 < 2 * GB,
    )
    scale = ratio(res.get("100k", {}).get("check_wall"), res.get("10k", {}).get("check_wall"))
    scale_paired = load_scale = None
    if "100k" in samples and "10k" in samples:
        big, small = samples["100k"], samples["10k"]
        scale_paired = med(
            [ratio(a.wall, b.wall) for a, b in zip(big["check"], small["check"], strict=False)]
        )
        load_scale = ratio(res["100k"]["load_wall"], res["10k"]["load_wall"])
    add_target(
        "check 100k time / check 10k time, wall",
        scale,
        "< 12×",
        fmt_r(scale)
        + (
            f" (paired {fmt_r(scale_paired)}; CSafeLoader load: {fmt_r(load_scale)})"
            if load_scale
            else ""
        ),
        scale is not None and scale < 12,
    )

    # ------------------------------------------------------------------ report
    floor_kb = harness_peak_kb()  # before this process imports anything more
    import yaml

    lines = []
    p = lines.append
    p(f"## missionctl benchmarks, {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}")
    p("")
    shown = " ".join(Path(x).name if i == 0 else x for i, x in enumerate(prefix or []))
    p(
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} "
        f"(libyaml: {yaml.__with_libyaml__}), {os.cpu_count()} CPUs, "
        f"load average {load_before[0]:.2f} before / {load_after[0]:.2f} after. "
        f"Peak RSS of this harness (the floor of every child's peak RSS): "
        f"{floor_kb / 1024:.0f} MB. "
        f"missionctl: `{shown or 'not runnable'}`. "
        f"Medians of {reps} interleaved repetitions (100k: {reps_big}; start-up: {reps_start}); "
        "(min–max) in brackets; wall = whole child process, in-process = first line of the child "
        "to the end of its work (no interpreter start-up or shutdown); ratios are ratios of the "
        'medians, "paired" = median of the ratios within each repetition. Targets use the former.'
    )
    p("")
    p("### check vs bare `yaml.load(text, Loader=yaml.CSafeLoader)`")
    p("")
    p(
        "| file | events | size | check, wall | load, wall | ratio, wall | format only "
        "(`--select MC0`), wall | ratio | check, in-process | "
        "load, in-process | ratio, in-process | peak RSS check | peak RSS load | check exit |"
    )
    p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
      "| ---: | --- |")
    for label in labels:
        r, s = res[label], samples[label]
        p(
            f"| {label} | {r['events']:,} | {r['mb']:.1f} MB "
            f"| {fmt_s(r['check_wall'])}{fmt_spread([x.wall for x in s['check']])} "
            f"| {fmt_s(r['load_wall'])}{fmt_spread([x.wall for x in s['load']])} "
            f"| **{fmt_r(r['ratio_wall'])}** (paired {fmt_r(r['ratio_wall_paired'])}) "
            f"| {fmt_s(r['format_wall'])} | **{fmt_r(r['ratio_format'])}** "
            f"| {fmt_s(r['check_internal'])}{fmt_spread([x.internal for x in s['inproc']])} "
            f"| {fmt_s(r['load_internal'])}{fmt_spread([x.internal for x in s['load']])} "
            f"| {fmt_r(r['ratio_internal'])} "
            f"| {fmt_mb(r['check_maxrss_kb'])} | {fmt_mb(r['load_maxrss_kb'])} "
            f"| {', '.join(map(str, r['check_rc'])) or '–'} |"
        )
    if findings:
        p("")
        p(
            "Findings reported by `check --format json` (warm-up run): "
            + "; ".join(
                f"{label}: exit {v['exit']}, "
                + (", ".join(f"{c} {n}" for c, n in sorted(v["by_code"].items())) or "none")
                for label, v in findings.items()
            )
        )
    p("")
    p("### start-up (`benchmarks/tiny.yaml`)")
    p("")
    p("| command | wall | peak RSS |")
    p("| --- | ---: | ---: |")
    names = {
        "check": "missionctl check tiny.yaml",
        "typer": "bare Typer app: bare_typer.py check tiny.yaml",
        "python": "bare interpreter: python -c pass",
    }
    for k in ("check", "typer", "python"):
        if start[k]:
            p(
                f"| {names[k]} | {fmt_s(st[k])}{fmt_spread([x.wall for x in start[k]])} "
                f"| {fmt_mb(med([x.maxrss for x in start[k]]))} |"
            )
    p(
        f"| **ratio missionctl / bare Typer** | **{fmt_r(startup_ratio)}** "
        f"(paired {fmt_r(startup_paired)}) | |"
    )
    p("")
    p("### targets")
    p("")
    p("| target | measured | limit | result |")
    p("| --- | ---: | ---: | --- |")
    for t in targets:
        p(f"| {t['target']} | {t['measured']} | {t['limit']} | **{t['result']}** |")
    if failures:
        p("")
        p("### benchmark FAILED")
        p("")
        for f in failures:
            p("```")
            p(f.rstrip())
            p("```")
    print("\n".join(lines))

    if args.json:
        doc = {
            "when": dt.datetime.now().isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "pyyaml": yaml.__version__,
            "libyaml": yaml.__with_libyaml__,
            "cpus": os.cpu_count(),
            "loadavg_before": load_before,
            "loadavg_after": load_after,
            "missionctl": prefix,
            "inprocess_target": target,
            "reps": {"small": reps, "100k": reps_big, "startup": reps_start},
            "sizes": {
                label: {
                    **res[label],
                    "samples": {k: [x.as_dict() for x in v] for k, v in samples[label].items()},
                }
                for label in labels
            },
            "findings": findings,
            "startup": {
                "median_wall_s": st,
                "ratio": startup_ratio,
                "ratio_paired": startup_paired,
                "samples": {k: [x.as_dict() for x in v] for k, v in start.items()},
            },
            "targets": [{k: v for k, v in t.items()} for t in targets],
            "scale_100k_10k": {"check": scale, "check_paired": scale_paired, "load": load_scale},
            "failures": failures,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(doc, indent=2, default=str) + "\n", encoding="utf-8")
    if failures:
        return 2
    if args.strict and any(t["result"] == "FAIL" for t in targets):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
