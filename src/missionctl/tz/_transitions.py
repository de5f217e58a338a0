"""When a zone changes, found exactly: the one source of zone transitions in missionctl.

Used by VTIMEZONE building (`export/vtimezone.py`) and by MC305 (`practice/transitions.py`).
Reached as `missionctl.tz.transitions`; this module's name has a leading underscore so that
the package attribute `transitions` stays the function once the module is imported.

Exact, not sampled: a sampler that looks once a day (or even once an hour) can step over a
change and its reversal, and icalendar's 64-day step drops Morocco's ~35-day Ramadan switch
altogether (measured and noted by the team). Here:

1. every explicit transition in the zone's TZif file (`_tzif`, the same bytes zoneinfo reads)
   is a candidate instant;
2. after the last explicit transition the footer TZ string rules; if it has DST rules (the
   only way anything can change there), the footer range is walked in 6-hour steps and each
   step whose two ends disagree is bisected to the second. POSIX TZ rules give at most two
   changes a year and no real zone keeps DST for less than a day, so a 6-hour step cannot
   hold a change and its reversal;
3. each candidate is kept only if zoneinfo's observance one second before differs from the
   one at the instant.

An observance is (UTC offset, DST amount, abbreviation), all three asked of zoneinfo
(`missionctl.tz.zone`), so nothing here can disagree with the rest of the program about an
offset: the TZif reader only says *where to look*.

Why all three, not only the offset: a VTIMEZONE has one STANDARD/DAYLIGHT sub-component per
observance, and a client shows its TZNAME beside the times, so a change of abbreviation or
DST flag (Casablanca's "+01" went from DST to standard time on 2018-10-28 with the same
offset) gets its own sub-component; otherwise the VTIMEZONE would name the old observance
until the next offset change. MC305 cares only about clocks moving, and keeps the transitions
whose offset changes (`Transition.offset_changed`, in `practice/transitions.py`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from typing import NamedTuple

from missionctl.tz import zone
from missionctl.tz._tzif import zone_file

UTC = dt.UTC
_FOOTER_STEP = 6 * 3600  # seconds; see module docstring, point 2
_SECOND = dt.timedelta(seconds=1)


class Observance(NamedTuple):
    """What zoneinfo says of one instant in a zone."""

    offset: dt.timedelta
    """`utcoffset()`."""
    dst: dt.timedelta
    """`dst()`: zero in standard time; may be negative (Morocco's Ramadan UTC+0, Dublin's
    winter: tzdata models both as negative DST)."""
    name: str
    """`tzname()`, the abbreviation ('WEST', '+01'); '' if zoneinfo has none."""


class Transition(NamedTuple):
    """One change of a zone's observance."""

    at: dt.datetime
    """The instant (aware, UTC, whole seconds): the first second of the new observance."""
    before: Observance
    after: Observance

    @property
    def offset_from(self) -> dt.timedelta:
        return self.before.offset

    @property
    def offset_to(self) -> dt.timedelta:
        return self.after.offset

    @property
    def dst(self) -> dt.timedelta:
        """`dst()` of the new observance."""
        return self.after.dst

    @property
    def tzname(self) -> str:
        """Abbreviation of the new observance."""
        return self.after.name

    @property
    def offset_changed(self) -> bool:
        """Whether clocks move (not only the abbreviation or the DST flag)."""
        return self.before.offset != self.after.offset

    @property
    def local_onset(self) -> dt.datetime:
        """Naive local wall time of the change, read with the offset before it (RFC 5545)."""
        return (self.at + self.before.offset).replace(tzinfo=None)


def _at(tz: dt.tzinfo, ts: float) -> Observance:
    """The observance of `tz` at POSIX time `ts`."""
    local = dt.datetime.fromtimestamp(ts, tz)
    offset, dst = local.utcoffset(), local.dst()
    assert offset is not None and dst is not None  # a ZoneInfo always answers when aware
    return Observance(offset, dst, local.tzname() or "")


def observance(zone_name: str, instant: dt.datetime) -> Observance:
    """The observance of `zone_name` at `instant` (aware, any zone); KeyError for an unknown
    zone name."""
    return _at(zone(zone_name), _utc_seconds(instant, "instant"))


def _first_with(tz: dt.tzinfo, lo: int, hi: int, target: Observance) -> int:
    """The smallest t in (lo, hi] whose observance is `target` (that of hi), given lo's is
    not. A plain bisection on whole seconds: transitions fall on whole seconds."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _at(tz, mid) == target:
            hi = mid
        else:
            lo = mid
    return hi


def _utc_seconds(value: dt.datetime, name: str) -> float:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {value!r}")
    return value.timestamp()


def _footer_candidates(tz: dt.tzinfo, first: int, last: int) -> list[int]:
    """Instants in [first, last] where the footer rule changes the observance (point 2)."""
    found: list[int] = []
    prev = first - 1
    prev_state = _at(tz, prev)
    while prev < last:
        nxt = min(prev + _FOOTER_STEP, last)
        nxt_state = _at(tz, nxt)
        if nxt_state != prev_state:
            found.append(_first_with(tz, prev, nxt, nxt_state))
        prev, prev_state = nxt, nxt_state
    return found


def transitions(zone_name: str, start: dt.datetime, end: dt.datetime) -> list[Transition]:
    """Every change of `zone_name`'s observance (offset, DST amount or abbreviation) at an
    instant in [start, end), oldest first.

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

    times = data.transitions
    candidates = list(times[bisect.bisect_left(times, first) : bisect.bisect_right(times, last)])
    # zoneinfo applies the footer strictly after the last explicit transition: its first
    # second is a candidate too, in case the footer disagrees with the last transition.
    footer_from = times[-1] + 1 if times else first
    if first <= footer_from <= last:
        candidates.append(footer_from)
    if data.footer_has_dst:
        walk_from = max(first, footer_from)
        if walk_from <= last:
            candidates += _footer_candidates(tz, walk_from, last)

    out = []
    for t in sorted(set(candidates)):
        before, after = _at(tz, t - 1), _at(tz, t)
        if before != after:
            out.append(Transition(dt.datetime.fromtimestamp(t, UTC), before, after))
    return out


def offset_fixed_after(zone_name: str, instant: dt.datetime) -> bool:
    """Whether `zone_name`'s UTC offset never changes after `instant` under the rules of the
    tz release in use: no DST rule in the footer and no later explicit offset change.

    KeyError for an unknown zone name."""
    data = zone_file(zone_name)
    if data.footer_has_dst:
        return False
    # Without a DST rule nothing changes after the last explicit transition.
    after = _utc_seconds(instant, "instant")
    if not data.transitions or data.transitions[-1] <= after:
        return True
    start = dt.datetime.fromtimestamp(math.floor(after) + 1, UTC)
    end = dt.datetime.fromtimestamp(data.transitions[-1] + 2, UTC)  # the footer's first second
    return not any(t.offset_changed for t in transitions(zone_name, start, end))
