"""MC103 outside-stay: an event before a person's arrival or after their departure."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import datetime
from operator import attrgetter

from missionctl.checks import Check, Context
from missionctl.checks.support.index import live
from missionctl.checks.support.timeline import each_timeline, timelines
from missionctl.findings import Finding
from missionctl.model import Event, Mission, Person
from missionctl.wording import event_ref, event_span, people_text, stamp_in, zone_suffix

CODE = "MC103"
_ID = attrgetter("id")

WHY = """\
A person booked into a visit that starts before their plane lands, or after they have left,
leaves an empty seat and a host waiting.

`arrival` and `departure` are instants (local to the mission zone unless an offset is
written) and are compared with the event's instants. Which events: every non-cancelled event
the person takes part in that keeps them busy; stays and free blocks are left out (a hotel
night booked from the afternoon before a late landing is normal).

Travel legs are judged differently, because the legs that bring people in and take them home
lie outside their stay by nature: a flight that lands at the `arrival` time, a connecting
leg before it, a flight that leaves at `departure` are all fine. A leg is flagged only when
it is still under way at the arrival time, or already under way at the departure time
(then `arrival`/`departure` or the leg's times are wrong).

Where it points: at the event; one finding for the people who have not arrived yet and one
for those who have left, each naming them and their times."""

BAD = """\
people:
  ana-silva: {name: Ana Silva, arrival: 2027-05-11 14:00}
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00      # Ana lands at 14:00
    end: 12:00
    attendees: [ana-silva]"""

FIX = ("Move the event into the person's stay, take them off it, or correct their `arrival` or "
       "`departure`.")


def _before_arrival(event: Event, arrival: datetime) -> bool:
    if event.kind == "travel":
        return event.start < arrival < event.end
    return event.start < arrival


def _after_departure(event: Event, departure: datetime) -> bool:
    if event.kind == "travel":
        return event.start < departure < event.end
    return event.end > departure


def run(mission: Mission, ctx: Context) -> Iterable[Finding]:
    early, late = _misfits(mission, ctx)
    for event in live(ctx):  # the findings in event order, as the rule always gave them
        if event.id in early:
            people = sorted(early[event.id], key=_ID)
            yield Finding(CODE, early_message(mission, event, people), event.loc,
                          subject=event.id)
        if event.id in late:
            people = sorted(late[event.id], key=_ID)
            yield Finding(CODE, late_message(mission, event, people), event.loc,
                          subject=event.id)


def _misfits(mission: Mission, ctx: Context) -> tuple[dict[str, list[Person]],
                                                      dict[str, list[Person]]]:
    """Event id -> the people it starts too early for, and those it ends too late for.

    Person by person, over their timeline (sorted by start), so only the events near the
    arrival and the departure are looked at, not every person of every event."""
    early: dict[str, list[Person]] = {}
    late: dict[str, list[Person]] = {}
    lines = timelines(ctx)
    for pid, (starts, ends) in each_timeline(lines, lines.reach):
        person = mission.people.get(pid)
        if person is None:
            continue
        events = lines.busy[pid]
        if person.arrival:
            # Both tests need the event to start before the arrival.
            for event in events[:bisect_left(starts, person.arrival)]:
                if _before_arrival(event, person.arrival):
                    early.setdefault(event.id, []).append(person)
        if person.departure:
            # Both tests need the event to end after the departure: none before the first
            # position where the latest end so far is after it.
            for event in events[bisect_right(ends, person.departure):]:
                if _after_departure(event, person.departure):
                    late.setdefault(event.id, []).append(person)
    return early, late


def _times(people: list[Person], field: str, zone: str, limit: int = 4) -> str:
    """'Ana Silva 2027-05-11 14:00, Rui Costa 2027-05-11 16:00', at most `limit` named."""
    ordered = sorted(people, key=lambda p: p.name)
    parts = [f"{p.name} {stamp_in(getattr(p, field), zone)}" for p in ordered[:limit]]
    if len(ordered) > limit:
        parts.append(f"{len(ordered) - limit} more")
    return ", ".join(parts)


def early_message(mission: Mission, event: Event, people: list[Person]) -> str:
    who = people_text(mission, [p.id for p in people])
    home = mission.info.timezone
    times = _times(people, "arrival", event.zone) + zone_suffix(event.zone, home)
    if event.kind == "travel":
        what = f"is still under way at the arrival time of {who} ({times})"
    else:
        what = f"starts before {who} arrive{'s' if len(people) == 1 else ''} ({times})"
    return (f"{event_ref(event, event_span(event, home))} {what}; move the event, take {who} "
            "off it, or correct 'arrival'")


def late_message(mission: Mission, event: Event, people: list[Person]) -> str:
    who = people_text(mission, [p.id for p in people])
    home = mission.info.timezone
    times = _times(people, "departure", event.end_zone) + zone_suffix(event.end_zone, home)
    if event.kind == "travel":
        what = f"is already under way at the departure time of {who} ({times})"
    else:
        what = f"ends after {who} leave{'s' if len(people) == 1 else ''} ({times})"
    return (f"{event_ref(event, event_span(event, home))} {what}; move the event, take {who} "
            "off it, or correct 'departure'")


RULE = Check(CODE, WHY, BAD, FIX, run)
