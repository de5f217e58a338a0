"""MC101 person-double-booked: one person in two overlapping events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from missionctl.checks import Check, Context
from missionctl.checks.support.timeline import each_timeline, timelines
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.wording import clock_in, event_ref, event_span, people_text, zone_suffix

CODE = "MC101"

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
booked in both."""

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


def overlapping(events: list[Event]) -> Iterator[tuple[Event, Event]]:
    """(later, earlier) for every overlapping pair in a sorted timeline: a sweep that keeps
    only the events still running, so the cost follows the overlaps, not all pairs."""
    running: list[Event] = []
    reach = events[0].start if events else None  # the latest end among `running`
    for event in events:
        if reach is None or event.start >= reach:  # the usual case: nothing still running
            running, reach = [event], event.end
            continue
        running = [r for r in running if r.end > event.start]
        for earlier in running:
            yield event, earlier
        running.append(event)
        reach = max(reach, event.end)


def run(mission: Mission, ctx: Context) -> Iterable[Finding]:
    pairs: dict[tuple[str, str], list[str]] = {}
    for pid, found in each_timeline(timelines(ctx), lambda events: list(overlapping(events))):
        for later, earlier in found:
            pairs.setdefault((later.id, earlier.id), []).append(pid)
    for (later_id, earlier_id), people in pairs.items():
        later, earlier = mission.events[later_id], mission.events[earlier_id]
        yield Finding(CODE, message(mission, later, earlier, people), later.loc,
                      (earlier.loc,), later.id)


def message(mission: Mission, later: Event, earlier: Event, people: list[str]) -> str:
    who = people_text(mission, people)
    verb = "is" if len(people) == 1 else "are"
    end = min(later.end, earlier.end)
    home = mission.info.timezone
    window = (f"{clock_in(later.start, later.zone)} to {clock_in(end, later.zone)}"
              f"{zone_suffix(later.zone, home)}")
    return (f"{who} {verb} booked twice: {event_ref(later, event_span(later, home))} overlaps "
            f"{event_ref(earlier, event_span(earlier, home))} from {window}; move one of them "
            f"or take {who} off one")


RULE = Check(CODE, WHY, BAD, FIX, run)
