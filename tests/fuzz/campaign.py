"""The long fuzz campaign: N mutated missions through every command, in-process.

    python tests/fuzz/campaign.py --inputs 100000 --workers 2       # the full run
    python tests/fuzz/campaign.py --inputs 2000                     # a quick one
    python tests/fuzz/campaign.py --replay tests/fuzz/out/failures/<sig>/<n>.yaml

Not part of the test suite (its name does not start with `test_`). Input N is
`mutations.mutate(random.Random(f"{seed}:{N}"))`: the same file on every machine. Each input
goes through `check`, `itinerary --format ics|json|html` and `contacts --format csv|vcf`, in
this process. `check` always runs through `cli.app.main` (output captured,
`MISSIONCTL_DEBUG=1` so that an internal error re-raises with its traceback); the five
exports run through `cli.app.main` for one input in `--cli-every` (10), and otherwise
through the library as those commands call it (`open_mission`, the checks once, `render`):
one load instead of five and no command-line parsing, three times the inputs per hour.

Counted per command: exit codes, internal errors (exit 3 or an exception out of `main` or
the library), a "Traceback" in the output, hangs (a command over `--timeout` seconds,
stopped by SIGALRM; a worker silent for longer than six commands' time is killed by the
parent and the input counted as a hang) and slow commands (over 1 s).

Every failing input is saved to `--out`/failures/<signature>/<N>.yaml with a .txt beside it
(command, traceback); a signature is the exception type and the innermost missionctl frame
(`loader/resolve.py:123`), so 3,000 inputs failing at one line are one entry (20 files kept,
all counted). The summary is printed and written to `--out`/summary.json.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `fuzz` as a package

from fuzz.mutations import EXAMPLES, mutate

COMMANDS = (("check",), ("itinerary", "--format", "ics"), ("itinerary", "--format", "json"),
            ("itinerary", "--format", "html"), ("contacts", "--format", "csv"),
            ("contacts", "--format", "vcf"))
KEEP_PER_SIGNATURE = 20
SLOW = 1.0


class Hang(BaseException):
    """Raised by SIGALRM in a command past its time (a BaseException: `main` lets it out)."""


def _alarm(signum: int, frame: Any) -> None:
    raise Hang


def signature(exc: BaseException) -> str:
    """Exception type and the innermost frame in missionctl's source: where it broke."""
    where = "?"
    for frame in traceback.extract_tb(exc.__traceback__):
        if "/missionctl/" in frame.filename:
            where = f"{frame.filename.split('/missionctl/', 1)[1]}:{frame.lineno}"
    return f"{type(exc).__name__} at {where}"


def run_command(args: tuple[str, ...], path: Path, timeout: float) -> dict[str, Any]:
    """One command on one file: exit code, time, and what went wrong if anything did."""
    from missionctl.cli.app import main

    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    started = time.perf_counter()
    result: dict[str, Any] = {"command": " ".join(args)}
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result["code"] = main([*args, str(path)])
    except Hang:
        result.update(code="hang", signature=f"hang over {timeout:g} s")
    except BaseException as exc:  # an internal error, re-raised by MISSIONCTL_DEBUG
        result.update(code=3, signature=signature(exc), traceback=traceback.format_exc())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    result["seconds"] = time.perf_counter() - started
    text = err.getvalue()
    if result["code"] == 3 and "signature" not in result:
        result["signature"] = "exit 3: " + text.strip()[:120]
    if "Traceback" in text:
        result.update(traceback_in_output=True, signature=result.get("signature", "Traceback"))
    return result


def run_exports(path: Path, timeout: float) -> list[dict[str, Any]]:
    """The five exports through the library, as `cli/views.py` makes them: one load."""
    from missionctl import render
    from missionctl.errors import FormatErrors, UserError
    from missionctl.linter import run_checks
    from missionctl.missions import open_mission
    from missionctl.views import contacts as sheet
    from missionctl.views.flags import flags_by_event
    from missionctl.views.select import Programme, make_selection

    names = [" ".join(c) + " [api]" for c in COMMANDS[1:]]
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    step = "load"
    try:
        try:
            mission = open_mission(path).mission
        except (FormatErrors, UserError) as exc:
            code = 1 if isinstance(exc, FormatErrors) else exc.exit_code
            return [{"command": n, "code": code, "seconds": 0.0} for n in names]
        step = "checks"
        flags = flags_by_event(run_checks(mission))
        programme = Programme(mission, make_selection(mission, None, None, None, None), flags)
        out: list[dict[str, Any]] = []
        for name, command in zip(names, COMMANDS[1:], strict=True):
            step, fmt = name, command[-1]
            t0 = time.perf_counter()
            if command[0] == "itinerary":
                subject: Any = programme if render.shows_flags("itinerary", fmt) else Programme(
                    mission, programme.selection, {})
                render.render("itinerary", fmt, subject, render.Options(width=100))
            else:
                built = sheet.build(mission, event=None, day=None, org=None, public=False)
                render.render("contacts", fmt, built, render.Options(width=100))
            out.append({"command": name, "code": 0, "seconds": time.perf_counter() - t0})
        return out
    except Hang:
        return [{"command": f"{step} [api]" if "[api]" not in step else step, "code": "hang",
                 "seconds": time.perf_counter() - started,
                 "signature": f"hang over {timeout:g} s"}]
    except BaseException as exc:
        return [{"command": f"{step} [api]" if "[api]" not in step else step, "code": 3,
                 "seconds": time.perf_counter() - started, "signature": signature(exc),
                 "traceback": traceback.format_exc()}]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def input_text(seed: str, n: int) -> str:
    return mutate(random.Random(f"{seed}:{n}"))


