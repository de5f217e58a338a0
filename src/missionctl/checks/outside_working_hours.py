"""MC306 outside-working-hours: a business event outside `checks.working_hours`.

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

from collections.abc import Iterator

from missionctl.checks import Check, Context
from missionctl.checks.support.calendar import (
    business_events,
    country_name,
    how_outside,
    local_dated,
    outside,
    practice_of,
    waive_hint,
)
from missionctl.findings import Finding
from missionctl.model import Mission

CODE = "MC306"


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    window = mission.checks.working_hours
    start, end = window
    for le in business_events(ctx):
        pieces = le.pieces
        if len(pieces) == 1:  # the usual event, within one day: `outside` inlined
            _, t0, t1 = pieces[0]
            if not (t0 < start or t1 > end):
                continue
        bad = [p for p in pieces if outside(window, p)]
        if not bad:
            continue
        where = country_name(practice_of(ctx, le.country))
        message = (f"{local_dated(le, mission)} is outside working hours ({window}, local time in "
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
