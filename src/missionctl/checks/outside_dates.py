"""MC104 outside-mission-dates: an event outside mission.start..mission.end."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from missionctl.checks import Check, Context
from missionctl.checks.index import LocalClock, live, local_clock
from missionctl.checks.timeline import named, span
from missionctl.findings import Finding
from missionctl.model import Event, Mission

CODE = "MC104"

# An event ending exactly at midnight ends on the day before: judge its last instant.
_LAST = timedelta(microseconds=1)

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
    clock = local_clock(ctx)
    for event in live(ctx):
        if event.kind in ("travel", "stay"):
            continue
        start_day, end_day = local_dates(event, clock)
        if start_day < first or end_day > last:
            yield Finding(CODE, message(mission, event, first, last), event.loc,
                          subject=event.id)


def local_dates(event: Event, clock: LocalClock) -> tuple[date, date]:
    start = clock.wall(event.zone, event.start).date()
    # The last instant's own date: not the end's local date minus a day at 00:00, which
    # differs when the zone's offset changes exactly at the end.
    end = clock.wall(event.end_zone, event.end - _LAST).date()
    return start, end


def message(mission: Mission, event: Event, first: date, last: date) -> str:
    return (f"{named(event, span(event, mission))} is outside the mission dates "
            f"({first.isoformat()} to {last.isoformat()}); correct its date or widen "
            "mission.start/mission.end")


RULE = Check(CODE, WHY, BAD, FIX, run)
