"""When a zone changes its UTC offset (MC305), found exactly.

The transitions come from `missionctl.tz.transitions`, the one source of zone transitions
(VTIMEZONE building uses it too); see `missionctl.tz._transitions` for how they are found
exactly (explicit TZif transitions, the footer rule walked and bisected to the second, every
observance asked of zoneinfo). Here only the transitions that move clocks are kept:
transitions that change only the abbreviation or the DST flag (e.g. Casablanca in October
2018) are not offset changes.

Offsets always come from zoneinfo (`missionctl.tz.zone`), so MC305 agrees with every other
time computation in missionctl; days, times and offsets are worded by `missionctl.wording`.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from missionctl.tz import transitions
from missionctl.wording import clock_exact, day_full, offset_exact

UTC = dt.UTC


class OffsetChange(NamedTuple):
    at: dt.datetime
    """The instant of the change, aware, in UTC: the first second with the new offset."""
    before: dt.timedelta
    after: dt.timedelta

    @property
    def delta(self) -> dt.timedelta:
        """How far clocks move: positive forward (a local hour skipped), negative back."""
        return self.after - self.before


def offset_changes(zone_name: str, start: dt.datetime, end: dt.datetime) -> list[OffsetChange]:
    """Every change of `zone_name`'s UTC offset at an instant in [start, end), oldest first.

    `start` and `end` must be aware (any zone); KeyError for an unknown zone name.
    """
    return [
        OffsetChange(t.at, t.offset_from, t.offset_to)
        for t in transitions(zone_name, start, end)
        if t.offset_changed
    ]


def describe_change(zone_name: str, change: OffsetChange) -> str:
    """A sentence a person understands, e.g. "on Sunday 20 September 2026 at 03:00 local time
    clocks in Africa/Casablanca go back to 02:00 (UTC+01:00 -> UTC+00:00)".

    The time given is what a wall clock showed just before the change (in its old offset);
    the date is that clock's date.
    """
    utc = change.at.astimezone(UTC).replace(tzinfo=None)
    old_wall = utc + change.before
    new_wall = utc + change.after
    direction = "forward" if change.after > change.before else "back"
    target = clock_exact(new_wall)
    if new_wall.date() != old_wall.date():
        target += f" on {day_full(new_wall)}"
    return (
        f"on {day_full(old_wall)} at {clock_exact(old_wall)} local time clocks in {zone_name} go "
        f"{direction} to {target} ({offset_exact(change.before)} -> "
        f"{offset_exact(change.after)})"
    )
