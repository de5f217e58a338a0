"""MC101 person-double-booked: one person in two overlapping events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import NamedTuple

from missionctl.checks import Check, Context
from missionctl.checks.support.overlap import Overlap, overlaps
from missionctl.checks.support.timeline import each_timeline, timelines
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.wording import and_list, clock_in, event_ref, event_span, people_text, zone_suffix

CODE = "MC101"
_ID, _START, _END = attrgetter("id"), attrgetter("start"), attrgetter("end")

WHY = """\
Nobody can be in two places at once: if one person is booked into two events whose times
overlap, one of them will start without them (or a host will wait in vain).

Times are compared as UTC instants and half-open intervals, so an event ending at 11:00 and
one starting at 11:00 do not overlap, and 10:00 in Lisbon (09:00 UTC in May) does not meet
10:00 in Casablanca (10:00 UTC). Cancelled events take part in no check; stays and free
blocks never make anyone double-booked; travel legs do (a person on a plane is busy) and so
do B2B meetings.

Where it points: at the event that starts later, with the other in `related`; of two events
starting at the same instant, at the one written later (file order; B2B meetings sit at their
entry in `b2b.<session>.meetings`). Each pair of events is reported once, naming everyone
booked in both.

A pile-up is reported the way a person reads it, one finding per event, not one per pair:
"Ana Silva is booked in 6 events at once at 09:50: 'E5' starts while 'E0', 'E1', 'E2' and 2
more are still running". The events still running when an event starts are exactly the
earlier ones it overlaps; the first three (in time order) are named and put in `related`, the
rest counted (each of them has its own finding at its own start). People for whom an event
reads the same (the same count, the same events named) share one finding; others get their
own. Overlaps with an event that waives MC101 are reported apart, so that its waiver hides
only them. One person in 400 events at once gives 399 findings (not 79,800), and the work
grows with the events and the findings, never with the pairs."""

BAD = """\
people:
  ana-silva: {name: Ana Silva}
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00
    end: 12:00
    attendees: [ana-silva]
  lunch:
    kind: meal
    title: Lunch with hosts
    start: 2027-05-11 11:30      # Ana is still at the plant
    end: 13:00
    attendees: [ana-silva]"""

FIX = ("Move one of the two events, shorten the first, or take the person off one of them "
       "(for a group, list only the members who go).")


LIMIT = 3  # running events named in a finding (and put in `related`); the rest are counted


class Booked(NamedTuple):
    """`people` are in `later` and in the `total` events still running when it starts, of
    which `first` are the first few. `apart`: those events waive MC101 (reported apart, so
    that their waiver hides only them)."""

    later: Event
    total: int
    first: tuple[Event, ...]
    people: tuple[str, ...]
    apart: bool


def booked(mission: Mission, ctx: Context) -> Iterator[Booked]:
    """Every event that starts while some of its people are still in earlier events, once per
    group of people for whom it reads the same. Linear in the events, the (event, person)
    pairs and the names shown: see `support.overlap`."""
    lines = timelines(ctx)
    # Waivers of MC101 on events are rare: without one, each timeline is swept once.
    waiving = any(_waives(e) for e in mission.events.values())
    groups: dict[tuple[str, int, tuple[str, ...], bool], list[str]] = {}
    sweep = _sweep if waiving else _sweep_all

    def judge(events: list[Event]) -> list[tuple[bool, Overlap[Event]]]:
        return [] if lines.sequential(events) else sweep(events)  # no overlap: no sweep

    for pid, found in each_timeline(lines, judge):
        for apart, overlap in found:
            key = (overlap.later.id, overlap.total, tuple(map(_ID, overlap.first)), apart)
            groups.setdefault(key, []).append(pid)
    events = mission.events
    for (later_id, count, first, apart), people in groups.items():
        yield Booked(events[later_id], count, tuple(events[i] for i in first), tuple(people),
                     apart)


def _waives(event: Event) -> bool:
    return CODE in event.waive


def _sweep_all(events: list[Event]) -> list[tuple[bool, Overlap[Event]]]:
    return [(False, o) for o in overlaps(events, _START, _END, LIMIT)]


def _sweep(events: list[Event]) -> list[tuple[bool, Overlap[Event]]]:
    found = [(False, o) for o in overlaps(events, _START, _END, LIMIT,
                                          lambda e: not _waives(e))]
    if any(map(_waives, events)):  # rare: a second sweep, counting only the waiving events
        found += [(True, o) for o in overlaps(events, _START, _END, LIMIT, _waives)]
    return found


def run(mission: Mission, ctx: Context) -> Iterable[Finding]:
    for b in booked(mission, ctx):
        yield Finding(CODE, message(mission, b), b.later.loc, tuple(e.loc for e in b.first),
                      b.later.id)


def message(mission: Mission, b: Booked) -> str:
    who = people_text(mission, b.people)
    verb = "is" if len(b.people) == 1 else "are"
    home = mission.info.timezone
    later = b.later
    if b.total == 1:
        earlier = b.first[0]
        end = min(later.end, earlier.end)
        window = (f"{clock_in(later.start, later.zone)} to {clock_in(end, later.zone)}"
                  f"{zone_suffix(later.zone, home)}")
        return (f"{who} {verb} booked twice: {event_ref(later, event_span(later, home))} "
                f"overlaps {event_ref(earlier, event_span(earlier, home))} from {window}; move "
                f"one of them or take {who} off one")
    names = [event_ref(e, event_span(e, home)) for e in b.first]
    if b.total > len(names):
        names.append(f"{b.total - len(names)} more")
    when = f"{clock_in(later.start, later.zone)}{zone_suffix(later.zone, home)}"
    return (f"{who} {verb} booked in {b.total + 1} events at once at {when}: "
            f"{event_ref(later, event_span(later, home))} starts while {and_list(names)} are "
            f"still running; move them apart, or take {who} off all but one")


RULE = Check(CODE, WHY, BAD, FIX, run)
