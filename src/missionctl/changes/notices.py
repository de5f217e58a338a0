"""Notices: what changed for one person, as sentences they can act on, day by day in the local
time of each place, and their new programme for the days that changed (plain data, rendered by
`render/notice.py` as text or Markdown and by `render/eml.py` as an e-mail).

Only names are shown of other people, never their contact details, so a notice never shows a
field someone lists in `private`; the person's own e-mail address is used only to address
their message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from missionctl.changes.diff import Change, Diff
from missionctl.changes.wording import sentence
from missionctl.model import Event, Mission
from missionctl.wording import clock, day_full, zone_suffix


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Notice:
    """One person's notice: greeting name, changes by day, new programme of those days."""

    person: str
    name: str
    email: str | None
    changes: tuple[Change, ...]
    days: tuple[Day, ...]
    programme: tuple[Day, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """Every notice of a comparison (people with no change have none), and where it is from."""

    diff: Diff
    source: str  # "HEAD~1", or the old file's path
    target: str  # "working tree", a revision, or the new file's path
    notices: tuple[Notice, ...] = ()
    renamed: Mapping[str, str] = field(default_factory=dict)
    #: event id -> (SEQUENCE, LAST-MODIFIED) from the history (`sequence.py`); none: 0
    sequences: Mapping[str, tuple[int, datetime | None]] = field(default_factory=dict)
    #: the e-mail's Date (None: now)
    sent: datetime | None = None

    @property
    def mission(self) -> Mission:
        return self.diff.new

    @property
    def title(self) -> str:
        return f"Changes to {self.mission.info.title}"


def report(d: Diff, source: str, target: str, people: Sequence[str] | None = None) -> Report:
    """The notices of `people` (default: everyone with a change), in the diff's order."""
    chosen = set(people) if people is not None else None
    wanted = [p for p in d.people if chosen is None or p in chosen]
    index = _by_person(d.new, wanted)
    notices = tuple(notice(d, pid, index.get(pid, [])) for pid in wanted)
    return Report(d, source, target, notices, d.renamed)


def _by_person(m: Mission, people: Sequence[str]) -> dict[str, list[Event]]:
    """Each of `people` -> their events in the new version, in time order (one pass)."""
    wanted = set(people)
    out: dict[str, list[Event]] = {}
    if not wanted:
        return out
    for e in m.events.values():
        for pid in m.taking_part.get(e.id, frozenset()) & wanted:
            out.setdefault(pid, []).append(e)
    for events in out.values():
        events.sort(key=lambda e: (e.start, e.end, e.id))
    return out


def notice(d: Diff, pid: str, events: Sequence[Event]) -> Notice:
    """`pid`'s notice; `events` are theirs in the new version, in time order."""
    person = d.new.people.get(pid) or d.old.people[pid]
    changes = d.people.get(pid, ())
    zone = d.new.info.timezone
    days: dict[date, list[str]] = {}
    for c in changes:
        days.setdefault(_day(c, zone), []).append(sentence(d, c))
    affected = set(days)
    programme: dict[date, list[str]] = {day: [] for day in sorted(affected)}
    for e in events:
        day = e.local_start().date()
        if day in programme:
            programme[day].append(programme_line(e, d.new, d.new_tables.get(e.id)))
    return Notice(pid, person.name, person.email, changes,
                  tuple(Day(k, tuple(v)) for k, v in sorted(days.items())),
                  tuple(Day(k, tuple(v)) for k, v in programme.items()))


def _day(c: Change, mission_zone: str) -> date:
    """The day a change is listed under: the local day the event (now) starts on."""
    event = c.new if c.new is not None else c.old
    if event is not None:
        return event.local_start().date()
    from missionctl.tz import zone

    return c.when().astimezone(zone(mission_zone)).date()


def programme_line(e: Event, m: Mission, table: int | None = None) -> str:
    """'10:00–11:30  Visit of the Tangier plant, Renault Tanger plant (cancelled)'."""
    from missionctl.changes.wording import where

    start, end = e.local_start(), e.local_end()
    span = f"{clock(start)}–{clock(end)}"
    if end.date() != start.date():
        span += f" ({day_full(end.date())})"
    text = f"{span}  {e.title}{zone_suffix(e.zone, m.info.timezone)}"
    place = where(m, e, table)
    if place:
        text += f", {'from ' if e.kind == 'travel' and e.venue is None else ''}{place}"
    if e.cancelled:
        text += " (cancelled)"
    return text

