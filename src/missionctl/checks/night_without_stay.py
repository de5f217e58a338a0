"""MC406 night-without-stay: a visitor present overnight with no `stay` for the night.

Where the contract is silent:

- Who: the visiting sides, the people who travel and need a bed (`delegate`, `organiser`,
  `speaker`, `guest`). Hosts, interpreters and crew are assumed to sleep at home.
- Present: from the earliest of their `arrival` and the start of their first occupying event
  to the latest of their `departure` and the end of their last one (stays and free time are
  not evidence of presence; cancelled events are ignored). A gap between two events on
  different days is spent in the country, unless the file says otherwise.
- The night of day D (local days of the mission zone) is its core, 02:00-05:00 local on D+1.
  They are present that night when that core lies inside their presence.
- Covered: stays they take part in cover the whole core (two stays may hand over), or they
  are travelling during it (a red-eye flight, a night ferry or sleeper train needs no bed).
- One finding per person, at the person, listing the uncovered nights (runs of consecutive
  nights are written as one range).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta

from missionctl.checks import Check, Context
from missionctl.findings import Finding
from missionctl.model import VISITOR_SIDES, Event, Mission, Person
from missionctl.tz import zone

CODE = "MC406"
CORE = (time(2), time(5))  # the part of the night a bed is needed for, local time of D+1

Span = tuple[datetime, datetime]  # UTC, half-open


def events_of(mission: Mission) -> dict[str, list[Event]]:
    """Per person, the events they take part in that are not cancelled."""
    out: dict[str, list[Event]] = {}
    for event in mission.events.values():
        if event.cancelled:
            continue
        for pid in mission.taking_part.get(event.id, frozenset()):
            out.setdefault(pid, []).append(event)
    return out


def presence(person: Person, events: Iterable[Event]) -> Span | None:
    starts = [e.start for e in events if e.occupies]
    ends = [e.end for e in events if e.occupies]
    if person.arrival is not None:
        starts.append(person.arrival)
    if person.departure is not None:
        ends.append(person.departure)
    if not starts or not ends:
        return None
    return min(starts), max(ends)


def night_core(day: date, zone_name: str) -> Span:
    """The core of the night after local day `day`, in UTC."""
    z, after = zone(zone_name), day + timedelta(days=1)
    start, end = (datetime.combine(after, t, tzinfo=z) for t in CORE)
    return start.astimezone(UTC), end.astimezone(UTC)


def covered(core: Span, events: Iterable[Event]) -> bool:
    """Whether stays cover the whole core, or a journey overlaps it."""
    reach = core[0]
    for e in sorted((e for e in events if e.kind == "stay"), key=lambda e: e.start):
        if e.start <= reach < e.end:
            reach = e.end
    if reach >= core[1]:
        return True
    return any(e.kind == "travel" and e.start < core[1] and core[0] < e.end for e in events)


def uncovered_nights(mission: Mission, person: Person, events: list[Event]) -> list[date]:
    span = presence(person, events)
    if span is None:
        return []
    z = zone(mission.info.timezone)
    day = span[0].astimezone(z).date() - timedelta(days=1)
    last = span[1].astimezone(z).date()
    out: list[date] = []
    while day <= last:
        core = night_core(day, mission.info.timezone)
        if span[0] <= core[0] and core[1] <= span[1] and not covered(core, events):
            out.append(day)
        day += timedelta(days=1)
    return out


def runs(days: list[date]) -> list[tuple[date, date]]:
    """Consecutive nights grouped: (first night, last night)."""
    out: list[tuple[date, date]] = []
    for d in days:
        if out and out[-1][1] + timedelta(days=1) == d:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out


def night_words(first: date, last: date) -> str:
    """'Mon 10 May → Tue 11 May', or 'Mon 10 May → Thu 13 May (3 nights)'."""
    count = (last - first).days + 1
    text = f"{first:%a %d %b} → {last + timedelta(days=1):%a %d %b}"
    return text if count == 1 else f"{text} ({count} nights)"


def _finding(person: Person, nights: list[date]) -> Finding:
    listed = ", ".join(night_words(a, b) for a, b in runs(nights))
    plural = "nights" if len(nights) > 1 else "night"
    message = (f"{person.name} is in the mission overnight with no stay for the {plural} "
               f"{listed}; add a `stay` event (kind: stay, at the hotel) with them as "
               "attendee, or correct their arrival and departure")
    return Finding(CODE, message, person.loc)


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    taking = events_of(mission)
    for person in mission.people.values():
        if person.side not in VISITOR_SIDES:
            continue
        nights = uncovered_nights(mission, person, taking.get(person.id, []))
        if nights:
            yield _finding(person, nights)


RULE = Check(
    code=CODE,
    why=(
        "A delegate on the programme on two consecutive days, or whose arrival and departure "
        "span a night, needs a bed; a missing hotel booking is found at check-in, too late. "
        "Visitors (delegates, organisers, speakers, guests) are checked; a night counts as "
        "covered when their stays cover 02:00-05:00 (mission time) or they travel then."
    ),
    bad=(
        "people:\n"
        "  ana-silva:\n"
        "    name: Ana Silva\n"
        "    email: ana.silva@example.org\n"
        "    arrival: 2027-05-10 10:30\n"
        "    departure: 2027-05-12 18:00    # two nights, no stay event"
    ),
    fix="Add a `stay` event at the hotel covering the nights (e.g. start 2027-05-10 15:00, "
        "end 2027-05-12 11:00) with the person among its attendees, or correct `arrival` "
        "and `departure`.",
    run=run,
)
