"""MC201 room-double-booked: two bookings of one room overlap in time.

A *booking* holds a room, or a whole venue that lists no rooms, over `[start, end)` in UTC.
Where the contract is silent:

- `stay`, `travel` and `free` never book a room: a hotel night does not take the hotel's
  restaurant, a transfer has no room, free time reserves nothing.
- At a venue that lists rooms, an event that names no room books nothing: we cannot tell
  which room it takes, and booking the whole venue would set every hotel dinner against every
  meeting in the same hotel. Name the room to have it checked.
- A B2B session books its room (or its venue, when the venue lists no rooms) for its whole
  window. Its own meetings book nothing more, so meetings at different tables collide neither
  with each other nor with their session; a meeting outside the window is MC204's business.

Bookings are sorted per room and swept once with a heap of the ones still running
(`support.overlap`). A booking that starts while others are running is reported once, naming
the first three and counting the rest ("starts while A, B, C and 397 more are still
running"), so the cost is O(n log n) plus the names shown, never one step per pair: 400
events in one room at once give 399 findings, not 79,800.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import accumulate
from operator import attrgetter, le
from typing import NamedTuple

from missionctl.checks import EVENT, SESSION, Check, Context
from missionctl.checks.support.index import live
from missionctl.checks.support.overlap import Overlap, overlaps
from missionctl.findings import Finding, Loc
from missionctl.model import B2BSession, Event, Mission
from missionctl.tz import zone
from missionctl.wording import and_list, event_dated, span_short

CODE = "MC201"
# Kinds that never hold a room (see the module docstring).
NO_ROOM_KINDS = frozenset({"stay", "travel", "free"})

RoomKey = tuple[str, str | None]  # (venue id, room id or None for a venue without rooms)
_START_LOC = attrgetter("start", "loc")
_START, _END = attrgetter("start"), attrgetter("end")
_new = tuple.__new__


class Booking(NamedTuple):
    """One booking of a room; a NamedTuple since there is one per event (10,000 in a large
    mission) and a tuple is several times cheaper to build than a frozen dataclass."""

    start: datetime  # UTC
    end: datetime  # UTC
    loc: Loc  # where a finding about this booking points
    subject: str | None  # event id, None for a B2B session (it is not an event)
    source: Event | B2BSession

    def words(self) -> str:
        """The booking in words; only worked out for a finding (zone lookups cost)."""
        if isinstance(self.source, Event):
            return event_dated(self.source)
        session = self.source
        z = zone(session.zone)
        start, end = (t.astimezone(z) for t in session.window)
        return f"B2B session '{session.title}' ({span_short(start, end)})"


def room_key(mission: Mission, venue_id: str | None, room_id: str | None) -> RoomKey | None:
    """What a booking at this venue and room holds, or None when it holds nothing."""
    venue = mission.venues.get(venue_id) if venue_id else None
    if venue is None or venue_id is None:
        return None
    if room_id is not None:
        return (venue_id, room_id)
    return (venue_id, None) if not venue.rooms else None


def place(mission: Mission, key: RoomKey) -> str:
    venue = mission.venues[key[0]]
    if key[1] is None:
        return f"venue {venue.name}"
    room = venue.rooms.get(key[1])
    name = room.name if room is not None and room.name else key[1]
    return f"room {name} at {venue.name}"


def _event_booking(event: Event) -> Booking:
    return Booking(event.start, event.end, event.loc, event.id, event)


def _session_booking(session: B2BSession) -> Booking:
    return Booking(session.window[0], session.window[1], session.loc, None, session)


def bookings(mission: Mission, events: list[Event]) -> dict[RoomKey, list[Booking]]:
    """Each room's bookings; `events` are the non-cancelled events."""
    out: dict[RoomKey, list[Booking]] = {}
    venues = mission.venues
    for event in events:
        # B2B meetings are covered by their session's booking.
        if event.kind in NO_ROOM_KINDS or event.b2b is not None:
            continue
        # room_key() and _event_booking(), inlined: this runs once per event.
        venue_id, room_id = event.venue, event.room
        venue = venues.get(venue_id) if venue_id else None
        if venue is None or venue_id is None:
            continue
        if room_id is not None:
            key: RoomKey = (venue_id, room_id)
        elif not venue.rooms:
            key = (venue_id, None)
        else:
            continue
        booking = _new(Booking, (event.start, event.end, event.loc, event.id, event))
        found = out.get(key)
        if found is None:
            out[key] = [booking]
        else:
            found.append(booking)
    for session in mission.b2b.values():
        held = room_key(mission, session.venue, session.room)
        if held is not None:
            out.setdefault(held, []).append(_session_booking(session))
    return out


