"""Hand-built, verified VTIMEZONE components.

A VTIMEZONE tells a calendar client how local times in a zone map to UTC. We build it from the
zone's real transitions, found exactly in `zoneinfo` (through `missionctl.tz`, so from the pinned
`tzdata` package), with one explicit STANDARD/DAYLIGHT sub-component per offset change and no
RRULE. icalendar's own generator (`Timezone.from_tzinfo`) searches for changes in 64-day steps
and can miss a short period such as Morocco's ~35-day Ramadan switch to UTC+0; see
docs/calendars.md.

`verify_vtimezone` reads a VTIMEZONE back the way a client does and compares it with zoneinfo,
so every component we emit is checked before it is written.
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

__all__ = [
    "DEFAULT_MARGIN",
    "Transition",
    "transitions",
    "verify_vtimezone",
    "vtimezone",
]

DEFAULT_MARGIN = timedelta(days=7)
"""How far before the first and after the last instant a VTIMEZONE is made exact."""

_SAMPLE = timedelta(hours=1)
_SECOND = timedelta(seconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_State = tuple[timedelta, timedelta, str]  # utcoffset, dst, tzname


@dataclass(frozen=True)
class Transition:
    """One change of a zone's observance, at a UTC instant."""

    at: datetime
    """The first instant (UTC, aware) of the new observance."""
    offset_from: timedelta
    offset_to: timedelta
    dst: timedelta
    """`dst()` of the new observance (Morocco's Ramadan UTC+0 is a *negative* one hour)."""
    tzname: str

    @property
    def local_onset(self) -> datetime:
        """Naive local wall time of the change, read with the offset before it (RFC 5545)."""
        return (self.at + self.offset_from).replace(tzinfo=None)


