"""MC304 ramadan-hours: a business event outside `checks.ramadan_hours` during Ramadan.

Applies where `practice(country).ramadan_hours` holds for the venue's country (offices keep
reduced hours: Morocco, Tunisia, Algeria, Egypt, Saudi Arabia, the UAE). The window is
`checks.ramadan_hours` (default 09:00-15:00), in the venue's local time, on each day of Ramadan
the event touches. Intervals are half-open: an event ending at 15:00 is inside.

Ramadan's dates come from `ramadan_periods` (Umm al-Qura), asked once per run for the range of
the events concerned. They are estimates: the local sighting of the crescent can move the first
and last day by a day, which is why the rule is `info` and the message says so. Days outside
the Umm al-Qura table (before 1924-08-01, after 2077-11-16) are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import cast

from missionctl.checks import Check, Context
from missionctl.checks.support.calendar import (
    LocalEvent,
    business_events,
    country_name,
    how_outside,
    local_dated,
    outside,
    practice_of,
    practices,
    waive_hint,
)
from missionctl.findings import Finding
from missionctl.model import Mission

CODE = "MC304"

Period = tuple[date, date]


def _concerned(ctx: Context) -> list[LocalEvent]:
    table = practices(ctx)
    return [le for le in business_events(ctx) if table[le.country].ramadan_hours]


def periods(ctx: Context, events: list[LocalEvent]) -> list[Period]:
    """Every Ramadan touching the days of `events`, computed once per run (clamped to the
    Umm al-Qura table, see the module docstring)."""

    def build() -> list[Period]:
        from missionctl.practice.ramadan import SUPPORTED, ramadan_periods

        days = [p[0] for le in events for p in le.pieces]
        if not days:
            return []
        first, last = max(min(days), SUPPORTED[0]), min(max(days), SUPPORTED[1])
        return ramadan_periods(first, last)

    return cast(list[Period], ctx.memo("calendar.ramadan", build))


def _period_of(day: date, found: list[Period]) -> Period | None:
    for period in found:
        if period[0] <= day <= period[1]:
            return period
    return None


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    window = mission.checks.ramadan_hours
    events = _concerned(ctx)
    found = periods(ctx, events) if events else []
    if not found:
        return
    for le in events:
        for piece in le.pieces:
            period = _period_of(piece[0], found)
            if period is None or not outside(window, piece):
                continue
            where = country_name(practice_of(ctx, le.country))
            message = (f"{local_dated(le, mission)} is outside Ramadan working hours ({window}, "
                       f"local time in {where}): {how_outside(window, piece)}. Ramadan runs "
                       f"{period[0].isoformat()} to {period[1].isoformat()} (estimated dates: "
                       "the moon sighting can move them by a day) and offices close early; "
                       f"move it into {window}, {waive_hint(CODE)}")
            yield Finding(CODE, message, le.event.loc, subject=le.event.id)
            break


RULE = Check(
    code=CODE,
    why=(
        "During Ramadan offices in much of the Arab world work shorter days (in Morocco "
        "roughly 09:00-15:00) and hosts break the fast at sunset: an afternoon visit or an "
        "evening meeting that is routine the rest of the year is hard to get. The window is "
        "`checks.ramadan_hours` (default 09:00-15:00) in the venue's local time, applied "
        "where the venue's country keeps Ramadan hours. Ramadan's dates are estimated (Umm "
        "al-Qura) and can move by a day, hence an info finding. Only business events."
    ),
    bad=(
        "events:\n"
        "  plant-visit:\n"
        "    kind: visit\n"
        "    title: Atlas Auto plant tour\n"
        "    start: 2027-02-16 16:00     # Ramadan 2027, in Morocco\n"
        "    end: 17:30"
    ),
    fix="Move the event into the Ramadan hours (morning slots work best), change "
        "`checks.ramadan_hours` to what the host keeps, or waive it on the event "
        "(`waive: {MC304: \"host invited us for iftar\"}`).",
    run=run,
)
