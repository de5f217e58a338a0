"""When a zone changes its UTC offset (MC305), found exactly.

Exact, not sampled: a sampler that looks once a day (or even once an hour) can step over a
change and its reversal, and icalendar's 64-day step drops Morocco's ~35-day Ramadan switch
altogether (measured and noted by the team). Here:

1. every explicit transition in the zone's TZif file is a candidate instant;
2. after the last explicit transition the footer TZ string rules; if it has DST rules (the
   only way an offset can change there), the footer range is walked in 6-hour steps and each
   step whose two ends disagree is bisected to the second. POSIX TZ rules give at most two
   changes a year and no real zone keeps DST for less than a day, so a 6-hour step cannot
   hold a change and its reversal;
3. each candidate is kept only if zoneinfo's offset one second before differs from the one
   at the instant (transitions that change only the abbreviation or the DST flag, e.g.
   Casablanca in October 2018, are not offset changes).

Offsets always come from zoneinfo (`missionctl.tz.zone`), so MC305 agrees with every other
time computation in missionctl.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from typing import NamedTuple

from missionctl.practice._tzif import zone_file
from missionctl.tz import zone

UTC = dt.UTC
_FOOTER_STEP = 6 * 3600  # seconds; see module docstring, point 2

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class OffsetChange(NamedTuple):
    at: dt.datetime
    """The instant of the change, aware, in UTC: the first second with the new offset."""
    before: dt.timedelta
    after: dt.timedelta

    @property
    def delta(self) -> dt.timedelta:
        """How far clocks move: positive forward (a local hour skipped), negative back."""
        return self.after - self.before


def _offset(tz: dt.tzinfo, ts: int) -> dt.timedelta:
    off = dt.datetime.fromtimestamp(ts, tz).utcoffset()
    assert off is not None  # a ZoneInfo always answers for an aware datetime
    return off


def _first_with(tz: dt.tzinfo, lo: int, hi: int) -> int:
    """The smallest t in (lo, hi] with offset(t) == offset(hi), given offset(lo) differs.
    A plain bisection on whole seconds: TZif instants are whole seconds."""
    target = _offset(tz, hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _offset(tz, mid) == target:
            hi = mid
        else:
            lo = mid
    return hi


def _utc_seconds(value: dt.datetime, name: str) -> float:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {value!r}")
    return value.timestamp()


def offset_changes(zone_name: str, start: dt.datetime, end: dt.datetime) -> list[OffsetChange]:
    """Every change of `zone_name`'s UTC offset at an instant in [start, end), oldest first.

    `start` and `end` must be aware (any zone); KeyError for an unknown zone name.
    """
    lo_s = _utc_seconds(start, "start")
    hi_s = _utc_seconds(end, "end")
    tz = zone(zone_name)
    data = zone_file(zone_name)
    # Transitions fall on whole seconds: the candidates t satisfy first <= t <= last.
    first = math.ceil(lo_s)
    last = math.ceil(hi_s) - 1
    if last < first:
        return []

    candidates: list[int] = []
    times = data.transitions
    candidates.extend(times[bisect.bisect_left(times, first) : bisect.bisect_right(times, last)])

    if data.footer_has_dst:
        # Instants after the last explicit transition follow the footer rule.
        walk_from = max(first, times[-1] + 1 if times else first)
        if walk_from <= last:
            prev = walk_from - 1
            prev_off = _offset(tz, prev)
            while prev < last:
                nxt = min(prev + _FOOTER_STEP, last)
                nxt_off = _offset(tz, nxt)
                if nxt_off != prev_off:
                    candidates.append(_first_with(tz, prev, nxt))
                prev, prev_off = nxt, nxt_off

    out = []
    for t in sorted(set(candidates)):
        before, after = _offset(tz, t - 1), _offset(tz, t)
        if before != after:
            out.append(OffsetChange(dt.datetime.fromtimestamp(t, UTC), before, after))
    return out


def format_offset(offset: dt.timedelta) -> str:
    """'UTC+01:00', 'UTC-03:30'; seconds shown only when there are some (old LMT offsets)."""
    total = int(offset.total_seconds())
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"UTC{sign}{hours:02d}:{minutes:02d}"
    return text + (f":{seconds:02d}" if seconds else "")


def _clock(t: dt.datetime) -> str:
    return t.strftime("%H:%M:%S") if t.second else t.strftime("%H:%M")


def _day(t: dt.datetime) -> str:
    # Built by hand: strftime("%A %B") follows the process locale, and a message must not
    # change language with LANG.
    return f"{_WEEKDAYS[t.weekday()]} {t.day} {_MONTHS[t.month - 1]} {t.year}"


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
    target = _clock(new_wall)
    if new_wall.date() != old_wall.date():
        target += f" on {_day(new_wall)}"
    return (
        f"on {_day(old_wall)} at {_clock(old_wall)} local time clocks in {zone_name} go "
        f"{direction} to {target} ({format_offset(change.before)} -> "
        f"{format_offset(change.after)})"
    )