LIMIT = 3  # bookings named in a finding (and put in `related`); the rest are counted


def _waives(booking: Booking) -> bool:
    if isinstance(booking.source, Event):
        return CODE in booking.source.waive
    return any(w.code == CODE for w in booking.source.waivers)


def clashes(items: list[Booking],
            waiving: bool = True) -> Iterator[tuple[bool, Overlap[Booking]]]:
    """Each booking that starts while others of the room are still running, once: see
    `support.overlap` (one sweep in start order, never all pairs). `True` first: the
    overlaps with bookings that waive MC201, reported apart so that the waiver hides only them
    (a second sweep, only when some booking waives the rule). `waiving`: False when no
    booking of the mission waives MC201 (then none is asked)."""
    if len(items) < 2:
        return  # nothing to overlap with
    ordered = sorted(items, key=_START_LOC)
    # The usual room: each booking starts once every earlier one has ended (the latest end
    # so far is by the next start), so no sweep can find anything.
    if all(map(le, accumulate(map(_END, ordered), max), map(_START, ordered[1:]))):
        return
    if not waiving or not any(map(_waives, ordered)):  # the usual case: one sweep
        for o in overlaps(ordered, _START, _END, LIMIT):
            yield False, o
        return
    for o in overlaps(ordered, _START, _END, LIMIT, lambda b: not _waives(b)):
        yield False, o
    for o in overlaps(ordered, _START, _END, LIMIT, _waives):
        yield True, o


def _finding(key: RoomKey, where: str, o: Overlap[Booking],
             words: Callable[[Booking], str] = Booking.words) -> Finding:
    other = "another room" if key[1] is not None else "another venue"
    later = o.later
    if o.total == 1:
        message = (f"{where} is booked twice: {words(later)} overlaps {words(o.first[0])}; "
                   f"move one of them or use {other}")
    else:
        names = [words(b) for b in o.first]
        if o.total > len(names):
            names.append(f"{o.total - len(names)} more")
        message = (f"{where} holds {o.total + 1} bookings at once: {words(later)} starts "
                   f"while {and_list(names)} are still running; move them apart or use {other}")
    return Finding(CODE, message, later.loc, tuple(b.loc for b in o.first), later.subject)


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    # A booking is named in the finding about it and in those of the bookings that start
    # while it runs: put in words once (local times cost zone look-ups). By id: the bookings
    # live until the run ends.
    said: dict[int, str] = {}

    def words(b: Booking) -> str:
        text = said.get(id(b))
        if text is None:
            text = said[id(b)] = b.words()
        return text

    # Waivers of MC201 are rare: without one, no booking is asked whether it waives.
    waiving = (any(CODE in e.waive for e in mission.events.values())
               or any(w.code == CODE for s in mission.b2b.values() for w in s.waivers))
    for key, items in bookings(mission, live(ctx)).items():
        where: str | None = None  # worded for a room with an overlap only
        for _, overlap in clashes(items, waiving):
            if where is None:
                where = place(mission, key)
            yield _finding(key, where, overlap, words)


RULE = Check(
    code=CODE,
    why=(
        "Two events in one room at the same time means one group arrives to find the room "
        "taken. A venue without `rooms` counts as one room. At a venue that lists rooms, only "
        "events naming their `room` are checked. Stays, travel and free time book no room. "
        "A B2B session books its room for its whole window; its own meetings at different "
        "tables do not collide with each other, but any other event there does. A pile-up "
        "is one finding per booking, naming the first three still running when it starts and "
        "counting the rest."
    ),
    bad=(
        "venues:\n"
        "  hotel: {name: Hotel Anfa, rooms: {salon: {name: Salle Mogador}}}\n"
        "events:\n"
        "  workshop:\n"
        "    kind: workshop\n"
        "    title: Automation workshop\n"
        "    venue: hotel\n"
        "    room: salon\n"
        "    start: 2027-05-11 09:00\n"
        "    end: 12:00\n"
        "  briefing:\n"
        "    kind: briefing\n"
        "    title: Embassy briefing\n"
        "    venue: hotel\n"
        "    room: salon\n"
        "    start: 2027-05-11 11:30      # the workshop runs until 12:00\n"
        "    end: 12:30"
    ),
    fix="Move one event so they no longer overlap (ending at 11:00 and starting at 11:00 is "
        "fine), or put it in another room.",
    run=run,
    places=EVENT | SESSION,
)
