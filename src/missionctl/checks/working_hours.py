"""MC306 outside-working-hours: a business event outside `checks.working_hours`.

This module also holds what the calendar rules MC301-MC306 share (they import it from here):
each checked event's country and local wall-clock pieces, computed once per run through
`ctx.memo`, the country practice looked up once per country, and the wording of local times.

Local times are the event's own (`event.local_start()` / `local_end()`: its venue's zone, else
the mission's); the country is the venue's, else the mission's `host_country` (format,
section 9). An event is cut into one piece per local calendar day it touches; an event ending
at 00:00 ends at "24:00" of the day before and does not touch the next day. Windows compare
as half-open intervals, so an event ending at 08:30 is not outside "08:30-18:30".

Where the contract is silent:

- An event that runs across midnight is outside working hours (it is, on both days it
  touches), so a two-day workshop written as one event is reported: write one event per day.
- Weekends and holidays are not this rule's business (MC302, MC301): a Saturday meeting at
  10:00 is inside working hours here.
- During Ramadan MC304 applies its own, shorter window on top of this one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta
from typing import NamedTuple, cast

from missionctl.checks import Check, Context
from missionctl.checks.index import LocalSpan, live, local_times
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.practice.countries import CountryPractice, practice
from missionctl.values import TimeRange

CODE = "MC306"

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Kinds no calendar rule looks at: travel crosses places, stays and free blocks are not work.
UNCHECKED_KINDS = frozenset({"travel", "stay", "free"})

Piece = tuple[date, time, time]  # a local day, from, to (time.max stands for 24:00)


# -- shared by MC301-MC306 ------------------------------------------------------------------


class LocalEvent(NamedTuple):
    """A checked event with its venue's country and its local wall-clock times. A NamedTuple:
    one is built per event (10,000 in a large mission), and a tuple is cheap to build."""

    event: Event
    country: str  # ISO 3166-1 alpha-2, upper case
    start: datetime  # naive, local to event.zone
    end: datetime  # naive, local to event.end_zone
    pieces: tuple[Piece, ...]


def day_pieces(start: datetime, end: datetime) -> tuple[Piece, ...]:
    """Split a naive local interval into its parts on each calendar day it touches."""
    if end < start:
        # A clock going back can put a short event's wall end before its start (01:50 to
        # 01:10 across the change): the wall times it covers are from the end to the start.
        start, end = end, start
    day = start.date()
    if end.date() == day:  # the common case: within one day
        return ((day, start.time(), end.time()),)
    out: list[Piece] = []
    while True:
        midnight = datetime.combine(day + timedelta(days=1), time())
        t0 = start.time() if day == start.date() else time()
        t1 = time.max if end >= midnight else end.time()
        out.append((day, t0, t1))
        if end <= midnight:
            return tuple(out)
        day += timedelta(days=1)


def _build(mission: Mission, events: list[Event],
           local: Mapping[str, LocalSpan]) -> list[LocalEvent]:
    # Local times as event.local_start()/local_end() give them, converted once per run
    # (`local_times`), and countries looked up once per venue rather than per event.
    countries: dict[str | None, str] = {}
    out = []
    for event in events:
        if event.kind in UNCHECKED_KINDS:
            continue
        start, end = local[event.id]
        country = countries.get(event.venue)
        if country is None:
            country = countries[event.venue] = mission.venue_country(event.venue).upper()
        out.append(LocalEvent(event, country, start, end, day_pieces(start, end)))
    return out


def local_events(ctx: Context) -> list[LocalEvent]:
    """Every non-cancelled event except travel, stays and free blocks, in file order (B2B
    meetings included), with local times: built once per run, shared by MC301-MC306."""
    return cast(list[LocalEvent], ctx.memo(
        "calendar.local", lambda: _build(ctx.mission, live(ctx), local_times(ctx))))


def business_events(ctx: Context) -> list[LocalEvent]:
    """The business events (visit, meeting, workshop, training, presentation; B2B meetings
    are meetings) among `local_events`."""
    return cast(list[LocalEvent], ctx.memo(
        "calendar.business", lambda: [le for le in local_events(ctx) if le.event.business]))


def practice_of(ctx: Context, country: str) -> CountryPractice:
    """`practice(country)`, looked up once per country and run."""
    table = cast(dict[str, CountryPractice], ctx.memo("calendar.practice", dict))
    found = table.get(country)
    if found is None:
        found = table[country] = practice(country)
    return found


def country_name(found: CountryPractice) -> str:
    return found.name or found.code


def day_text(day: date) -> str:
    """'Fri 2027-05-14' (English day names whatever the locale)."""
    return f"{DAYS[day.weekday()][:3]} {day.isoformat()}"


def when_text(le: LocalEvent, mission: Mission) -> str:
    """'Fri 2027-05-14 12:00-13:00', with the zone when it is not the mission's."""
    head = f"{day_text(le.start.date())} {le.start:%H:%M}"
    if le.end.date() == le.start.date():
        text = f"{head}-{le.end:%H:%M}"
    else:
        text = f"{head} - {day_text(le.end.date())} {le.end:%H:%M}"
    if le.event.zone != mission.info.timezone:
        text += f", {le.event.zone} time"
    return text


