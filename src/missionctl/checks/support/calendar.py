"""The events the calendar rules (MC301-MC306) judge, with their country and local days.

Each checked event's country and local wall-clock pieces are computed once per run through
`ctx.memo`, and the country practice is looked up once per country.

Local times are the event's own (`event.local_start()` / `local_end()`: its venue's zone, else
the mission's); the country is the venue's, else the mission's `host_country` (format,
section 9). An event is cut into one piece per local calendar day it touches
(`wording.day_pieces`, the one function MC203 uses too); an event ending at 00:00 ends at
"24:00" of the day before and does not touch the next day. Windows compare as half-open
intervals, so an event ending at 08:30 is not outside "08:30-18:30".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from typing import NamedTuple, cast

from missionctl.checks import Context
from missionctl.checks.support.index import LocalSpan, live, local_times
from missionctl.model import Event, Mission
from missionctl.practice.countries import CountryPractice, practice
from missionctl.values import TimeRange
from missionctl.wording import Piece, clock, day_iso, day_pieces, span_iso

_new = tuple.__new__
# Kinds no calendar rule looks at: travel crosses places, stays and free blocks are not work.
UNCHECKED_KINDS = frozenset({"travel", "stay", "free"})


class LocalEvent(NamedTuple):
    """A checked event with its venue's country and its local wall-clock times. A NamedTuple:
    one is built per event (10,000 in a large mission), and a tuple is cheap to build."""

    event: Event
    country: str  # ISO 3166-1 alpha-2, upper case
    start: datetime  # naive, local to event.zone
    end: datetime  # naive, local to event.end_zone
    pieces: tuple[Piece, ...]


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
        day = start.date()
        # day_pieces(start, end) inlined for the usual event, within one day and in order
        pieces = (((day, start.time(), end.time()),) if start <= end and end.date() == day
                  else day_pieces(start, end))
        out.append(_new(LocalEvent, (event, country, start, end, pieces)))
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


class _Practices(dict[str, CountryPractice]):
    """Country -> `practice(country)`, looked up on first use."""

    def __missing__(self, country: str) -> CountryPractice:
        found = self[country] = practice(country)
        return found


def practices(ctx: Context) -> Mapping[str, CountryPractice]:
    """`practice(country)` by country, each looked up once per run: for the rules that ask
    event by event (`table[le.country]`, no call per event)."""
    return cast(_Practices, ctx.memo("calendar.practice", _Practices))


def practice_of(ctx: Context, country: str) -> CountryPractice:
    """`practice(country)`, looked up once per country and run."""
    return practices(ctx)[country]


def country_name(found: CountryPractice) -> str:
    return found.name or found.code


def local_dated(le: LocalEvent, mission: Mission) -> str:
    """"'Plant visit' (Tue 2027-05-11 10:00-12:00)", with ", <zone> time" after the times
    when the event's zone is not the mission's."""
    text = span_iso(le.start, le.end)
    if le.event.zone != mission.info.timezone:
        text += f", {le.event.zone} time"
    return f"'{le.event.title}' ({text})"


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
    return f"on {day_iso(day)} it " + " and ".join(reasons)


def waive_hint(code: str) -> str:
    return f"or waive it on the event with a reason (`waive: {{{code}: \"...\"}}`)"
