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

from bisect import bisect_right
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from operator import attrgetter
from typing import NamedTuple

from missionctl.checks import PERSON_DAY, Check, Context
from missionctl.checks.support.index import live
from missionctl.checks.support.timeline import shared_lists, timelines
from missionctl.findings import Finding
from missionctl.model import VISITOR_SIDES, Event, Mission, Person
from missionctl.tz import zone
from missionctl.wording import day_abbr

CODE = "MC406"
CORE = (time(2), time(5))  # the part of the night a bed is needed for, local time of D+1

Span = tuple[datetime, datetime]  # UTC, half-open
_ID, _START, _END = attrgetter("id"), attrgetter("start"), attrgetter("end")


class Nights(NamedTuple):
    """What can cover a person's nights: their stays merged into blocks of unbroken cover
    (block starts and ends, sorted; a stay ending when the next starts hands over) and
    their travel legs. Cancelled events are left out."""

    starts: list[datetime]
    ends: list[datetime]
    legs: list[Event]


def nights_of(ctx: Context) -> dict[str, Nights]:
    """Per person taking part in a stay or a travel leg, their `Nights`. People with the
    same stays and legs (a team) share one, so `run` judges it once."""
    taking = ctx.mission.taking_part
    events = live(ctx)
    # Each person's stays and legs, in event order; people with the same ones share the
    # lists (`shared_lists`), so a list's identity stands for its content below.
    stays = shared_lists([e for e in events if e.kind == "stay"], taking)
    legs = shared_lists([e for e in events if e.kind == "travel"], taking)
    none: list[Event] = []
    shared: dict[tuple[int, int], Nights] = {}
    out: dict[str, Nights] = {}
    for pid in stays.keys() | legs.keys():
        mine, trips = stays.get(pid, none), legs.get(pid, none)
        key = (id(mine), id(trips))  # the lists live as long as `stays` and `legs`
        found = shared.get(key)
        if found is None:
            found = shared[key] = Nights(*blocks(mine), trips)
        out[pid] = found
    return out


NO_NIGHTS = Nights([], [], [])


def blocks(stays: list[Event]) -> tuple[list[datetime], list[datetime]]:
    """Stays merged into blocks of unbroken cover: their starts and ends, sorted."""
    starts: list[datetime] = []
    ends: list[datetime] = []
    for stay in sorted(stays, key=_START):
        if ends and stay.start <= ends[-1]:
            ends[-1] = max(ends[-1], stay.end)
        else:
            starts.append(stay.start)
            ends.append(stay.end)
    return starts, ends


def presence(person: Person, busy: list[Event]) -> Span | None:
    """From the earliest of arrival and first start to the latest of departure and last end;
    `busy` is the person's timeline (occupying events, sorted by start)."""
    starts = [busy[0].start] if busy else []
    ends = [max(map(_END, busy))] if busy else []
    if person.arrival is not None:
        starts.append(person.arrival)
    if person.departure is not None:
        ends.append(person.departure)
    if not starts or not ends:
        return None
    return min(starts), max(ends)


@cache  # a few dozen nights per mission, asked for once per person
def night_core(day: date, zone_name: str) -> Span:
    """The core of the night after local day `day`, in UTC."""
    z, after = zone(zone_name), day + timedelta(days=1)
    start, end = (datetime.combine(after, t, tzinfo=z) for t in CORE)
    return start.astimezone(UTC), end.astimezone(UTC)


def covered(core: Span, nights: Nights) -> bool:
    """Whether stays cover the whole core, or a journey overlaps it."""
    # Stays hand over from one to the next: the cover reaches from the core's start to the
    # end of the block holding it.
    i = bisect_right(nights.starts, core[0]) - 1
    reach = nights.ends[i] if i >= 0 and core[0] < nights.ends[i] else core[0]
    if reach >= core[1]:
        return True
    return any(e.start < core[1] and core[0] < e.end for e in nights.legs)


def uncovered_nights(mission: Mission, span: Span, nights: Nights) -> list[date]:
    """The nights of local days (mission zone) that lie inside `span` and are not covered."""
    z = zone(mission.info.timezone)
    day = span[0].astimezone(z).date() - timedelta(days=1)
    last = span[1].astimezone(z).date()
    out: list[date] = []
    while day <= last:
        core = night_core(day, mission.info.timezone)
        if span[0] <= core[0] and core[1] <= span[1] and not covered(core, nights):
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
    text = f"{day_abbr(first)} → {day_abbr(last + timedelta(days=1))}"
    return text if count == 1 else f"{text} ({count} nights)"


def _finding(person: Person, nights: list[date]) -> Finding:
    listed = ", ".join(night_words(a, b) for a, b in runs(nights))
    plural = "nights" if len(nights) > 1 else "night"
    message = (f"{person.name} is in the mission overnight with no stay for the {plural} "
               f"{listed}; add a `stay` event (kind: stay, at the hotel) with them as "
               "attendee, or correct their arrival and departure")
    return Finding(CODE, message, person.loc)


def _findings(person: Person, nights: list[date]) -> Iterator[Finding]:
    """One finding for the person's uncovered nights; a night the person waives by its date
    (`waive: {MC406: {2027-05-10: "..."}}`: the night from the 10th to the 11th) stands in a
    finding of its own, so that the waiver hides that night only."""
    apart = {w.day for w in person.waivers if w.code == CODE and w.day is not None}
    rest = [night for night in nights if night not in apart]
    if rest:
        yield _finding(person, rest)
    for night in nights:
        if night in apart:
            yield _finding(person, [night])._replace(day=night)


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    busy, nights = timelines(ctx).busy, nights_of(ctx)
    judged: dict[tuple[Span, int], list[date]] = {}  # a team shares both: judge them once
    for person in mission.people.values():
        if person.side not in VISITOR_SIDES:
            continue
        span = presence(person, busy.get(person.id, []))
        if span is None:
            continue
        cover = nights.get(person.id, NO_NIGHTS)
        key = (span, id(cover))  # `cover` is kept alive by `nights`
        if key not in judged:
            judged[key] = uncovered_nights(mission, span, cover)
        yield from _findings(person, judged[key])


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
    places=PERSON_DAY,
)
