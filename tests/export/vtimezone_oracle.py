"""The test oracle for VTIMEZONE components: read one back as a client does, and compare it
with zoneinfo hour by hour.

This was the run-time verification of `missionctl.export.vtimezone` (about 0.1 s per zone and
year, on every export). The exporter now builds from the exact `missionctl.tz.transitions`,
and this check lives here, independent of it: it finds the zone's real changes with its own
search (every hour, each change bisected to the second) and never calls
`missionctl.tz.transitions`.

`verify_vtimezone(tz, zone_name, start, end)` turns every onset of every sub-component
(DTSTART, RDATE, RRULE, less EXDATE) into a UTC instant through its TZOFFSETFROM; at every
hour of the span, and at and one second before every onset and every real change, the offset
in force is the TZOFFSETTO of the latest onset at or before that instant, and it must equal
zoneinfo's. With `names=True` the TZNAME and the kind (DAYLIGHT when zoneinfo's `dst()` is not
zero) must match too. Consecutive mismatching instants with the same error are reported as one
range; an empty list means the VTIMEZONE is right for every instant in the span.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import icalendar

from missionctl.tz import ZoneInfo, zone

__all__ = ["HourlyChange", "hourly_changes", "verify_vtimezone"]

_SAMPLE = timedelta(hours=1)
_SECOND = timedelta(seconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_State = tuple[timedelta, timedelta, str]  # utcoffset, dst, tzname


def _aware_utc(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime, got naive {value.isoformat()}")
    return value.astimezone(UTC)


def _format_offset(offset: timedelta) -> str:
    seconds = int(offset.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return text + (f":{secs:02d}" if secs else "")


def _state(tz: ZoneInfo, at_utc: datetime) -> _State:
    local = at_utc.astimezone(tz)
    offset, dst = local.utcoffset(), local.dst()
    assert offset is not None and dst is not None
    return offset, dst, local.tzname() or _format_offset(offset)


# --- the zone's real changes, found independently ---------------------------------------------


@dataclass(frozen=True)
class HourlyChange:
    at: datetime
    """The first instant (UTC, aware) of the new observance."""
    offset_from: timedelta
    offset_to: timedelta
    dst: timedelta
    tzname: str


def _bisect(
    tz: ZoneInfo, lo: int, lo_state: _State, hi: int, hi_state: _State
) -> Iterator[tuple[int, _State, _State]]:
    """Every change between epoch seconds `lo` (state known) and `hi`, to the second."""
    if hi - lo <= 1:
        yield hi, lo_state, hi_state
        return
    mid = (lo + hi) // 2
    mid_state = _state(tz, _EPOCH + timedelta(seconds=mid))
    if mid_state != lo_state:
        yield from _bisect(tz, lo, lo_state, mid, mid_state)
    if mid_state != hi_state:
        yield from _bisect(tz, mid, mid_state, hi, hi_state)


def hourly_changes(zone_name: str, start: datetime, end: datetime) -> list[HourlyChange]:
    """Every change of offset, DST amount or abbreviation of `zone_name` in
    (floor_hour(start), end], found by looking every hour and bisecting each change to the
    second. (Two changes that cancel out within one hour would be missed; no zone has done
    that.)"""
    tz = zone(zone_name)
    lo = _aware_utc(start, "start").replace(minute=0, second=0, microsecond=0)
    stop = _aware_utc(end, "end")
    found: list[HourlyChange] = []
    lo_state = _state(tz, lo)
    while lo < stop:
        hi = lo + _SAMPLE
        hi_state = _state(tz, hi)
        if hi_state != lo_state:
            lo_s = int((lo - _EPOCH).total_seconds())
            hi_s = int((hi - _EPOCH).total_seconds())
            for at_s, before, after in _bisect(tz, lo_s, lo_state, hi_s, hi_state):
                at = _EPOCH + timedelta(seconds=at_s)
                if at > stop:
                    break
                found.append(HourlyChange(at, before[0], after[0], after[1], after[2]))
        lo, lo_state = hi, hi_state
    return found


# --- reading a VTIMEZONE back, as a client would -------------------------------------------


def _find_vtimezone(data: icalendar.Component | bytes | str, zone_name: str) -> Any:
    if isinstance(data, icalendar.Component) and data.name == "VTIMEZONE":
        return data
    parsed = data if isinstance(data, icalendar.Component) else icalendar.Component.from_ical(data)
    candidates = [c for c in parsed.walk("VTIMEZONE") if str(c.get("TZID")) == zone_name]
    if not candidates:
        return None
    return candidates[0]


def _as_datetimes(prop: Any) -> Iterator[datetime]:
    """The date-times of an RDATE/EXDATE property (or list of them); periods give their start."""
    props = prop if isinstance(prop, list) else [prop]
    for one in props:
        for item in getattr(one, "dts", [one]):
            value = getattr(item, "dt", item)
            if isinstance(value, tuple):  # PERIOD
                value = value[0]
            if isinstance(value, datetime):
                yield value
            elif isinstance(value, date):
                yield datetime(value.year, value.month, value.day)


def _to_utc(local: datetime, offset_from: timedelta) -> datetime:
    if local.tzinfo is not None and local.utcoffset() is not None:
        return local.astimezone(UTC)
    return (local - offset_from).replace(tzinfo=UTC)


def _rrule_onsets(
    sub: Any, dtstart: datetime, offset_from: timedelta, until: datetime
) -> Iterator[datetime]:
    from dateutil import rrule

    text = sub["RRULE"].to_ical().decode()
    fixed = timezone(offset_from)
    aware_start = dtstart.replace(tzinfo=fixed) if dtstart.tzinfo is None else dtstart
    try:
        rule = rrule.rrulestr(text, dtstart=aware_start)
    except ValueError:  # UNTIL written as a local time
        rule = rrule.rrulestr(text, dtstart=aware_start.replace(tzinfo=None))
    for occurrence in rule:
        onset = _to_utc(occurrence.replace(tzinfo=None), offset_from)
        if onset > until:
            return
        yield onset


@dataclass(frozen=True, order=True)
class _Onset:
    at: datetime
    offset_to: timedelta
    label: str
    tzname: str
    daylight: bool


def _onsets(vtz: Any, until: datetime) -> list[_Onset]:
    found: list[_Onset] = []
    for sub in vtz.subcomponents:
        if sub.name not in ("STANDARD", "DAYLIGHT"):
            continue
        offset_from = sub["TZOFFSETFROM"].td
        offset_to = sub["TZOFFSETTO"].td
        dtstart = sub["DTSTART"].dt
        if not isinstance(dtstart, datetime):
            dtstart = datetime(dtstart.year, dtstart.month, dtstart.day)
        label = f"{sub.name} {dtstart:%Y-%m-%dT%H:%M:%S}"
        times: list[datetime] = [_to_utc(dtstart, offset_from)]
        if "RDATE" in sub:
            times += [_to_utc(t, offset_from) for t in _as_datetimes(sub["RDATE"])]
        if "RRULE" in sub:
            times += list(_rrule_onsets(sub, dtstart, offset_from, until))
        if "EXDATE" in sub:
            excluded = {_to_utc(t, offset_from) for t in _as_datetimes(sub["EXDATE"])}
            times = [t for t in times if t not in excluded]
        name, daylight = str(sub.get("TZNAME", "")), sub.name == "DAYLIGHT"
        found += [_Onset(t, offset_to, label, name, daylight) for t in set(times)]
    found.sort()
    return found


def _check_points(start: datetime, end: datetime, extra: Iterable[datetime]) -> list[datetime]:
    points: set[datetime] = set()
    at = start
    while at <= end:
        points.add(at)
        at += _SAMPLE
    for instant in extra:
        for point in (instant - _SECOND, instant):
            if start <= point <= end:
                points.add(point)
    return sorted(points)


def _error(onset: _Onset | None, expected: _State, names: bool) -> str:
    offset, dst, tzname = expected
    if onset is None:
        return f"no observance in force (zoneinfo: UTC{_format_offset(offset)})"
    if onset.offset_to != offset:
        return (
            f"VTIMEZONE gives UTC{_format_offset(onset.offset_to)} ({onset.label}), "
            f"zoneinfo gives UTC{_format_offset(offset)}"
        )
    if names and (onset.tzname, onset.daylight) != (tzname, bool(dst)):
        kind = "DAYLIGHT" if dst else "STANDARD"
        return f"VTIMEZONE gives {onset.label} {onset.tzname!r}, zoneinfo gives {kind} {tzname!r}"
    return ""


def verify_vtimezone(
    tz: icalendar.Component | bytes | str,
    zone_name: str,
    start: datetime,
    end: datetime,
    *,
    names: bool = False,
) -> list[str]:
    """Mismatches between a VTIMEZONE and zoneinfo's `zone_name` over [start, end].

    `tz` is a VTIMEZONE component, or a VCALENDAR component or the bytes of either (then the
    VTIMEZONE whose TZID is `zone_name` is checked). See the module docstring.
    """
    first = _aware_utc(start, "start")
    last = _aware_utc(end, "end")
    vtz = _find_vtimezone(tz, zone_name)
    if vtz is None:
        return [f"no VTIMEZONE with TZID {zone_name}"]
    problems: list[str] = []
    tzid = str(vtz.get("TZID", ""))
    if tzid != zone_name:
        problems.append(f"TZID is {tzid!r}, expected {zone_name!r}")
    try:
        real = zone(zone_name)
    except KeyError:
        return [*problems, f"unknown zone {zone_name}"]

    onsets = _onsets(vtz, last)
    times = [o.at for o in onsets]
    for left, right in itertools.pairwise(onsets):
        if left.at == right.at and left.offset_to != right.offset_to:
            problems.append(
                f"{left.at:%Y-%m-%dT%H:%M:%S}Z: two observances start at once "
                f"({left.label} and {right.label}) with different offsets"
            )

    real_changes = [t.at for t in hourly_changes(zone_name, first - _SAMPLE, last)]
    run: tuple[datetime, datetime, str] | None = None
    for point in _check_points(first, last, [*times, *real_changes]):
        index = bisect.bisect_right(times, point) - 1
        error = _error(onsets[index] if index >= 0 else None, _state(real, point), names)
        if run is not None and (not error or error != run[2]):
            problems.append(_describe(run))
            run = None
        if error:
            run = (run[0], point, error) if run else (point, point, error)
    if run is not None:
        problems.append(_describe(run))
    return problems


def _describe(run: tuple[datetime, datetime, str]) -> str:
    first, last, error = run
    when = f"{first:%Y-%m-%dT%H:%M:%S}Z"
    if last != first:
        when += f"..{last:%Y-%m-%dT%H:%M:%S}Z"
    return f"{when}: {error}"
