"""The timeline view: per day, one row per person or group, hours across, so a gap or a
collision shows at a glance.

Rows are people with the same events that day, told as groups where whole groups share a row
(see `people.who`). The whole-mission timeline shows the mission's own people (everyone but
the receiving side, `side: host`, whose staff of the organising organisation stay in);
`--person`, `--org` and `--group` show theirs. Hours are in the mission's zone, so rows line
up whatever zone an event was written in. Cancelled events are left out (nobody is there).
Stays and free blocks are drawn but never collide; two other events overlapping in one row
are a collision. Legend keys run A-Z, a-z, 0-9 per day (a B2B session's meetings share one).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

from missionctl.model import Event, Mission
from missionctl.views.flags import Flag
from missionctl.views.people import who
from missionctl.views.select import Selection, people_in_view, select_events

KEYS = string.ascii_uppercase + string.ascii_lowercase + string.digits


@dataclass(frozen=True, slots=True)
class Span:
    key: str  # legend key of the event (a B2B session's meetings share one)
    start: int  # minutes after local midnight of the day (mission zone), clipped
    end: int
    occupies: bool


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    people: tuple[str, ...]  # person ids
    spans: tuple[Span, ...]
    collisions: tuple[tuple[int, int], ...]  # minute ranges where two events overlap


@dataclass(frozen=True, slots=True)
class Entry:
    """A legend entry: the key, times (mission zone) and title."""

    key: str
    start: str
    end: str
    title: str
    kind: str
    flags: tuple[Flag, ...]


@dataclass(frozen=True, slots=True)
class TimelineDay:
    date: date
    first_hour: int
    last_hour: int  # exclusive
    rows: tuple[Row, ...]
    legend: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    title: str
    heading: str
    zone: str
    days: tuple[TimelineDay, ...]
    lang: str = "en"  # the language of its labels (i18n.SUPPORTED)


def build(mission: Mission, sel: Selection, flags: Mapping[str, tuple[Flag, ...]],
          lang: str = "en") -> Timeline:
    from missionctl.i18n import translator
    from missionctl.tz import zone
    from missionctl.views.itinerary import heading
    from missionctl.views.localise import localised

    mission = localised(mission, lang)
    tr = translator(lang)
    tz = zone(mission.info.timezone)
    events = [e for e in select_events(mission, Selection(day=None, person=sel.person,
                                                          org=sel.org, group=sel.group))
              if not e.cancelled]
    people = _people(mission, sel, events)
    by_day: dict[date, list[Event]] = {}  # each day's events, in order: not all on every day
    for e in events:
        for d in _days(e, tz):
            by_day.setdefault(d, []).append(e)
    days = sorted(by_day)
    if sel.day is not None:
        days = [d for d in days if d == sel.day]
    out = tuple(_day(mission, d, by_day[d], people, flags, tz) for d in days)
    return Timeline(mission.info.title,
                    tr._("{heading} – timeline").format(heading=heading(mission, sel, tr)),
                    mission.info.timezone, tuple(d for d in out if d.rows), lang)


def _people(mission: Mission, sel: Selection, events: list[Event]) -> frozenset[str]:
    chosen = people_in_view(mission, sel)
    if chosen is not None:
        return chosen
    everyone = frozenset().union(*(mission.taking_part.get(e.id, frozenset()) for e in events))
    return frozenset(p for p in everyone if _travelling(mission, p))


def _travelling(mission: Mission, pid: str) -> bool:
    """The mission's own people: everyone but the receiving side (`side: host`), except the
    organising organisation's own staff, who are never only hosts."""
    p = mission.people[pid]
    return p.side != "host" or (p.organisation is not None
                                and p.organisation == mission.info.organiser)


def _days(e: Event, tz: tzinfo) -> list[date]:
    first = e.start.astimezone(tz).date()
    last = (e.end - timedelta(microseconds=1)).astimezone(tz).date()
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _clip(e: Event, d: date, tz: tzinfo) -> tuple[int, int] | None:
    midnight = datetime.combine(d, time(0), tz)
    start = max(e.start, midnight)
    end = min(e.end, datetime.combine(d + timedelta(days=1), time(0), tz))
    if end <= start:
        return None
    # Minutes on the day's wall clock (a day with a clock change still reads 00:00-24:00).
    s = start.astimezone(tz)
    f = end.astimezone(tz)
    s_min = s.hour * 60 + s.minute
    f_min = 24 * 60 if f.date() != d else f.hour * 60 + f.minute
    return (s_min, max(f_min, s_min + 1))


