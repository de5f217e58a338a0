"""What changed between two versions of a mission, per event and per person, read from the model.

Identity is the model's, never the YAML text's: a reformatted file, reordered keys, a group
written out as its members or an event moved into an include compare equal, because events are
compared by their resolved fields (instants in UTC, people as expanded sets of ids) and never
by where they were written (`loc`, `locs`).

How events are paired, in one pass each (no loop over pairs of events):

1. **B2B meetings by what they are**: the session and the two organisations (and, for the same
   pair met twice, the order of the meetings). A meeting's id holds its time and table, so a
   meeting moved by `schedule --repair` keeps its pairing and shows as moved in time or place.
2. **Other events by id.**
3. **Renames by content**: an event only in the old version and one only in the new one whose
   every compared field is equal (a hash of them) are one event renamed, not a removal and an
   addition. Renames are listed apart (`Diff.renamed`): nothing changes for anyone.

Each pair gives one `Change` per kind of change, to each person it touches: an added, removed,
cancelled or reinstated event to everyone in it; a person who joins or leaves an event sees
that (`people`) and nothing else of it; the people who stay see how it moved in time or place
and what else changed (`details`). A person's own arrival and departure are changes too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any, NamedTuple

from missionctl.model import Event, Mission

KINDS = ("added", "removed", "cancelled", "reinstated", "time", "place", "people", "details")

#: The fields `details` compares (besides hosts and interpreters, compared as people).
DETAIL_FIELDS = ("title", "kind", "mode", "carrier", "reference", "language", "organisation",
                 "notes", "status")
EMPTY: frozenset[str] = frozenset()
EMPTY_MAP: Mapping[str, int] = MappingProxyType({})


class Change(NamedTuple):
    """One kind of change to one event (or to a person's own dates), as one person sees it.

    `event` is the event's id (its new id; the old one for a removed event), None for a
    person's arrival or departure (`about` says which). `before`/`after` are plain data (the
    JSON contract); `old`/`new` the events themselves, for wording.
    """

    change: str
    event: str | None
    before: Mapping[str, Any]
    after: Mapping[str, Any]
    old: Event | None = None
    new: Event | None = None
    about: str | None = None
    at: datetime | None = None  # when it happens (UTC), for ordering and days

    def when(self) -> datetime:
        if self.at is not None:
            return self.at
        event = self.new if self.new is not None else self.old
        assert event is not None
        return event.start


class Diff(NamedTuple):
    """Every person's changes (in the order of the new version's people, then the people who
    left), and the events renamed without another change (old id -> new id)."""

    old: Mission
    new: Mission
    people: Mapping[str, tuple[Change, ...]]
    renamed: Mapping[str, str]
    old_tables: Mapping[str, int] = EMPTY_MAP  # B2B meeting event id -> table, per version
    new_tables: Mapping[str, int] = EMPTY_MAP

    def table(self, m: Mission, event_id: str) -> int | None:
        return (self.new_tables if m is self.new else self.old_tables).get(event_id)

    def changed_events(self) -> frozenset[str]:
        """The ids (new ids; old ones for removed events) of every event someone sees changed."""
        return frozenset(c.event for cs in self.people.values() for c in cs if c.event)


def diff(old: Mission, new: Mission) -> Diff:
    """What changed from `old` to `new`, for each person."""
    pairs, renamed = pair_events(old, new)
    tables_old, tables_new = _tables(old), _tables(new)
    found: dict[str, list[Change]] = {}
    for before, after in pairs:
        for pid, change in _event_changes(old, new, before, after, tables_old, tables_new):
            found.setdefault(pid, []).append(change)
    for pid, change in _dates(old, new):
        found.setdefault(pid, []).append(change)
    order = [*new.people, *(p for p in old.people if p not in new.people)]
    people = {pid: tuple(sorted(found[pid], key=_order)) for pid in order if pid in found}
    return Diff(old, new, people, renamed, tables_old, tables_new)


def _order(c: Change) -> tuple[datetime, str, int]:
    return (c.when(), c.event or "", KINDS.index(c.change))


# -- pairing --------------------------------------------------------------------------------


Pair = tuple[Event | None, Event | None]


def pair_events(old: Mission, new: Mission) -> tuple[list[Pair], dict[str, str]]:
    """(old, new) pairs of the same event (None on the side it is missing from), and the
    renamed ids (old -> new) among them."""
    keys_old, keys_new = _meeting_keys(old), _meeting_keys(new)
    by_key = {k: new.events[i] for i, k in keys_new.items()}
    pairs: list[Pair] = []
    lone_old: list[Event] = []
    taken: set[str] = set()
    for e in old.events.values():
        key = keys_old.get(e.id)
        match = by_key.get(key) if key is not None else (
            new.events.get(e.id) if e.id not in keys_new else None)
        if match is None:
            lone_old.append(e)
        else:
            pairs.append((e, match))
            taken.add(match.id)
    lone_new = [e for e in new.events.values() if e.id not in taken]
    renamed: dict[str, str] = {}
    waiting: dict[tuple[Any, ...], list[Event]] = {}
    for e in lone_new:
        waiting.setdefault(content(new, e), []).append(e)
    for e in lone_old:
        same = waiting.get(content(old, e))
        if same:
            twin = same.pop(0)
            renamed[e.id] = twin.id
            pairs.append((e, twin))
        else:
            pairs.append((e, None))
    pairs.extend((None, e) for group in waiting.values() for e in group)
    return pairs, renamed


def _meeting_keys(m: Mission) -> dict[str, tuple[str, str, str, int]]:
    """B2B meeting event id -> (session, organisation, organisation, n-th meeting of the pair)."""
    out: dict[str, tuple[str, str, str, int]] = {}
    for s in m.b2b.values():
        seen: dict[tuple[str, str], int] = {}
        for mt in sorted(s.meetings, key=lambda x: (x.at, x.table)):
            a, b = sorted(mt.between)
            n = seen[(a, b)] = seen.get((a, b), 0) + 1
            if mt.event_id in m.events:
                out[mt.event_id] = (s.id, a, b, n)
    return out


def _tables(m: Mission) -> dict[str, int]:
    return {mt.event_id: mt.table for s in m.b2b.values() for mt in s.meetings}


def content(m: Mission, e: Event) -> tuple[Any, ...]:
    """Everything compared about an event but its id: equal for a renamed event."""
    return (e.start, e.end, e.zone, e.end_zone, e.venue, e.room, e.from_, e.to, e.b2b,
            *(getattr(e, f) for f in DETAIL_FIELDS), m.expand(e.hosts),
            m.expand(e.interpreters), m.taking_part.get(e.id, EMPTY))


# -- one pair -------------------------------------------------------------------------------


def _event_changes(old: Mission, new: Mission, before: Event | None, after: Event | None,
                   tables_old: Mapping[str, int], tables_new: Mapping[str, int]
                   ) -> Iterable[tuple[str, Change]]:
    if before is None or after is None:
        e = after if after is not None else before
        assert e is not None
        added = after is not None
        m = new if added else old
        facts = summary(m, e, (tables_new if added else tables_old).get(e.id))
        change = Change("added" if added else "removed", e.id, {} if added else facts,
                        facts if added else {}, before, after)
        return [(p, change) for p in m.taking_part.get(e.id, EMPTY)]
    was, now = old.taking_part.get(before.id, EMPTY), new.taking_part.get(after.id, EMPTY)
    out: list[tuple[str, Change]] = []
    if before.cancelled != after.cancelled:
        kind = "cancelled" if after.cancelled else "reinstated"
        c = Change(kind, after.id, {"status": before.status}, {"status": after.status},
                   before, after)
        out.extend((p, c) for p in was | now)
        if after.cancelled:
            return out
    elif after.cancelled:
        return out  # still cancelled: nothing anyone has to do
    if was != now:
        facts = summary(new, after, tables_new.get(after.id))
        out.extend((p, Change("people", after.id, {"taking_part": False},
                              {"taking_part": True, **facts}, before, after))
                   for p in now - was)
        out.extend((p, Change("people", after.id, {"taking_part": True},
                              {"taking_part": False}, before, after)) for p in was - now)
    changes = _compare(old, new, before, after, tables_old.get(before.id),
                       tables_new.get(after.id))
    if changes:
        stayed = was & now if was != now else now
        out.extend((p, c) for c in changes for p in stayed)
    return out


def _compare(old: Mission, new: Mission, a: Event, b: Event, table_a: int | None,
             table_b: int | None) -> list[Change]:
    out: list[Change] = []
    if (a.start, a.end, a.zone, a.end_zone) != (b.start, b.end, b.zone, b.end_zone):
        out.append(Change("time", b.id, times(a), times(b), a, b))
    place_a, place_b = place(a, table_a), place(b, table_b)
    if place_a != place_b:
        out.append(Change("place", b.id, place_a, place_b, a, b))
    was: dict[str, Any] = {}
    now: dict[str, Any] = {}
    # a B2B meeting's notes name its table (a place) and its title its two organisations (its
    # identity, in either order); cancelling is a change of its own
    skip = ({"notes", "title"} if a.b2b is not None else set()) | (
        {"status"} if a.cancelled != b.cancelled else set())
    fields = [f for f in DETAIL_FIELDS if f not in skip]
    for name in fields:
        if getattr(a, name) != getattr(b, name):
            was[name], now[name] = getattr(a, name), getattr(b, name)
    for name in ("hosts", "interpreters"):
        ids_a, ids_b = old.expand(getattr(a, name)), new.expand(getattr(b, name))
        if ids_a != ids_b:
            was[name] = _ordered(old, ids_a)
            now[name] = _ordered(new, ids_b)
    if was:
        out.append(Change("details", b.id, was, now, a, b))
    return out


def _ordered(m: Mission, ids: frozenset[str]) -> list[str]:
    from missionctl.views.people import in_file_order

    return in_file_order(m, ids)


def times(e: Event) -> dict[str, Any]:
    """An event's start and end in the local time of its place (ISO 8601 with the offset)."""
    out = {"start": e.local_start().isoformat(), "end": e.local_end().isoformat(),
           "zone": e.zone}
    if e.end_zone != e.zone:
        out["end_zone"] = e.end_zone
    return out


