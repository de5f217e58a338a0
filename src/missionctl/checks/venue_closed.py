"""MC203 venue-closed: an event outside its venue's opening `hours`.

Hours are read in the venue's local time, day by day: an event that runs past midnight must
fit the hours of each day it touches (an end at midnight is "24:00" of the first day, so a
venue open "18:00-24:00" holds a dinner ending at midnight). The days are cut by
`wording.day_pieces`, as for MC301-MC306. Where the contract is silent:

- `travel` (no venue of its own) and `stay` (a hotel stay spans nights, when a venue's
  reception is closed anyway) are not checked; `free` is: free time at a named place, a museum
  or a market, is only worth having while the place is open.
- B2B meetings are not checked one by one: their session's window is checked once, at the
  session, and a meeting outside the window is MC204's business.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from missionctl.checks import EVENT, SESSION, Check, Context
from missionctl.checks.support.index import LocalSpan, live, local_times
from missionctl.findings import Finding
from missionctl.model import B2BSession, Event, Hours, Mission, Venue
from missionctl.wording import day_long, day_pieces, day_time, event_dated, span_short

CODE = "MC203"
UNCHECKED_KINDS = frozenset({"travel", "stay"})


def closed_reason(hours: Hours, start: datetime, end: datetime) -> str | None:
    """Why the venue is closed at some moment of the naive local interval, or None."""
    for day, t0, t1 in day_pieces(start, end):
        open_ = hours.on(day.weekday())
        if open_ is None:
            return f"the venue is closed on {day_long(day)}"
        if t0 < open_.start or t1 > open_.end:
            return f"the venue is open only {open_} on {day_long(day)}"
    return None


def _open_within_one_day(hours: Hours, start: datetime, end: datetime) -> bool:
    """`closed_reason(...) is None` for the usual event, within one day and in order (one
    piece of `day_pieces`), decided without building the pieces; False for any other."""
    if end < start or end.date() != start.date():
        return False
    open_ = hours.days[start.weekday()]
    return open_ is not None and open_.start <= start.time() and end.time() <= open_.end


def _event_finding(event: Event, venue: Venue, hours: Hours,
                   local: LocalSpan) -> Finding | None:
    reason = closed_reason(hours, *local)
    if reason is None:
        return None
    message = (f"{event_dated(event)} at {venue.name}: {reason}; move it into the opening "
               "hours or check the venue's `hours`")
    return Finding(CODE, message, event.loc, subject=event.id)


def _session_finding(session: B2BSession, venue: Venue, hours: Hours) -> Finding | None:
    start, end = day_time(session.date, session.start), day_time(session.date, session.end)
    reason = closed_reason(hours, start, end)
    if reason is None:
        return None
    message = (f"B2B session '{session.title}' ({span_short(start, end)}) at {venue.name}: "
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
    venues = mission.venues
    for event in live(ctx):
        if event.kind in UNCHECKED_KINDS or event.b2b is not None:
            continue
        venue = venues.get(event.venue) if event.venue else None
        if venue is None or venue.hours is None:
            continue
        span = local[event.id]
        if _open_within_one_day(venue.hours, *span):
            continue
        finding = _event_finding(event, venue, venue.hours, span)
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
    places=EVENT | SESSION,
)
