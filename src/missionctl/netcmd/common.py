"""What the network commands share: loading the mission, the error mapping, files we own,
and the feedback (progress bar, retry notes) drawn on a terminal.

Exit codes (contract, section 10, and docs/network.md): a failed network operation (every
`NetError`: unreachable server, timeout, HTTP error, malformed answer, bad credentials, a
corrupt geocode cache) is exit 1 with one line `missionctl: <message>` on stderr; a usage error
or a path that does not exist or cannot be read is exit 2; a mission with format errors prints
its findings and exits 1 before any request is sent.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from missionctl.cli.common import mission_file
from missionctl.errors import UserError

if TYPE_CHECKING:
    from missionctl.findings import Finding
    from missionctl.loader import Loaded
    from missionctl.model import Mission
    from missionctl.net.http import RetryEvent, RetryPolicy

#: ``progress(done, total, what)``, as `missionctl.net.http.ProgressHook` (without httpx).
Hook = Callable[[int, int, str], None]

#: A progress bar is drawn only for operations of at least this many steps.
MIN_STEPS = 3


class NetworkFailure(UserError):
    """A network operation failed: the CLI prints `missionctl: <message>` and exits 1."""

    exit_code = 1


class InvalidMission(Exception):
    """The mission has format errors (MC0xx): nothing is sent; the command prints them."""

    def __init__(self, loaded: Loaded) -> None:
        super().__init__(loaded.file)
        self.loaded = loaded


@contextlib.contextmanager
def network_errors() -> Iterator[None]:
    """Turn every NetError into a NetworkFailure (one line, exit 1, no traceback)."""
    from missionctl.net.errors import NetError  # cheap: no httpx

    try:
        yield
    except NetError as err:
        raise NetworkFailure(str(err)) from None


def load_mission(path: Path) -> tuple[Path, Mission]:
    """(the mission file, its model). Raises InvalidMission when it has format errors and
    UserError when it is not a mission file at all."""
    file, mission, _pending = load_for_output(path, None)
    return file, mission


def load_for_output(path: Path, to_be_written: Path | None) -> tuple[Path, Mission, bool]:
    """`load_mission` for a command about to create `to_be_written`. An author may add its
    include line first; the one finding that gives (MC008: the included file does not exist)
    is then no reason to stop. The flag says whether that happened (the file is included)."""
    from missionctl.loader import load

    file = mission_file(path)
    loaded = load(file, str(file))
    if not loaded.is_mission:
        raise UserError(f"{file} is not a mission file (no 'mission:' key)")
    pending = [f for f in loaded.findings if _missing(f, to_be_written)]
    if loaded.mission is None or len(pending) != len(loaded.findings):
        raise InvalidMission(loaded)
    return file, loaded.mission, bool(pending)


def _missing(finding: Finding, target: Path | None) -> bool:
    """Whether `finding` says that `target`, included, does not exist yet."""
    import re

    if target is None or finding.code != "MC008" or target.exists():
        return False
    match = re.search(r"does not exist \(looked for (.+)\)$", finding.message)
    return match is not None and Path(match.group(1)).resolve() == target.resolve()


def print_findings(loaded: Loaded) -> None:
    """The format findings, as `check` prints them, on stderr."""
    import os

    from missionctl import report
    from missionctl.linter import lint_loaded

    rep = lint_loaded(loaded)
    colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    sys.stderr.write(report.get("text")([rep], report.Options(color=colour)))
    sys.stderr.write("missionctl: the mission has format errors; nothing was sent\n")


def real_files(mission: Mission) -> dict[Path, str]:
    """Resolved path of every file the mission was read from -> its name in findings."""
    return {Path(name).resolve(): name for name in mission.files}


def owned_by_us(path: Path, marker: str) -> bool:
    """Whether an existing file starts with our generated-file marker."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(marker.encode()) + 3)
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").startswith(marker.encode())


def guard_output(path: Path, marker: str, command: str) -> None:
    """Refuse to replace a file that missionctl did not write (the author's own work)."""
    if path.is_dir():
        raise UserError(f"cannot write {path}: it is a directory")
    if path.exists() and not owned_by_us(path, marker):
        raise UserError(
            f"{path} exists and was not written by `missionctl {command}`; it is left alone. "
            "Choose another file with --output (or move that one away)"
        )


def relative_to_mission(path: Path, mission_path: Path) -> str | None:
    """`path` relative to the mission file's folder, with '/', or None if outside it."""
    try:
        rel = path.resolve().relative_to(mission_path.resolve().parent)
    except ValueError:
        return None
    return rel.as_posix()


def yaml_id(text: str) -> str:
    """An id as a YAML scalar: plain when it reads back as the same text, else quoted."""
    import json
    import re

    specials = {"null", "Null", "NULL", "~", "true", "false", "True", "False", "TRUE", "FALSE",
                "yes", "no", "Yes", "No", "YES", "NO", "on", "off", "On", "Off", "ON", "OFF",
                "y", "n", "Y", "N"}
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", text) and text not in specials:
        return text
    return json.dumps(text, ensure_ascii=False)


def host_of(url: str) -> str:
    from missionctl.net.errors import host_of as _host_of

    return _host_of(url)


class Feedback:
    """Progress bar and retry notes on stderr, only when stderr is a terminal.

    Off a terminal (CI, pipes, tests) nothing is drawn and a failure is one line: the retries
    happen silently and the final NetError says what went wrong.
    """

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: Any = None
        self._task: Any = None
        self._label = ""

    def policy(self) -> RetryPolicy | None:
        """The retry policy for the client: the module default, plus retry notes on a TTY."""
        if not self.enabled:
            return None  # the client falls back to net.http.DEFAULT_POLICY at request time
        from missionctl.net import http as nethttp

        return nethttp.DEFAULT_POLICY.with_(on_retry=self.on_retry)

    def client_options(self, timeout: float, user_agent: str | None) -> dict[str, Any]:
        return {"timeout": timeout, "user_agent": user_agent, "retry": self.policy()}

    @contextlib.contextmanager
    def progress(self, label: str) -> Iterator[Hook | None]:
        if not self.enabled:
            yield None
            return
        self._label = label
        try:
            yield self._update
        finally:
            if self._bar is not None:
                self._bar.stop()
            self._bar = self._task = None

    def _update(self, done: int, total: int, what: str) -> None:
        if self._bar is None:
            if total < MIN_STEPS or done >= total:
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self._label, total=total)
        shown = what if len(what) <= 40 else what[:39] + "…"
        self._bar.update(self._task, completed=done, total=total,
                         description=f"{self._label} {shown}")

    def on_retry(self, event: RetryEvent) -> None:
        text = (f"missionctl: {event.reason}; retrying in {event.delay:.0f} s "
                f"(attempt {event.attempt + 1} of {event.attempts})")
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=sys.stderr)