def place(e: Event, table: int | None) -> dict[str, Any]:
    """Where an event is: venue, room, B2B table, or a journey's from and to (ids)."""
    out = {"venue": e.venue, "room": e.room, "from": e.from_, "to": e.to, "table": table}
    return {k: v for k, v in out.items() if v is not None}


def summary(m: Mission, e: Event, table: int | None) -> dict[str, Any]:
    """What a person needs of an event that is new to them, or gone."""
    return {"title": e.title, "kind": e.kind, "status": e.status, **times(e), **place(e, table)}


# -- a person's own dates -------------------------------------------------------------------


def _dates(old: Mission, new: Mission) -> Iterable[tuple[str, Change]]:
    """Arrival and departure moved, per person present in both versions."""
    from missionctl.tz import zone

    for pid, p in new.people.items():
        q = old.people.get(pid)
        if q is None:
            continue
        for name in ("arrival", "departure"):
            was, now = getattr(q, name), getattr(p, name)
            if was != now:
                tz = zone(new.info.timezone)
                shown = [x.astimezone(tz).isoformat() if x is not None else None
                         for x in (was, now)]
                yield pid, Change("time", None, {name: shown[0], "zone": new.info.timezone},
                                  {name: shown[1], "zone": new.info.timezone},
                                  about=name, at=now or was)