def prepare_dir() -> Path:
    """A folder holding the example mission's include files, so a mutated example loads
    with its includes; inputs are written there as m.yaml."""
    folder = Path(tempfile.mkdtemp(prefix="mc-fuzz-"))
    for example in EXAMPLES:
        for other in example.parent.glob("*.yaml"):
            if other.name != "mission.yaml":
                shutil.copy(other, folder / other.name)
    return folder


def worker(wid: int, indices: list[int], args: argparse.Namespace, progress: Any,
           results: Any) -> None:
    """Run inputs; report noteworthy results on the queue and progress in shared memory."""
    import resource

    os.environ["MISSIONCTL_DEBUG"] = "1"
    signal.signal(signal.SIGALRM, _alarm)
    # A runaway input fails with MemoryError (an internal error, counted) rather than take
    # the machine's memory from everyone on it.
    resource.setrlimit(resource.RLIMIT_AS, (args.memory << 20, args.memory << 20))
    folder = prepare_dir()
    path = folder / "m.yaml"
    counts: Counter[str] = Counter()
    for done, n in enumerate(indices):
        progress[wid * 2] = n
        progress[wid * 2 + 1] = time.time()
        text = input_text(args.seed, n)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        through_cli = n % args.cli_every == 0
        runs = [run_command(command, path, args.timeout)
                for command in (COMMANDS if through_cli else COMMANDS[:1])]
        if not through_cli:
            runs += run_exports(path, args.timeout)
        for r in runs:
            counts[f"{r['command']} -> {r['code']}"] += 1
            if r["seconds"] > SLOW:
                counts[f"slow {r['command']}"] += 1
            if "signature" in r or r["seconds"] > SLOW:
                results.put({"n": n, **r})
        if done % 200 == 199:
            results.put({"counts": dict(counts), "inputs": 200})
            counts.clear()
    results.put({"counts": dict(counts), "inputs": len(indices) % 200, "finished": wid})
    shutil.rmtree(folder, ignore_errors=True)


class Report:
    """What the parent gathers from the workers, and the failing inputs it saves."""

    def __init__(self, out: Path, seed: str) -> None:
        self.out, self.seed = out, seed
        self.inputs = 0
        self.counts: Counter[str] = Counter()
        self.signatures: Counter[str] = Counter()
        self.where: dict[str, str] = {}
        self.slowest: dict[str, float] = {}
        self.slow: list[tuple[float, int, str]] = []  # (seconds, input, command), slowest kept
        self.failing_inputs: set[int] = set()

    def add(self, item: dict[str, Any]) -> None:
        if "counts" in item:
            self.counts.update(item["counts"])
            self.inputs += item["inputs"]
            return
        command = item["command"]
        self.slowest[command] = max(self.slowest.get(command, 0.0), item["seconds"])
        if item["seconds"] > SLOW:
            self.slow = sorted([*self.slow, (item["seconds"], item["n"], command)])[-20:]
        if "signature" in item:
            self.fail(item)

    def fail(self, item: dict[str, Any]) -> None:
        sig = item["signature"]
        self.signatures[sig] += 1
        self.failing_inputs.add(item["n"])
        self.where.setdefault(sig, item["command"])
        folder = self.out / "failures" / re.sub(r"[^\w.-]+", "_", sig)[:100]
        folder.mkdir(parents=True, exist_ok=True)
        if len(list(folder.glob("*.yaml"))) < KEEP_PER_SIGNATURE:
            (folder / f"{item['n']}.yaml").write_text(input_text(self.seed, item["n"]),
                                                      encoding="utf-8", errors="surrogatepass")
            (folder / f"{item['n']}.txt").write_text(
                f"input {item['n']} (seed {self.seed!r}): missionctl {item['command']} "
                f"m.yaml\n{item.get('traceback', '')}", encoding="utf-8")

    def summary(self, seconds: float, killed: int) -> dict[str, Any]:
        errors = {s: c for s, c in self.signatures.items() if not s.startswith("hang")}
        hangs = sum(c for s, c in self.signatures.items() if s.startswith("hang"))
        return {
            "seed": self.seed, "inputs": self.inputs, "commands run": sum(
                c for k, c in self.counts.items() if not k.startswith("slow")),
            "seconds": round(seconds), "internal errors (tracebacks)": sum(errors.values()),
            "hangs": hangs, "of which workers killed": killed,
            "inputs failing": len(self.failing_inputs),
            "by signature": {s: {"count": c, "first command": self.where[s]}
                             for s, c in self.signatures.most_common()},
            "exit codes": dict(sorted(self.counts.items())),
            "slowest command (s)": {k: round(v, 2) for k, v in sorted(self.slowest.items())},
            "slow commands": sum(c for k, c in self.counts.items() if k.startswith("slow")),
            "slowest inputs": [f"{n}: {c} {t:.1f} s" for t, n, c in reversed(self.slow)],
        }


