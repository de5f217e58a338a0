"""`missionctl schedule`: plan the B2B meetings (docs/b2b.md).

Thin: parse options, call `missionctl.schedule.command.run`, render the report. Imports
nothing but typer and the standard library at start-up; the planner (and OR-Tools, through
it) load when the command runs.

On a terminal, a solve that lasts more than a second shows its progress on stderr: the best
schedule so far (requests met, breaks) and the solver's bound, updated as the solver finds
better (`Live`). Ctrl-C stops the search and **writes nothing**: the file keeps the last
schedule written, which is the one people may already have; the message gives the best
found so far, and a shorter `--time-limit` keeps a best-found schedule instead.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from missionctl import render

if TYPE_CHECKING:
    from missionctl.schedule.outcome import Progress

    ScheduleFormat = str
else:
    ScheduleFormat = render.choice("schedule")

#: Progress shows only for a solve longer than this (seconds).
QUIET_FOR = 1.0


class Live:
    """Progress on stderr, on a terminal only, once a solve has lasted QUIET_FOR seconds."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.text = "planning"
        self.status: Any = None
        self.start = time.monotonic()
        self.timer: threading.Timer | None = None

    def __enter__(self) -> Live:
        if self.enabled:
            self.timer = threading.Timer(QUIET_FOR, self._show)
            self.timer.daemon = True
            self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.timer is not None:
            self.timer.cancel()
        if self.status is not None:
            self.status.stop()

    def _show(self) -> None:
        from rich.console import Console

        self.status = Console(stderr=True).status(self.text)
        self.status.start()

    def update(self, news: Progress) -> None:
        self.text = describe(news)
        if self.status is not None:
            self.status.update(self.text)


def describe(news: Progress) -> str:
    """'breaks: 15 requests met, 3 breaks (bound 1), 4.2 s'."""
    parts = [f"{news.met} request pair{'s' if news.met != 1 else ''} met"]
    if news.breaks is not None:
        parts.append(f"{news.breaks} break{'s' if news.breaks != 1 else ''}")
    if news.bound is not None:
        parts.append(f"stage bound {news.bound}")
    return f"planning ({news.stage}): {', '.join(parts)}, {news.seconds:.1f} s"


def schedule(
    path: Annotated[Path, typer.Argument(help="A mission file, or a directory holding one.",
                                         show_default=False)],
    session: Annotated[list[str] | None, typer.Option(
        "--session", help="Plan this B2B session only (repeat for several); "
        "default: every session.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="The generated include file (default: "
        "b2b-meetings.yaml beside the mission file). A file missionctl did not write is never "
        "replaced.", show_default=False)] = None,
    time_limit: Annotated[float, typer.Option(
        "--time-limit", min=1.0, help="Wall-clock seconds the solver may "
        "take; it also sets its deterministic work limit (a quarter of a solver second per "
        "second), which decides the result on any machine.")] = 60.0,
    repair: Annotated[bool, typer.Option(
        "--repair", help="Plan the sessions anew, moving as few previously planned meetings "
        "as the better schedule needs (default: keep them, place only new requests).")]
    = False,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show the meetings that would be added, moved and dropped; write "
        "nothing.")] = False,
    format: Annotated[ScheduleFormat, typer.Option(
        "--format", "-f", help=f"Report format: {render.listed('schedule')}.")] = "text",
) -> int:
    """Plan the B2B meetings of every session (or --session ID) from its requests and
    everyone's programme, into a generated file the mission includes; meetings written by
    hand stay as they are."""
    from missionctl.errors import UserError
    from missionctl.schedule.command import run
    from missionctl.schedule.outcome import Interrupted

    try:
        with Live() as live:
            report = run(path, sessions=tuple(session or ()), output=output,
                         time_limit=time_limit, repair=repair, dry_run=dry_run,
                         progress=live.update)
    except Interrupted as stop:
        best = f" (best so far: {describe(stop.progress)})" if stop.progress else ""
        raise UserError(f"interrupted: nothing written{best}") from None
    sys.stdout.write(render.render_text("schedule", format, report))
    return 0