def _day(mission: Mission, d: date, events: list[Event], people: frozenset[str],
         flags: Mapping[str, tuple[Flag, ...]], tz: tzinfo) -> TimelineDay:
    todays = [(e, c) for e in events if (c := _clip(e, d, tz)) is not None]
    keys, legend = _legend(mission, todays, flags, tz)
    # Person -> the positions of their events in `todays`: the work per (person, event) pair,
    # which grows faster than the mission (bigger missions, bigger delegations), kept to an
    # append; a tuple of positions is also what tells alike days apart (`_rows`).
    schedule: dict[str, list[int]] = {}
    taking = mission.taking_part
    for i, (e, _c) in enumerate(todays):
        for p in taking.get(e.id, frozenset()) & people:
            mine = schedule.get(p)
            if mine is None:
                schedule[p] = [i]
            else:
                mine.append(i)
    rows = _rows(mission, todays, schedule, keys)
    first, last = _hours([c for e, c in todays if e.occupies] or [c for _e, c in todays])
    return TimelineDay(d, first, last, rows, legend)


def _legend(mission: Mission, todays: list[tuple[Event, tuple[int, int]]],
            flags: Mapping[str, tuple[Flag, ...]], tz: tzinfo
            ) -> tuple[dict[str, str], tuple[Entry, ...]]:
    """Event id -> legend key, and the legend. A B2B session's meetings share one key."""
    keys: dict[str, str] = {}
    entries: dict[str, Entry] = {}  # event id or "b2b:<session>" -> entry
    flagged: dict[str, list[Flag]] = {}  # the same -> its events' flags, in order
    for e, _c in todays:
        group = f"b2b:{e.b2b}" if e.b2b else e.id
        entry = entries.get(group)
        if entry is None:
            entry = entries[group] = _entry(mission, KEYS[len(entries) % len(KEYS)], e, tz)
        found = flags.get(e.id)
        if found:
            flagged.setdefault(group, []).extend(found)
        keys[e.id] = entry.key
    # Flags added once per entry (a copy of the entry per event, its flags a growing tuple,
    # made a session of many meetings quadratic)
    return keys, tuple(replace(entry, flags=tuple(flagged[group])) if group in flagged
                       else entry for group, entry in entries.items())


def _entry(mission: Mission, key: str, e: Event, tz: tzinfo) -> Entry:
    title, start, end = e.title, e.start, e.end
    if e.b2b and e.b2b in mission.b2b:
        s = mission.b2b[e.b2b]
        title, start, end = s.title, s.window[0], s.window[1]
    return Entry(key, _clock(start.astimezone(tz)), _clock(end.astimezone(tz)), title, e.kind,
                 ())


def _clock(local: datetime) -> str:
    """'09:30': what `%H:%M` writes, without strftime."""
    return f"{local.hour:02}:{local.minute:02}"


def _rows(mission: Mission, todays: list[tuple[Event, tuple[int, int]]],
          schedule: dict[str, list[int]], keys: dict[str, str]) -> tuple[Row, ...]:
    # People with the same events share a row: the same positions, in the same order (each
    # list was filled in the order of `todays`).
    by_events: dict[tuple[int, ...], set[str]] = {}
    for p, mine in schedule.items():
        by_events.setdefault(tuple(mine), set()).add(p)
    rows: list[Row] = []
    for positions, members in by_events.items():
        items = [todays[i] for i in positions]
        spans = tuple(sorted((Span(keys[e.id], c[0], c[1], e.occupies) for e, c in items),
                             key=lambda s: (s.start, s.end, s.key)))
        told = who(mission, frozenset(members))
        label = ", ".join(told.labels(mission))
        rows.append(Row(label, tuple(sorted(members)), spans, _collisions(spans)))
    # The people's ids last: rows alike in all else came in the order of a set of strings,
    # which changes with the hash seed from one run to the next (found by issue 10's
    # before/after comparison of the 10k timeline).
    rows.sort(key=lambda r: (-len(r.people), r.spans[0].start if r.spans else 0, r.label,
                             r.people))
    return tuple(rows)


def _collisions(spans: tuple[Span, ...]) -> tuple[tuple[int, int], ...]:
    busy = [s for s in spans if s.occupies]
    out: list[tuple[int, int]] = []
    for i, a in enumerate(busy):
        for b in busy[i + 1:]:
            lo, hi = max(a.start, b.start), min(a.end, b.end)
            if lo < hi:
                out.append((lo, hi))
    return tuple(sorted(set(out)))


def _hours(clips: list[tuple[int, int]]) -> tuple[int, int]:
    if not clips:
        return (8, 18)
    first = min(c[0] for c in clips) // 60
    last = -(-max(c[1] for c in clips) // 60)
    return (min(first, 8), max(last, first + 1))
