"""Hand-built VTIMEZONE components, exact by construction.

A VTIMEZONE tells a calendar client how local times in a zone map to UTC. We build it from the
zone's real transitions, `missionctl.tz.transitions` (exact: read from the zone's TZif file in
the pinned `tzdata` package, every observance asked of zoneinfo), with one explicit
STANDARD/DAYLIGHT sub-component per change and no RRULE. icalendar's own generator
(`Timezone.from_tzinfo`) searches for changes in 64-day steps and can miss a short period such
as Morocco's ~35-day Ramadan switch to UTC+0; see docs/calendars.md.

A change of abbreviation or DST flag alone gets its own sub-component too (see
`missionctl.tz._transitions`): the TZNAME a client shows stays right for every instant of
the span.

Only what a calendar uses is built (`vtimezone_at`): the observances within a margin of each
time written in the zone, not every transition between the first and the last. One event
lasting until 2999 used to make a VTIMEZONE of about 1,900 sub-components (58 s and 814 MB
before `missionctl.tz`); its two instants now make two short spans.

Nothing is checked at run time: the tests read every kind of component this module makes
back the way a client does and compare it with zoneinfo hour by hour
(`tests/export/vtimezone_oracle.py`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

import icalendar

from missionctl.tz import Observance, observance, transitions

__all__ = [
    "DEFAULT_MARGIN",
    "build",
    "spans",
    "vtimezone",
    "vtimezone_at",
]

DEFAULT_MARGIN = timedelta(days=7)
"""How far before the first and after the last instant a VTIMEZONE is made exact."""


def _aware_utc(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime, got naive {value.isoformat()}")
    return value.astimezone(UTC)


def _floor_hour(value: datetime) -> datetime:
    return value.replace(minute=0, second=0, microsecond=0)


def _format_offset(offset: timedelta) -> str:
    seconds = int(offset.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return text + (f":{secs:02d}" if secs else "")


def _component(
    onset: datetime, offset_from: timedelta, now: Observance
) -> icalendar.TimezoneStandard | icalendar.TimezoneDaylight:
    """One sub-component: DAYLIGHT when `dst()` is not zero (Morocco's Ramadan is a
    *negative* DST in tzdata), else STANDARD."""
    sub: icalendar.TimezoneStandard | icalendar.TimezoneDaylight
    sub = icalendar.TimezoneDaylight() if now.dst else icalendar.TimezoneStandard()
    sub.add("DTSTART", onset)
    sub.add("TZOFFSETFROM", offset_from)
    sub.add("TZOFFSETTO", now.offset)
    sub.add("TZNAME", now.name or _format_offset(now.offset))
    return sub


def _window(instant: datetime, margin: timedelta) -> tuple[datetime, datetime]:
    """[instant - margin, instant + margin] (start on the hour), clamped to what datetime can
    hold: an event in year 1 or 9999 gets a shorter margin, never an OverflowError."""
    try:
        lo = instant - margin
    except OverflowError:
        lo = datetime.min.replace(tzinfo=UTC)
    try:
        hi = instant + margin
    except OverflowError:
        hi = datetime.max.replace(tzinfo=UTC)
    return _floor_hour(lo), hi


def spans(
    instants: Iterable[datetime], margin: timedelta = DEFAULT_MARGIN
) -> list[tuple[datetime, datetime]]:
    """The UTC spans a VTIMEZONE must be exact over for `instants`: each instant +/- `margin`
    (the start on the hour), overlapping spans merged, oldest first."""
    if margin < timedelta(0):
        raise ValueError("margin must not be negative")
    windows = sorted(_window(_aware_utc(t, "instant"), margin) for t in instants)
    merged: list[tuple[datetime, datetime]] = []
    for lo, hi in windows:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _comment(covered: Sequence[tuple[datetime, datetime]]) -> str:
    ranges = ", and ".join(f"from {lo:%Y-%m-%dT%H:%M}Z to {hi:%Y-%m-%dT%H:%M}Z"
                           for lo, hi in covered)
    return f"Built by missionctl from the tz database: exact {ranges}"


def _through(end: datetime) -> datetime:
    """The first whole second after `end` (the exclusive bound that keeps `end` itself)."""
    try:
        return datetime.fromtimestamp(math.floor(end.timestamp()) + 1, UTC)
    except (OverflowError, ValueError):
        return end


def build(zone_name: str, covered: Sequence[tuple[datetime, datetime]]) -> icalendar.Timezone:
    """A VTIMEZONE for `zone_name`, exact over each of the disjoint, sorted UTC spans
    `covered` (as `spans` makes them), and over nothing else.

    The first sub-component holds the observance in force at the start of the first span;
    then one sub-component per transition inside a span; at the start of each later span
    whose observance differs from the one last written, one sub-component moves to it
    (its TZOFFSETFROM is the offset the VTIMEZONE itself had in force, so a client reads the
    onset at the right instant). Between spans the VTIMEZONE may be wrong: no time the
    calendar uses falls there. The work is bounded by the spans, never by the distance
    between them: an event lasting until 2999 costs two spans, not 1,900 transitions.
    """
    if not covered:
        raise ValueError("a VTIMEZONE needs at least one span: no time to cover")
    vtz = icalendar.Timezone()
    vtz.add("TZID", zone_name)
    written: Observance | None = None
    for span_start, span_end in covered:
        if span_end < span_start:
            raise ValueError("end is before start")
        now = observance(zone_name, span_start)
        if now != written:
            offset_from = now.offset if written is None else written.offset
            onset = (span_start + offset_from).replace(tzinfo=None)
            sub = _component(onset, offset_from, now)
            if written is None:
                # RFC 5545 3.6.5 allows COMMENT in STANDARD/DAYLIGHT only, not in VTIMEZONE
                # itself (libical's restriction check refuses it there): the first one says
                # where the component is exact.
                sub.add("COMMENT", _comment(covered))
            vtz.add_component(sub)
            written = now
        # Transitions at whole seconds t with span_start < t <= span_end: the observance at
        # span_start itself is already written.
        after_start = span_start + timedelta(seconds=1)
        for change in transitions(zone_name, after_start, _through(span_end)):
            vtz.add_component(_component(change.local_onset, change.offset_from, change.after))
            written = change.after
    return vtz


def vtimezone_at(
    zone_name: str, instants: Iterable[datetime], *, margin: timedelta = DEFAULT_MARGIN
) -> icalendar.Timezone:
    """A VTIMEZONE for the IANA zone `zone_name`, exact within `margin` of each of `instants`
    (the DTSTART/DTEND values a calendar writes in that zone): what a calendar needs, and no
    more (see `build`). KeyError for an unknown zone; ValueError for no instant."""
    return build(zone_name, spans(instants, margin))


def vtimezone(
    zone_name: str, start: datetime, end: datetime, *, margin: timedelta = DEFAULT_MARGIN
) -> icalendar.Timezone:
    """A VTIMEZONE for the IANA zone `zone_name`, exact over [start - margin, end + margin]
    and every transition in it (the span's start on the hour).

    The first sub-component holds the observance in force at the start of that span; then
    one sub-component per transition after that start and up to the end of the span, each
    with its local onset (DTSTART, in the offset before the change), TZOFFSETFROM,
    TZOFFSETTO and TZNAME. Deterministic: the same zone data and arguments give the same
    component. KeyError for an unknown zone. The work grows with the span: an exporter asks
    `vtimezone_at` instead.
    """
    if margin < timedelta(0):
        raise ValueError("margin must not be negative")
    span_start = _window(_aware_utc(start, "start"), margin)[0]
    span_end = _window(_aware_utc(end, "end"), margin)[1]
    if span_end < span_start:
        raise ValueError("end is before start")
    return build(zone_name, [(span_start, span_end)])
