"""MC203 venue-closed: an event outside its venue's opening `hours`.

Hours are read in the venue's local time, day by day: an event that runs past midnight must
fit the hours of each day it touches (an end at midnight is "24:00" of the first day, so a
venue open "18:00-24:00" holds a dinner ending at midnight). Where the contract is silent:

- `travel` (no venue of its own) and `stay` (a hotel stay spans nights, when a venue's
  reception is closed anyway) are not checked; `free` is: free time at a named place, a museum
  or a market, is only worth having while the place is open.
- B2B meetings are not checked one by one: their session's window is checked once, at the
  session, and a meeting outside the window is MC204's business.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from missionctl.checks import Check, Context
from missionctl.checks.index import LocalSpan, live, local_times
from missionctl.checks.words import describe, when
from missionctl.findings import Finding
from missionctl.model import B2BSession, Event, Hours, Mission, Venue

CODE = "MC203"
UNCHECKED_KINDS = frozenset({"travel", "stay"})
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Piece = tuple[date, time, time]  # a local day, from, to (time.max stands for 24:00)


def pieces(start: datetime, end: datetime) -> Iterator[Piece]:
    """Split a local (naive) wall-clock interval into its parts on each calendar day."""
    end = max(end, start)  # a clock change can put a short event's wall end before its start
    day = start.date()
    if end.date() == day:  # the common case: within one day
        yield day, start.time(), end.time()
        return
    while True:
        midnight = datetime.combine(day + timedelta(days=1), time())
        t0 = max(start, datetime.combine(day, time())).time()
        t1 = time.max if end >= midnight else end.time()
        yield day, t0, t1
        if end <= midnight:
            return
        day += timedelta(days=1)


def closed_reason(hours: Hours, start: datetime, end: datetime) -> str | None:
    """Why the venue is closed at some moment of the naive local interval, or None."""
    for day, t0, t1 in pieces(start, end):
        open_ = hours.on(day.weekday())
        if open_ is None:
            return f"the venue is closed on {_on_day(day)}"
        if t0 < open_.start or t1 > open_.end:
            return f"the venue is open only {open_} on {_on_day(day)}"
    return None


def _on_day(day: date) -> str:
    return f"{DAYS[day.weekday()]} {day:%d %b}"


def _event_finding(event: Event, venue: Venue, hours: Hours,
                   local: LocalSpan) -> Finding | None:
    reason = closed_reason(hours, *local)
    if reason is None:
        return None
    message = (f"{describe(event)} at {venue.name}: {reason}; move it into the opening "
               "hours or check the venue's `hours`")
    return Finding(CODE, message, event.loc, subject=event.id)


def _wall(day: date, t: time) -> datetime:
    # A session ending at "24:00" ends at the next midnight.
    if t == time.max:
        return datetime.combine(day + timedelta(days=1), time())
    return datetime.combine(day, t)


def _session_finding(session: B2BSession, venue: Venue, hours: Hours) -> Finding | None:
    start, end = _wall(session.date, session.start), _wall(session.date, session.end)
    reason = closed_reason(hours, start, end)
    if reason is None:
        return None
    message = (f"B2B session '{session.title}' ({when(start, end)}) at {venue.name}: "
               f"{reason}; move the session into the opening hours or check the venue's "
               "`hours`")
    return Finding(CODE, message, session.loc)


def _hours_of(mission: Mission, venue_id: str | None) -> tuple[Venue, Hours] | None:
    venue = mission.venues.get(venue_id) if venue_id else None
    if venue is None or venue.hours is None:
        return None
    return venue, venue.hours


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    local = local_times(ctx)  # event.local_start() and local_end(), without their zones
    for event in live(ctx):
        if event.kind in UNCHECKED_KINDS or event.b2b is not None:
            continue
        found = _hours_of(mission, event.venue)
        finding = _event_finding(event, *found, local[event.id]) if found else None
        if finding is not None:
            yield finding
    for session in mission.b2b.values():
        found = _hours_of(mission, session.venue)
        finding = _session_finding(session, *found) if found else None
        if finding is not None:
            yield finding


RULE = Check(
    code=CODE,
    why=(
        "A delegation that arrives at a closed plant or restaurant loses the slot and the "
        "host's goodwill. Hours are the venue's local time, day by day (an evening event past "
        "midnight must fit both days). Travel and stays are not checked; free time at a named "
        "venue is. A B2B session is checked once for its whole window."
    ),
    bad=(
        "venues:\n"
        "  atlas-plant:\n"
        "    name: Atlas Auto plant\n"
        "    hours: {mon-fri: \"07:00-19:00\", sat-sun: closed}\n"
        "events:\n"
        "  plant-visit:\n"
        "    kind: visit\n"
        "    title: Atlas Auto plant tour\n"
        "    venue: atlas-plant\n"
        "    start: 2027-05-15 10:00     # a Saturday\n"
        "    end: 12:00"
    ),
    fix="Move the event into the venue's opening hours, or correct the venue's `hours` "
        "(a host who opens specially for the delegation can be recorded with `waive:`).",
    run=run,
)