def named(le: LocalEvent, mission: Mission) -> str:
    """"'Plant visit' (Tue 2027-05-11 10:00-12:00)"."""
    return f"'{le.event.title}' ({when_text(le, mission)})"


def clock(t: time) -> str:
    return "24:00" if t == time.max else f"{t:%H:%M}"


def outside(window: TimeRange, piece: Piece) -> bool:
    """Whether a piece of a day reaches outside `window` (half-open: touching is inside)."""
    _, t0, t1 = piece
    return t0 < window.start or t1 > window.end


def overlaps(window: TimeRange, piece: Piece) -> bool:
    """Whether a piece of a day shares time with `window` (half-open: touching is not)."""
    _, t0, t1 = piece
    return t0 < window.end and t1 > window.start


def how_outside(window: TimeRange, piece: Piece) -> str:
    """Why a piece is outside `window`, in words."""
    day, t0, t1 = piece
    reasons = []
    if t0 < window.start:
        reasons.append(f"starts at {clock(t0)}, before {clock(window.start)}")
    if t0 >= window.end:
        reasons.append(f"starts at {clock(t0)}, after {clock(window.end)}")
    elif t1 > window.end:
        if t1 == time.max:
            reasons.append("runs past midnight")
        else:
            reasons.append(f"runs until {clock(t1)}, past {clock(window.end)}")
    return f"on {day_text(day)} it " + " and ".join(reasons)


def waive_hint(code: str) -> str:
    return f"or waive it on the event with a reason (`waive: {{{code}: \"...\"}}`)"


# -- MC306 ----------------------------------------------------------------------------------


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    window = mission.checks.working_hours
    for le in business_events(ctx):
        bad = [p for p in le.pieces if outside(window, p)]
        if not bad:
            continue
        where = country_name(practice_of(ctx, le.country))
        message = (f"{named(le, mission)} is outside working hours ({window}, local time in "
                   f"{where}): {how_outside(window, bad[0])}; move it into {window} "
                   f"(or change `checks.working_hours`), {waive_hint(CODE)}")
        yield Finding(CODE, message, le.event.loc, subject=le.event.id)


RULE = Check(
    code=CODE,
    why=(
        "Hosts plan visits and meetings inside office hours; a 07:00 plant tour or a 19:30 "
        "meeting needs their explicit agreement, and late slots tire the delegation. The "
        "window is `checks.working_hours` (default 08:30-18:30), read in the venue's local "
        "time. Only business events are checked (visit, meeting, workshop, training, "
        "presentation, and B2B meetings); meals, receptions and briefings often run in the "
        "evening. An event ending exactly at the window's end is inside; one that runs past "
        "midnight is outside. Cancelled events are ignored."
    ),
    bad=(
        "events:\n"
        "  plant-visit:\n"
        "    kind: visit\n"
        "    title: Atlas Auto plant tour\n"
        "    start: 2027-05-12 07:00     # before 08:30\n"
        "    end: 09:00"
    ),
    fix="Move the event into the working hours, change `checks.working_hours` if the host "
        "keeps other hours, or waive it on the event (`waive: {MC306: \"host starts at "
        "07:00\"}`).",
    run=run,
)
