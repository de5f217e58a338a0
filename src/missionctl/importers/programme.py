"""Items placed in the mission: local times in the venue's zone, the venue and its rooms, kinds,
ids kept by UID. A plain mapping from `Item`s to the fields of events; no file formats here.

Times. Each instant is converted into the event's zone (its venue's, else the mission's)
through `missionctl.tz`, and written as the wall time a person reads there. Where that wall
time alone would not name the instant again (the hour a clock going back repeats), the
offset that zoneinfo gives for it is written too (`2027-10-31 02:30+01:00`): never an offset
written by hand. A floating time (no zone in the source) is that wall time in the venue's
zone; all-day events run from 00:00 of their first day to 00:00 after their last.

Window. Only events that overlap the mission's days (or `--from`/`--to`), in the mission's
zone, are imported; the others are counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from missionctl import tz, values
from missionctl.importers.items import Item, Source
from missionctl.importers.names import Ids, slug
from missionctl.importers.rows import Problem

#: Event fields in the order the format lists them, then the import's own `x-` keys.
EVENT_ORDER = ("kind", "title", "start", "end", "venue", "room", "status", "notes", "x-uid",
               "x-recurrence-id")


@dataclass(slots=True)
class Place:
    """Where the events go: the venue (and its zone and rooms), the window of days."""

    zone: str  # the events' zone
    window: tuple[datetime, datetime]  # UTC, half-open
    venue: str | None = None
    rooms: dict[str, str] = field(default_factory=dict)  # room name as the source spells it -> id
    default_kind: str = "other"


@dataclass(slots=True)
class Placed:
    """The events to write, keyed by the source's identity, and what was left out."""

    events: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    order: list[tuple[tuple[str, str], str]] = field(default_factory=list)  # key, title
    outside: int = 0
    unknown_rooms: dict[str, int] = field(default_factory=dict)
    repeated: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: items whose stated wall time is not their instant's wall time in the zone: (count, one)
    misstated: list[str] = field(default_factory=list)


def place(source: Source, where: Place) -> Placed:
    out = Placed()
    for item in source.items:
        try:
            start, end = _instants(item, where.zone)
        except values.Invalid as exc:
            out.problems.append(Problem(item.where, f"{exc}; not imported"))
            continue
        if end <= where.window[0] or start >= where.window[1]:
            out.outside += 1
            continue
        key = (item.key, item.recurrence or "")
        if key in out.events:  # the same UID twice (a frab event listed in two rooms)
            key = (f"{item.key}/{item.room or len(out.events)}", item.recurrence or "")
            out.repeated.append(item.where)
        out.events[key] = _fields(item, start, end, where, out)
        out.order.append((key, item.title))
        if item.stated and item.start is not None and item.start.tzinfo is not None:
            shown = start.astimezone(tz.zone(where.zone)).strftime("%H:%M")
            if shown != item.stated.zfill(5):
                out.misstated.append(f"{item.where} starts at {item.stated} by its start "
                                     f"time but at {shown} ({where.zone}) by its date")
    return out


def _instants(item: Item, zone: str) -> tuple[datetime, datetime]:
    if item.all_day is not None:
        first, after = item.all_day
        return (values.local_instant(datetime.combine(first, time()), zone),
                values.local_instant(datetime.combine(after, time()), zone))
    assert item.start is not None and item.end is not None
    return _instant(item.start, zone), _instant(item.end, zone)


def _instant(value: datetime, zone: str) -> datetime:
    if value.tzinfo is None:
        return values.local_instant(value.replace(microsecond=0, fold=0), zone)
    return value.astimezone(UTC).replace(microsecond=0)


