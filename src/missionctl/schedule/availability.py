"""When each person, and so each organisation, can sit at a B2B table: the checks' own rules.

A meeting in a slot must not give any of its attendees a finding of MC101, MC102 or MC103,
so a person is free in a slot exactly when a meeting there would give them none:

- MC101: no other occupying, non-cancelled event of theirs overlaps the slot (tentative ones
  included: they may still happen). Stays and free blocks never do.
- MC102: from every event they may come from (`checks.support.timeline.adjacent`: the events
  that end after the last start before the slot), the transfer to the session's venue fits
  in the time left; to the first event after the slot, the transfer from the venue fits.
  Transfers come from the same travel model as MC102 (`checks.support.travel`: travel_times,
  then geo, then same city, each with the buffer); a transfer the model cannot estimate is
  no finding there, so it blocks nothing here.
- MC103: the slot starts at or after their `arrival` and ends by their `departure`.

The same per-person timelines the checks sort once (`checks.support.timeline.build`) are
read with bisection: the cost is O(E log E) to build them plus O(log E) per person and slot,
whatever the size of the mission. Meetings of the session being planned are left out of the
timelines (they are being placed); the caller accounts for the ones it keeps.

An organisation is free in a slot when every one of its people among the session's
participants is. Each refusal is kept with its cause (`Block`) for the explanations.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, time, timedelta
from typing import NamedTuple

from missionctl import values as v
from missionctl.checks.support.timeline import Reach, Timelines, build, reach_of
from missionctl.checks.support.travel import TravelModel
from missionctl.checks.travel_too_tight import arrives_at, leaves_from
from missionctl.findings import Loc
from missionctl.model import B2BSession, Event, Mission, Person
from missionctl.schedule.grid import Slot
from missionctl.wording import day_time


class Block(NamedTuple):
    """Why a person cannot meet in a slot.

    `kind`: "event" (they are at `event`), "before" (they cannot get from `event` to the venue
    in time: `transfer`), "after" (nor from the venue to `event`), "arrival", "departure".
    """

    kind: str
    person: str
    event: Event | None = None
    transfer: timedelta | None = None
    when: datetime | None = None  # arrival or departure


class Free(NamedTuple):
    """The session's organisations: `free[org][slot]`, and why not (`blocks[org][slot]`)."""

    free: Mapping[str, list[bool]]
    blocks: Mapping[str, list[tuple[Block, ...]]]


def timelines_for(mission: Mission, leave_out: Callable[[Event], bool],
                  extra: Iterable[tuple[Event, frozenset[str]]] = ()) -> Timelines:
    """Everyone's busy timeline without the events `leave_out` says (the meetings being
    planned), with `extra` events and the people taking part in them added (meetings planned
    in this run for other sessions, not yet in the mission)."""
    added = {e.id: (e, people) for e, people in extra}
    events = [e for e in mission.events.values()
              if not e.cancelled and not leave_out(e) and e.id not in added]
    events.extend(e for e, _people in added.values())
    if added:  # `build` ranks events by file order and reads who takes part from the mission
        mission = mission._replace(
            events={**mission.events, **{k: e for k, (e, _p) in added.items()}},
            taking_part={**mission.taking_part, **{k: p for k, (_e, p) in added.items()}})
    return build(mission, events)


def meeting_event(mission: Mission, session: B2BSession, at: time, table: int,
                  between: tuple[str, str], loc: Loc) -> tuple[Event, frozenset[str]] | None:
    """The event a meeting becomes (as the loader makes it), and the people taking part."""
    try:
        start = v.local_instant(day_time(session.date, at), session.zone)
    except v.Invalid:
        return None
    people = frozenset(p for p in mission.expand(session.participants)
                       if mission.people[p].organisation in between)
    event = Event(id=f"{session.id}.{at:%H:%M}.{table}", kind="meeting", title="B2B meeting",
                  start=start, end=start + session.slot, zone=session.zone,
                  end_zone=session.zone, loc=loc, locs={}, venue=session.venue,
                  room=session.room, b2b=session.id)
    return event, people


def organisations_free(mission: Mission, venue: str | None, slots: Sequence[Slot],
                       people: Mapping[str, tuple[str, ...]], lines: Timelines,
                       model: TravelModel) -> Free:
    """`people`: each organisation's people among the participants."""
    free: dict[str, list[bool]] = {}
    blocks: dict[str, list[tuple[Block, ...]]] = {}
    for org, members in people.items():
        found: list[list[Block]] = [[] for _ in slots]
        for pid in members:
            events = lines.busy.get(pid, [])
            reach = lines.reach(events) if events else reach_of([])
            person = mission.people[pid]
            for slot in slots:
                why = person_block(person, events, reach, slot, venue, model)
                if why is not None:
                    found[slot.n].append(why)
        blocks[org] = [tuple(b) for b in found]
        free[org] = [not b for b in found]
    return Free(free, blocks)


def person_block(person: Person, events: list[Event], reach: Reach, slot: Slot,
                 venue: str | None, model: TravelModel) -> Block | None:
    """Why a meeting in `slot` would give `person` a finding, or None when it would not."""
    t0, t1 = slot.start, slot.end
    if person.arrival is not None and t0 < person.arrival:
        return Block("arrival", person.id, when=person.arrival)
    if person.departure is not None and t1 > person.departure:
        return Block("departure", person.id, when=person.departure)
    starts, ends = reach
    # Events that may overlap: from the first whose latest end so far passes t0, to the
    # last that starts before t1.
    lo, hi = bisect_right(ends, t0), bisect_left(starts, t1)
    for event in events[lo:hi]:
        if event.end > t0:
            return Block("event", person.id, event)
    if venue is None:
        return None
    before = bisect_left(starts, t0)  # events[:before] start, and so end, before t0
    if before:
        last_start = starts[before - 1]
        j = before - 1
        while j >= 0 and ends[j] > last_start:  # the events they may come from
            event = events[j]
            if event.end > last_start:
                why = _transfer(model, leaves_from(event), venue, t0 - event.end)
                if why is not None:
                    return Block("before", person.id, event, why)
            j -= 1
    for event in events[hi:]:  # the first event after the slot (several if they tie)
        if event.start != events[hi].start:
            break
        why = _transfer(model, venue, arrives_at(event), event.start - t1)
        if why is not None:
            return Block("after", person.id, event, why)
    return None


def _transfer(model: TravelModel, origin: str | None, destination: str | None,
              gap: timedelta) -> timedelta | None:
    """The transfer's time when it does not fit in `gap` (as MC102 judges), else None."""
    if origin is None or destination is None or origin == destination:
        return None
    transfer = model.transfer(origin, destination)
    if transfer is None or gap >= transfer.time:
        return None
    return transfer.time
