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
from missionctl.i18n import Translator, translator
from missionctl.model import Event, Mission
from missionctl.wording import clock, day_full


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
    lang: str = "en"  # the language it is written in (i18n.SUPPORTED)


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
    #: the language of the headings and summary (each notice has its own, `Notice.lang`)
    lang: str = "en"

    @property
    def mission(self) -> Mission:
        return self.diff.new

    @property
    def title(self) -> str:
        return translator(self.lang)._("Changes to {title}").format(
            title=self._localised().info.title)

    def _localised(self) -> Mission:
        from missionctl.views.localise import localised

        return localised(self.mission, self.lang)


def report(d: Diff, source: str, target: str, people: Sequence[str] | None = None, *,
           lang: str = "en", langs: Mapping[str, str] | None = None) -> Report:
    """The notices of `people` (default: everyone with a change), in the diff's order; each
    in `langs[person]` when given (`--per-person`: their own language), else in `lang`."""
    chosen = set(people) if people is not None else None
    wanted = [p for p in d.people if chosen is None or p in chosen]
    index = _by_person(d.new, wanted)
    notices = tuple(notice(d, pid, index.get(pid, []), (langs or {}).get(pid, lang))
                    for pid in wanted)
    return Report(d, source, target, notices, d.renamed, lang=lang)


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


def notice(d: Diff, pid: str, events: Sequence[Event], lang: str = "en") -> Notice:
    """`pid`'s notice in `lang`; `events` are theirs in the new version, in time order."""
    from missionctl.views.localise import localised

    # Both versions read in the person's language (titles and names written in several).
    d = d._replace(old=localised(d.old, lang), new=localised(d.new, lang))
    tr = translator(lang)
    person = d.new.people.get(pid) or d.old.people[pid]
    changes = d.people.get(pid, ())
    zone = d.new.info.timezone
    days: dict[date, list[str]] = {}
    for c in changes:
        days.setdefault(_day(c, zone), []).append(sentence(d, _localised(c, d), tr))
    affected = set(days)
    programme: dict[date, list[str]] = {day: [] for day in sorted(affected)}
    for e in events:
        day = e.local_start().date()
        if day in programme:
            programme[day].append(programme_line(d.new.events.get(e.id, e), d.new,
                                                 d.new_tables.get(e.id), tr))
    return Notice(pid, person.name, person.email, changes,
                  tuple(Day(k, tuple(v)) for k, v in sorted(days.items())),
                  tuple(Day(k, tuple(v)) for k, v in programme.items()), lang)


def _localised(c: Change, d: Diff) -> Change:
    """The change with its events as the localised versions of `d` read them."""
    old = d.old.events.get(c.old.id, c.old) if c.old is not None else None
    new = d.new.events.get(c.new.id, c.new) if c.new is not None else None
    return c if old is c.old and new is c.new else c._replace(old=old, new=new)


def _day(c: Change, mission_zone: str) -> date:
    """The day a change is listed under: the local day the event (now) starts on."""
    event = c.new if c.new is not None else c.old
    if event is not None:
        return event.local_start().date()
    from missionctl.tz import zone

    return c.when().astimezone(zone(mission_zone)).date()


def programme_line(e: Event, m: Mission, table: int | None = None,
                   tr: Translator | None = None) -> str:
    """'10:00–11:30  Visit of the Tangier plant, Renault Tanger plant (cancelled)'."""
    from missionctl.changes.wording import where, zone_suffix

    tr = tr or translator("en")
    start, end = e.local_start(), e.local_end()
    span = f"{clock(start)}–{clock(end)}"
    if end.date() != start.date():
        span += f" ({day_full(end.date(), tr.lang)})"
    text = f"{span}  {e.title}{zone_suffix(e.zone, m.info.timezone, tr)}"
    place = where(m, e, table, tr)
    if place:
        if e.kind == "travel" and e.venue is None:
            place = tr._("from {place}").format(place=place)
        text += f", {place}"
    if e.cancelled:
        text += " (" + tr._("cancelled") + ")"
    return text