def _fields(item: Item, start: datetime, end: datetime, where: Place, out: Placed
            ) -> dict[str, Any]:
    first, last = local_text(start, end, where.zone)
    found: dict[str, Any] = {"kind": item.kind or where.default_kind, "title": item.title,
                             "start": first, "end": last}
    note = item.notes
    if where.venue is not None:
        found["venue"] = where.venue
        room = where.rooms.get(item.room or "") or where.rooms.get(item.location or "")
        if room is not None:
            found["room"] = room
        elif item.room:
            out.unknown_rooms[item.room] = out.unknown_rooms.get(item.room, 0) + 1
            note = f"Room: {item.room}\n\n{note}" if note else f"Room: {item.room}"
    if item.location and "room" not in found:
        note = f"Location: {item.location}\n\n{note}" if note else f"Location: {item.location}"
    if item.status:
        found["status"] = item.status
    found["notes"] = note
    found["x-uid"] = item.key
    if item.recurrence:
        found["x-recurrence-id"] = item.recurrence
    return {k: found[k] for k in EVENT_ORDER if found.get(k)}


def local_text(start: datetime, end: datetime, zone: str) -> tuple[str, str]:
    """`start` and `end` (UTC) as the format writes them in `zone`: the end as a bare time
    when it is on the start's local date and neither needs its offset written."""
    z = tz.zone(zone)
    local_start, local_end = start.astimezone(z), end.astimezone(z)
    first, first_exact = _wall(local_start, zone)
    last, last_exact = _wall(local_end, zone)
    if first_exact and last_exact and local_start.date() == local_end.date():
        return first, last.split(" ", 1)[1]
    return first, last


def _wall(local: datetime, zone: str) -> tuple[str, bool]:
    """The local date-time as text, and whether it names the instant without an offset."""
    form = "%Y-%m-%d %H:%M" if local.second == 0 else "%Y-%m-%d %H:%M:%S"
    text = local.strftime(form)
    # fold=0, as the loader reads the text: a fold=1 wall would name the second of two
    # repeated times to zoneinfo (and `values.local_instant` memoises by wall time)
    wall = local.replace(tzinfo=None, fold=0)
    try:
        exact = values.local_instant(wall, zone) == local.astimezone(UTC)
    except values.Invalid:
        exact = False
    if exact:
        return text, True
    offset = local.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}", False


def window(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    """[00:00 of `first`, 00:00 after `last`) in `zone`, as UTC instants."""
    return (values.local_instant(datetime.combine(first, time()), zone),
            values.local_instant(datetime.combine(last + timedelta(days=1), time()), zone))


@dataclass(slots=True)
class Kept:
    """Events matched with the last import (ids kept) and with the author's (left alone)."""

    events: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> fields
    added: list[str] = field(default_factory=list)
    changed: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    by_hand: list[tuple[str, str, str]] = field(default_factory=list)  # title, id, where


def keep_ids(placed: Placed, previous: dict[str, dict[str, Any]],
             authors: dict[tuple[str, str], tuple[str, str]], ids: Ids) -> Kept:
    """Ids from the last import by (UID, recurrence); new ones from titles, in source order.
    `authors`: (UID, recurrence) -> (id, where) of events the author defines with `x-uid`."""
    before = {(str(f.get("x-uid", "")), str(f.get("x-recurrence-id", ""))): i
              for i, f in previous.items() if f.get("x-uid")}
    out = Kept()
    fresh: list[tuple[tuple[str, str], str]] = []
    for key, title in placed.order:
        fields = placed.events[key]
        if key in authors:
            ident, where = authors[key]
            out.by_hand.append((title, ident, where))
        elif key in before:
            ident = before[key]
            out.events[ident] = fields
            diff = tuple(k for k in dict.fromkeys([*previous[ident], *fields])
                         if previous[ident].get(k) != fields.get(k))
            (out.changed.append((ident, diff)) if diff else out.unchanged.append(ident))
        else:
            fresh.append((key, title))
    for key, title in fresh:
        ident = ids.new(slug(title, "event"))
        out.events[ident] = placed.events[key]
        out.added.append(ident)
    out.removed = sorted(i for i in previous if i not in out.events)
    return out
