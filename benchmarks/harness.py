"""What `run.py` measures with: fresh children, their time and peak RSS, the mission files.

Every measurement is a fresh child process. Its wall time includes interpreter start-up and
reading the file; its CPU time (user + system) and peak RSS are the child's own (``os.wait4``
on that child alone). The children that only load or parse YAML, and the wrapper that calls
missionctl's console-script entry point in-process, also time themselves from their first
line (``internal``) and write it to a file named in the environment, so that the measured
program's stdout and stderr stay untouched.
"""

from __future__ import annotations

import os
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

_TIMED = """\
import time
t0 = time.perf_counter()
import os, sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    text = f.read()
{work}
t1 = time.perf_counter()
with open(os.environ["{env}"], "w") as f:
    f.write(repr(t1 - t0))
"""
#: PyYAML's C loader building plain Python objects: the baseline of every export and `check`.
YAML_CHILD = _TIMED.format(work="data = yaml.load(text, Loader=yaml.CSafeLoader)", env=TIMING_ENV)
#: libyaml's event parse alone, every event consumed: the floor of any YAML reader.
PARSE_CHILD = _TIMED.format(work="for _ in yaml.parse(text, Loader=yaml.CSafeLoader):\n    pass",
                            env=TIMING_ENV)

# Calls the console-script entry point (``module:attr``) in-process, or runs the package as
# ``python -m`` would; argv[1] is the entry point or "-m:package", the rest is the command line.
ENTRY_CHILD = f"""\
import time
t0 = time.perf_counter()
import os, sys
target, args = sys.argv[1], sys.argv[2:]
code = 0
leave = os._exit
def finish(code):
    t1 = time.perf_counter()
    with open(os.environ["{TIMING_ENV}"], "w") as f:
        f.write(repr(t1 - t0))
    sys.stdout.flush()
    leave(code if isinstance(code, int) else (0 if code is None else 1))
os._exit = finish  # the console script leaves through os._exit, like mypy
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
finish(code)
"""


class Run:
    __slots__ = ("cpu", "internal", "maxrss", "rc", "stderr", "stdout", "timed_out", "wall")

    def __init__(self, wall: float, cpu: float, internal: float | None, maxrss: int, rc: int,
                 stdout: str, stderr: str, timed_out: bool) -> None:
        self.wall, self.cpu, self.internal, self.maxrss = wall, cpu, internal, maxrss
        self.rc, self.stdout, self.stderr, self.timed_out = rc, stdout, stderr, timed_out

    def failed(self) -> bool:
        """exit 2 (usage / unreadable), another error, a timeout or a traceback."""
        return (self.timed_out or self.rc not in (0, 1)
                or "Traceback (most recent call last)" in self.stderr)

    def as_dict(self) -> dict[str, object]:
        return {"wall_s": self.wall, "cpu_s": self.cpu, "internal_s": self.internal,
                "maxrss_kb": self.maxrss, "rc": self.rc, "timed_out": self.timed_out}


def measure(cmd: list[str], timeout: float, keep_stdout: bool = False) -> Run:
    """Run cmd as a fresh child; wall and CPU time, self-reported time, its own peak RSS."""
    fd, timing = tempfile.mkstemp(prefix="mcbench-", suffix=".t")
    os.close(fd)
    env = dict(os.environ)
    env[TIMING_ENV] = timing
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
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
    return Run(wall, usage.ru_utime + usage.ru_stime, internal, usage.ru_maxrss,
               proc.returncode, stdout, stderr, timed_out.is_set())


def find_missionctl(python: str, override: str | None) -> tuple[list[str] | None, str | None]:
    """(command prefix, in-process target) for missionctl, or (None, None) if it does not run."""
    candidates: list[tuple[list[str], str | None]] = []
    if override:
        candidates.append((override.split(), None))
    script = Path(python).parent / "missionctl"
    if script.exists():
        candidates.append(([str(script)], None))
    elif shutil.which("missionctl"):
        candidates.append(([str(shutil.which("missionctl"))], None))
    candidates.append(([python, "-m", "missionctl"], "-m:missionctl"))
    entry = None
    try:
        probe = subprocess.run(
            [python, "-c", "from importlib.metadata import entry_points as e; "
             "print(next(iter(e(group='console_scripts', name='missionctl'))).value)"],
            capture_output=True, text=True, timeout=60)
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


def ensure_file(label: str, regenerate: bool, dense: bool = False) -> Path:
    """The mission file of `label` events (seed 1; `--dense`: about one finding per event),
    generated when missing, in a child process: generating one in this process raised the
    harness's peak RSS (about 107 MB for 100k), and every child forked from it then
    reported at least that (issue 10). Also when the file there was written by an older
    layout of the generator (`generate.py --if-stale`, by the file's header)."""
    path = OUT / f"mission-{label}{'-dense' if dense else ''}.yaml"
    before = path.stat().st_mtime_ns if path.exists() else None
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--events", str(SIZES[label]),
                    "--seed", "1", "--out", str(path), "--quiet",
                    *([] if regenerate else ["--if-stale"]),
                    *(["--dense"] if dense else [])], check=True)
    if path.stat().st_mtime_ns != before:
        print(f"generated {path.name} ({path.stat().st_size / 1e6:.1f} MB) "
              f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return path


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
    subprocess.run([python, "-c", code], check=False,
                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})


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
            if (inside and line.startswith("  ") and not line.startswith("   ")
                    and line.rstrip().endswith(":")):
                n += 1
    return n


# ----------------------------------------------------------------------------- statistics


def med(xs: list[float | None]) -> float | None:
    ys = [x for x in xs if x is not None]
    return statistics.median(ys) if ys else None


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def fmt_s(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def fmt_spread(xs: list[float | None]) -> str:
    ys = [x for x in xs if x is not None]
    return f" ({fmt_s(min(ys))}–{fmt_s(max(ys))})" if len(ys) >= 2 else ""


def fmt_mb(kb: float | None) -> str:
    return "–" if kb is None else f"{kb / 1024:.0f} MB"


def fmt_r(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}×"