def campaign(args: argparse.Namespace) -> dict[str, Any]:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    report = Report(out, args.seed)
    indices = list(range(args.start, args.start + args.inputs))
    pool = Pool(args, report, {w: indices[w::args.workers] for w in range(args.workers)})
    started, last_note = time.time(), 0.0
    while not pool.done():
        pool.drain()
        pool.watch()
        if time.time() - last_note > 60:
            last_note = time.time()
            print(f"[{time.time() - started:6.0f} s] {report.inputs} inputs, "
                  f"{sum(report.signatures.values())} failures", file=sys.stderr, flush=True)
        time.sleep(0.2)
    pool.drain()
    summary = report.summary(time.time() - started, pool.killed)
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return summary


class Pool:
    """The worker processes, watched: one silent too long (a hang no alarm could stop, in C
    code) or dead is replaced by a new one that starts after the input it was on."""

    def __init__(self, args: argparse.Namespace, report: Report,
                 slices: dict[int, list[int]]) -> None:
        self.args, self.report, self.slices = args, report, slices
        self.queue: Any = mp.Queue()
        self.progress: Any = mp.Array("d", 2 * len(slices))
        self.finished: set[int] = set()
        self.killed = 0
        self.limit = len(COMMANDS) * args.timeout + 30
        self.procs = {w: self.start(w, s) for w, s in slices.items()}

    def start(self, w: int, indices: list[int]) -> Any:
        self.progress[w * 2 + 1] = time.time()
        proc = mp.Process(target=worker, args=(w, indices, self.args, self.progress,
                                               self.queue))
        proc.start()
        return proc

    def done(self) -> bool:
        return len(self.finished) == len(self.procs)

    def drain(self) -> None:
        while not self.queue.empty():
            item = self.queue.get()
            self.report.add(item)
            if "finished" in item:
                self.finished.add(item["finished"])

    def watch(self) -> None:
        for w, proc in self.procs.items():
            if w in self.finished:
                continue
            silent = time.time() - self.progress[w * 2 + 1]
            if proc.is_alive() and silent <= self.limit:
                continue
            self.drain()
            if w in self.finished:
                continue
            stuck = int(self.progress[w * 2])
            what = "hang (worker killed)" if proc.is_alive() else f"worker died ({proc.exitcode})"
            self.killed += proc.is_alive()
            proc.kill()
            proc.join()
            self.report.fail({"n": stuck, "command": "?", "signature": what})
            self.slices[w] = [i for i in self.slices[w] if i > stuck]
            self.procs[w] = self.start(w, self.slices[w])


def replay(path: Path, timeout: float) -> None:
    """Run every command on one saved input and print what each did."""
    os.environ["MISSIONCTL_DEBUG"] = "1"
    signal.signal(signal.SIGALRM, _alarm)
    for command in COMMANDS:
        r = run_command(command, path, timeout)
        print(f"{r['command']}: {r['code']} in {r['seconds']:.2f} s {r.get('signature', '')}")
        if "traceback" in r:
            print(r["traceback"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0, help="first input number")
    parser.add_argument("--seed", default="issue-9")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per command")
    parser.add_argument("--memory", type=int, default=3072, help="MiB per worker")
    parser.add_argument("--cli-every", type=int, default=10,
                        help="exports through cli.app.main for one input in N")
    parser.add_argument("--out", default=str(Path(__file__).parent / "out"))
    parser.add_argument("--replay", type=Path, help="run the commands on one saved input")
    args = parser.parse_args(argv)
    if args.replay:
        replay(args.replay, args.timeout)
        return 0
    summary = campaign(args)
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0 if not summary["internal errors (tracebacks)"] and not summary["hangs"] else 1


if __name__ == "__main__":
    sys.exit(main())
