"""MC102 travel-too-tight: consecutive events at different places with too little time between."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from itertools import pairwise

from missionctl.checks import Check, Context
from missionctl.checks.support.timeline import each_timeline, predecessors, timelines
from missionctl.checks.support.travel import Transfer, TravelModel, travel_model
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.wording import clock_in, event_ref, minutes_text, people_text, zone_suffix

CODE = "MC102"
_UNJUDGED = Transfer(timedelta(0), str)  # `judged` has no answer for the pair yet
Pair = tuple[str, str]  # (later event id, earlier event id)

WHY = """\
A programme that leaves 30 minutes between a plant visit in Kenitra and a meeting in
Casablanca makes the delegation late for everything that follows.

The transfer time comes from the offline model of `checks.travel`: a `travel_times` entry
(both directions unless `oneway: true`) wins; else, for two venues with `geo`, the
straight-line distance x `road_factor` at `urban_kmh` (under 15 km) or `intercity_kmh`; else,
for two venues in the same city (case-insensitive) where either lacks `geo`, `same_city`.
`buffer` is added to all three. Venues without enough data to judge give no finding.

Which events: for each person, each event and every event they may come from: each earlier
event that ends by its start and that no other of their events starts after (where they
would have gone next). Usually that is the previous event; when earlier events overlap (an
MC101 already) it can be several: someone at a Lisbon meeting until 16:45 UTC and at a
Casablanca visit until 17:00 UTC cannot reach an 18:45 dinner in Casablanca, although the
visit is next door. Of several left from one place, the one that ends last is measured (the
others leave more time). Overlapping pairs are MC101's business, never a transfer. A place is
the event's venue; a travel leg starts at its `from` and ends at its `to`, so a leg that
brings someone to a venue needs no further transfer, and a leg between two events is itself
the transfer: only adjacent pairs are checked. Stays, free blocks and cancelled events are
skipped. The sweep is linear: each event is the one left from at most once.

Where it points: at the later event, with the earlier in `related`; each pair once, naming
everyone who makes that transfer."""

BAD = """\
people:
  ana-silva: {name: Ana Silva}
venues:
  hyatt: {name: Hotel Casablanca, city: Casablanca, geo: [33.5951, -7.6187]}
  tac: {name: Tanger Automotive City, city: Tanger, geo: [35.6650, -5.7600]}
