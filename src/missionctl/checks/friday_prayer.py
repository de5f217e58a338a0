"""MC303 friday-prayer: a business event overlapping the Friday prayer window.

Applies where `practice(country).friday_prayer` holds for the venue's country (Morocco,
Tunisia, Algeria, Egypt, Saudi Arabia, the UAE, Senegal: docs/local-practice.md). The window
is `checks.friday_prayer` (default 12:30-14:30), in the venue's local time, on each Friday the
event touches. Intervals are half-open: a meeting ending at 12:30 or starting at 14:30 does
not overlap. Only business events (B2B meetings included); cancelled ones are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator

from missionctl.checks import Check, Context
from missionctl.checks.support.calendar import (
    business_events,
    country_name,
    local_dated,
    overlaps,
    practice_of,
    waive_hint,
)
from missionctl.findings import Finding
from missionctl.model import Mission
from missionctl.wording import clock

CODE = "MC303"
FRIDAY = 4


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    window = mission.checks.friday_prayer
    for le in business_events(ctx):
        pieces = le.pieces
        if len(pieces) == 1:  # the usual event, within one day: `overlaps` inlined
            day, t0, t1 = pieces[0]
            if day.weekday() != FRIDAY or not (t0 < window.end and t1 > window.start):
                continue
        elif not any(p[0].weekday() == FRIDAY and overlaps(window, p) for p in pieces):
            continue
        found = practice_of(ctx, le.country)
        if not found.friday_prayer:
            continue
        message = (f"{local_dated(le, mission)} overlaps the Friday prayer ({window}, local time), "
                   f"when offices in {country_name(found)} pause; end it by "
                   f"{clock(window.start)} or start it at {clock(window.end)} or later, "
                   f"{waive_hint(CODE)}")
        yield Finding(CODE, message, le.event.loc, subject=le.event.id)


RULE = Check(
    code=CODE,
    why=(
        "Where the Friday midday prayer is observed, offices and ministries pause and hosts "
        "leave for the mosque: a meeting across it is cut short or declined. The window is "
        "`checks.friday_prayer` (default 12:30-14:30) in the venue's local time, applied "
        "where the venue's country observes it (Morocco, Tunisia, Algeria, Egypt, Saudi "
        "Arabia, the UAE, Senegal). Only business events; an event ending exactly when the "
        "window starts does not overlap it."
    ),
    bad=(
        "events:\n"
        "  ministry-meeting:\n"
        "    kind: meeting\n"
        "    title: Ministry of Industry\n"
        "    start: 2027-05-14 12:00     # a Friday, in Morocco\n"
        "    end: 13:30"
    ),
    fix="End the event by the window's start or begin it at the window's end, change "
        "`checks.friday_prayer` to the local prayer time, or waive it on the event "
        "(`waive: {MC303: \"host confirmed\"}`).",
    run=run,
)
