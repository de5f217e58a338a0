"""What `missionctl schedule` did, as plain data: the view its renderers (`render/
schedule_text.py`, `render/schedule_json.py`) show. Names are resolved here, so a renderer
needs no mission."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from missionctl.findings import Loc
from missionctl.schedule.outcome import Stage


class Meeting(NamedTuple):
    """A meeting of the session after planning. `how`: "by hand" (stays as written), "kept"
    (planned before, unchanged), "new", or "moved" (planned before elsewhere)."""

    at: str
    table: int
    between: tuple[str, str]
    names: tuple[str, str]
    how: str


class Unmet(NamedTuple):
    """A request no meeting meets, where it is written and why."""

    loc: Loc
    from_: str
    to: str
    priority: str
    reason: str


class Change(NamedTuple):
    """A difference from the previous schedule: "added", "moved" or "dropped"."""

    kind: str
    between: tuple[str, str]
    names: tuple[str, str]
    before: tuple[str, int] | None  # (at, table)
    after: tuple[str, int] | None


@dataclass(slots=True)
class SessionReport:
    id: str
    title: str
    engine: str  # "cp-sat" or "heuristic"
    stages: tuple[Stage, ...]
    stopped: str | None  # "work", "wall" or None (see outcome.Outcome)
    proven: bool
    meetings: list[Meeting]
    unmet: list[Unmet]
    met: dict[str, tuple[int, int]]  # priority -> (requests met, requests)
    breaks: int
    per_org: dict[str, int]  # organisation name -> its meetings
    changes: list[Change] = field(default_factory=list)


@dataclass(slots=True)
class ScheduleReport:
    mission_file: Path
    output: Path
    sessions: list[SessionReport]
    dry_run: bool = False
    written: bool = False
    unchanged: bool = False  # the file already held exactly this
    included: bool = False
    include_hint: str | None = None  # the include line to add, when not included
    dropped_sessions: list[str] = field(default_factory=list)  # gone from the mission