events:
  breakfast:
    kind: meeting
    title: Breakfast briefing
    venue: hyatt
    start: 2027-05-12 08:00
    end: 09:00
    attendees: [ana-silva]
  plant-visit:
    kind: visit
    title: Plant visit
    venue: tac                 # about 370 km away
    start: 2027-05-12 10:00
    end: 12:00
    attendees: [ana-silva]"""

FIX = ("Leave more time between the events, move one to a nearer venue, add a travel leg, or, "
       "when the real transfer is quicker than the model, record it in `travel_times` "
       "(`missionctl travel` can ask a routing server).")


def run(mission: Mission, ctx: Context) -> Iterable[Finding]:
    # The same times of day and the same transfers come back finding after finding (a
    # programme with no slack has thousands): each is put in words once per run.
    clock = _remembered(clock_in)
    hows: dict[int, tuple[str, str]] = {}
    for (after_id, before_id), (transfer, people) in too_tight(mission, ctx).items():
        after, before = mission.events[after_id], mission.events[before_id]
        said = hows.get(id(transfer))
        if said is None:  # the model keeps each Transfer for the run: its id stays its own
            said = hows[id(transfer)] = (transfer.how, minutes_text(transfer.time,
                                                                    round_up=True))
        yield Finding(CODE, message(mission, before, after, transfer, people, clock, said),
                      after.loc, (before.loc,), after.id)


def _remembered(say: Callable[[datetime, str], str]) -> Callable[[datetime, str], str]:
    said: dict[tuple[datetime, str], str] = {}

    def remembered(instant: datetime, zone: str) -> str:
        text = said.get((instant, zone))
        if text is None:
            text = said[instant, zone] = say(instant, zone)
        return text

    return remembered


def too_tight(mission: Mission, ctx: Context) -> dict[Pair, tuple[Transfer, list[str]]]:
    """Every transfer that does not fit, with the people making it: one sweep per distinct
    timeline (`adjacent`), each pair judged once."""
    model = travel_model(ctx)
    judged: dict[Pair, Transfer | None] = {}  # timelines share pairs: judge each once
    lines = timelines(ctx)

    def tight(events: list[Event]) -> list[tuple[Pair, Transfer]]:
        # `from_each_place`, inlined (a pair per event of every distinct timeline comes
        # through here); for a timeline without overlaps, its pairs are the events next to
        # each other (`Timelines.sequential`), taken without the sweep.
        pairs: Iterable[tuple[Event, Event]] = (
            pairwise(events) if lines.sequential(events) else from_each_place(events))
        out = []
        for before, after in pairs:
            key = (after.id, before.id)
            transfer = judged.get(key, _UNJUDGED)
            if transfer is _UNJUDGED:
                transfer = judged[key] = needed(model, before, after)
            if transfer is not None:
                out.append((key, transfer))
        return out

    found: dict[Pair, tuple[Transfer, list[str]]] = {}
    for pid, pairs in each_timeline(lines, tight):
        for key, transfer in pairs:
            found.setdefault(key, (transfer, []))[1].append(pid)
    return found


def from_each_place(events: list[Event]) -> Iterator[tuple[Event, Event]]:
    """`predecessors` as pairs, keeping of the events left from one place the one that ends
    last (the others leave more time for the same transfer): 1,000 overlapping events at the
    hotel before a visit in Tangier are one transfer, not 1,000."""
    for after, befores in predecessors(events):
        for before in befores if len(befores) == 1 else _last_from_each_place(befores):
            yield before, after


def _last_from_each_place(befores: list[Event]) -> Iterable[Event]:
    last: dict[str | None, Event] = {}
    for before in befores:  # in the order they end: the last one wins
        last[leaves_from(before)] = before
    return last.values()


def leaves_from(event: Event) -> str | None:
    """Where the person is when the event ends: a travel leg's destination, else the venue."""
    return (event.to or event.venue) if event.kind == "travel" else event.venue


def arrives_at(event: Event) -> str | None:
    """Where the person must be when the event starts: a travel leg's origin, else the venue."""
    return (event.from_ or event.venue) if event.kind == "travel" else event.venue


def needed(model: TravelModel, before: Event, after: Event) -> Transfer | None:
    """The transfer when it does not fit in the gap; None when it fits or cannot be judged."""
    # leaves_from(before) and arrives_at(after), inlined: called once per pair judged.
    origin = (before.to or before.venue) if before.kind == "travel" else before.venue
    destination = (after.from_ or after.venue) if after.kind == "travel" else after.venue
    if origin is None or destination is None or origin == destination:
        return None
    transfer = model.transfer(origin, destination)
    if transfer is None or after.start - before.end >= transfer.time:
        return None
    return transfer


def message(mission: Mission, before: Event, after: Event, transfer: Transfer,
            people: list[str], clock: Callable[[datetime, str], str] = clock_in,
            said: tuple[str, str] | None = None) -> str:
    """`said`: the transfer's `how` and the time it needs, in words, when already known."""
    origin, destination = leaves_from(before) or "", arrives_at(after) or ""
    gap = minutes_text(after.start - before.end)
    home = mission.info.timezone
    how, need = said or (transfer.how, minutes_text(transfer.time, round_up=True))
    ends = f"ends {clock(before.end, before.end_zone)}{zone_suffix(before.end_zone, home)}"
    starts = f"starts {clock(after.start, after.zone)}{zone_suffix(after.zone, home)}"
    return (f"{_venue_name(mission, origin)} -> {_venue_name(mission, destination)}: "
            f"{how}; only {gap} between {event_ref(before, ends)} and "
            f"{event_ref(after, starts)} for {people_text(mission, people)}; leave at least "
            f"{need}, move one of them, or record the real time in travel_times")


def _venue_name(mission: Mission, venue_id: str) -> str:
    venue = mission.venues.get(venue_id)
    return venue.name if venue else venue_id


RULE = Check(CODE, WHY, BAD, FIX, run)