def _aware_utc(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime, got naive {value.isoformat()}")
    return value.astimezone(UTC)


def _floor_hour(value: datetime) -> datetime:
    return value.replace(minute=0, second=0, microsecond=0)


def _state(tz: ZoneInfo, at_utc: datetime) -> _State:
    local = at_utc.astimezone(tz)
    offset = local.utcoffset()
    dst = local.dst()
    assert offset is not None and dst is not None
    return offset, dst, local.tzname() or _format_offset(offset)


def _format_offset(offset: timedelta) -> str:
    seconds = int(offset.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return text + (f":{secs:02d}" if secs else "")


def _changes(
    tz: ZoneInfo, lo: int, lo_state: _State, hi: int, hi_state: _State
) -> Iterator[tuple[int, _State, _State]]:
    """Every change between epoch seconds `lo` (state known) and `hi`, to the second."""
    if hi - lo <= 1:
        yield hi, lo_state, hi_state
        return
    mid = (lo + hi) // 2
    mid_state = _state(tz, _EPOCH + timedelta(seconds=mid))
    if mid_state != lo_state:
        yield from _changes(tz, lo, lo_state, mid, mid_state)
    if mid_state != hi_state:
        yield from _changes(tz, mid, mid_state, hi, hi_state)


def transitions(zone_name: str, start: datetime, end: datetime) -> list[Transition]:
    """Every change of offset, DST flag or abbreviation of `zone_name` in (start, end].

    The zone is sampled every hour and each change is bisected to the exact second. (Two
    changes that cancel out within one hour would be missed; no zone has ever done that.)
    """
    tz = zone(zone_name)
    lo = _floor_hour(_aware_utc(start, "start"))
    stop = _aware_utc(end, "end")
    found: list[Transition] = []
    lo_state = _state(tz, lo)
    while lo < stop:
        hi = lo + _SAMPLE
        hi_state = _state(tz, hi)
        if hi_state != lo_state:
            lo_s = int((lo - _EPOCH).total_seconds())
            hi_s = int((hi - _EPOCH).total_seconds())
            for at_s, before, after in _changes(tz, lo_s, lo_state, hi_s, hi_state):
                at = _EPOCH + timedelta(seconds=at_s)
                if at > stop:
                    break
                found.append(Transition(at, before[0], after[0], after[1], after[2]))
        lo, lo_state = hi, hi_state
    return found


def _observance(
    *, onset: datetime, offset_from: timedelta, offset_to: timedelta, dst: timedelta, tzname: str
) -> icalendar.TimezoneStandard | icalendar.TimezoneDaylight:
    sub: icalendar.TimezoneStandard | icalendar.TimezoneDaylight
    sub = icalendar.TimezoneDaylight() if dst else icalendar.TimezoneStandard()
    sub.add("DTSTART", onset)
    sub.add("TZOFFSETFROM", offset_from)
    sub.add("TZOFFSETTO", offset_to)
    sub.add("TZNAME", tzname)
    return sub


def vtimezone(
    zone_name: str, start: datetime, end: datetime, *, margin: timedelta = DEFAULT_MARGIN
) -> icalendar.Timezone:
    """A VTIMEZONE for the IANA zone `zone_name`, exact over [start - margin, end + margin].

    The first sub-component holds the observance in force at the (hour-aligned) start of that
    span; then one sub-component per transition inside it, each with its local onset
    (DTSTART, in the offset before the change), TZOFFSETFROM, TZOFFSETTO and TZNAME. Deterministic:
    the same zone data and arguments give the same component.
    """
    if margin < timedelta(0):
        raise ValueError("margin must not be negative")
    span_start = _floor_hour(_aware_utc(start, "start") - margin)
    span_end = _aware_utc(end, "end") + margin
    if span_end < span_start:
        raise ValueError("end is before start")
    tz = zone(zone_name)
    offset, dst, tzname = _state(tz, span_start)

    vtz = icalendar.Timezone()
    vtz.add("TZID", zone_name)
    vtz.add(
        "COMMENT",
        f"Built by missionctl from the tz database: exact from {span_start:%Y-%m-%dT%H:%M}Z "
        f"to {span_end:%Y-%m-%dT%H:%M}Z",
    )
    vtz.add_component(
        _observance(
            onset=(span_start + offset).replace(tzinfo=None),
            offset_from=offset,
            offset_to=offset,
            dst=dst,
            tzname=tzname,
        )
    )
    for change in transitions(zone_name, span_start, span_end):
        vtz.add_component(
            _observance(
                onset=change.local_onset,
                offset_from=change.offset_from,
                offset_to=change.offset_to,
                dst=change.dst,
                tzname=change.tzname,
            )
        )
    return vtz


# --- reading a VTIMEZONE back, as a client would -------------------------------------------


def _find_vtimezone(data: icalendar.Timezone | bytes | str, zone_name: str) -> Any:
    if isinstance(data, icalendar.Timezone):
        return data
    parsed = icalendar.Component.from_ical(data)
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
    name: str


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
        found += [_Onset(t, offset_to, label) for t in set(times)]
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


def verify_vtimezone(
    tz: icalendar.Timezone | bytes | str, zone_name: str, start: datetime, end: datetime
) -> list[str]:
    """Mismatches between a VTIMEZONE and zoneinfo's `zone_name` over [start, end].

    `tz` is a VTIMEZONE component, or the bytes of one or of a VCALENDAR holding it (the one
    whose TZID is `zone_name` is checked). Every sub-component's onsets (DTSTART, RDATE, RRULE,
    less EXDATE) are turned into UTC instants with its TZOFFSETFROM; at each hour of the span,
    and either side of every onset and every real transition, the offset in force is the
    TZOFFSETTO of the latest onset at or before that instant, and it must equal zoneinfo's.
    Consecutive mismatching instants with the same error are reported as one range. An empty
    list means the VTIMEZONE is correct for every instant in the span.
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
                f"({left.name} and {right.name}) with different offsets"
            )

    real_changes = [t.at for t in transitions(zone_name, first - _SAMPLE, last)]
    run: tuple[datetime, datetime, str] | None = None
    for point in _check_points(first, last, [*times, *real_changes]):
        index = bisect.bisect_right(times, point) - 1
        expected = _state(real, point)[0]
        if index < 0:
            error = f"no observance in force (zoneinfo: UTC{_format_offset(expected)})"
        else:
            got = onsets[index].offset_to
            error = (
                ""
                if got == expected
                else f"VTIMEZONE gives UTC{_format_offset(got)} ({onsets[index].name}), "
                f"zoneinfo gives UTC{_format_offset(expected)}"
            )
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
