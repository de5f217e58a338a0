"""MC104 outside-mission-dates: an event outside mission.start..mission.end."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from missionctl.checks import Check, Context
from missionctl.checks.support.index import LocalClock, live, local_clock, local_times
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.wording import event_ref, event_span

CODE = "MC104"

# An event ending exactly at midnight ends on the day before: judge its last instant.
_LAST = timedelta(microseconds=1)
# No zone's clock is a day or more away from UTC (tzdata's extremes, local mean times of
# the 1800s included, stay under 16 hours): an event that starts a day after the first
# date begins in UTC and ends a day before the last one ends is inside in every zone.
_MARGIN = timedelta(days=1)

WHY = """\
An event dated outside the mission's first and last day is usually a typo in the date (2026
for 2027, a wrong month), and it would be printed on nobody's itinerary for the trip.

Dates are local: an event's start in its own zone (the venue's, else the mission's) and its
end in the end's zone, compared with `mission.start`..`mission.end` (inclusive). An event
ending at 00:00 ends on the day before. Travel legs and stays are exempt (people fly in the
day before and hotels are booked around the mission); free blocks are not. Cancelled events
are skipped. It is about the event: no person is needed."""

BAD = """\
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2026-05-11 10:00      # the mission runs 2027-05-10..2027-05-14
    end: 12:00"""

FIX = "Correct the event's date, or widen `mission.start`/`mission.end` if the mission is longer."


def run(mission: Mission, ctx: Context) -> Iterable[Finding]:
    first, last = mission.info.start, mission.info.end
    local, clock = local_times(ctx), local_clock(ctx)
    inside_from, inside_until = _surely_inside(first, last)
    for event in live(ctx):
        if event.kind in ("travel", "stay"):
            continue
        if inside_from <= event.start and event.end <= inside_until:
            continue  # inside whatever its zones: no local date needed
        start_day = local[event.id][0].date()
        end_day = last_day(event, clock)
        if start_day < first or end_day > last:
            yield Finding(CODE, message(mission, event, first, last), event.loc,
                          subject=event.id)


def _surely_inside(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC bounds that an event inside in every zone lies within (`_MARGIN`)."""
    until = datetime.combine(last, time(), UTC)  # the last day's end, less the margin
    if first == date.max:
        return until, until  # nothing is surely inside a mission of year 9999's last day
    return datetime.combine(first, time(), UTC) + _MARGIN, until


def last_day(event: Event, clock: LocalClock) -> date:
    """The local date of the event's last instant, in the end's zone: an event ending at
    00:00 ends on the day before. (Not the end's date less a day at 00:00: the two differ
    when the zone's offset changes exactly at the end.)"""
    return clock.wall(event.end_zone, event.end - _LAST).date()


def message(mission: Mission, event: Event, first: date, last: date) -> str:
    where = event_span(event, mission.info.timezone)
    return (f"{event_ref(event, where)} is outside the mission dates "
            f"({first.isoformat()} to {last.isoformat()}); correct its date or widen "
            "mission.start/mission.end")


RULE = Check(CODE, WHY, BAD, FIX, run)
