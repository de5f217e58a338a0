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

Nothing is checked at run time: the tests read every kind of component this module makes
back the way a client does and compare it with zoneinfo hour by hour
(`tests/export/vtimezone_oracle.py`).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import icalendar

from missionctl.tz import Observance, observance, transitions

__all__ = [
    "DEFAULT_MARGIN",
    "vtimezone",
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


def vtimezone(
    zone_name: str, start: datetime, end: datetime, *, margin: timedelta = DEFAULT_MARGIN
) -> icalendar.Timezone:
    """A VTIMEZONE for the IANA zone `zone_name`, exact over [start - margin, end + margin].

    The first sub-component holds the observance in force at the (hour-aligned) start of that
    span; then one sub-component per transition after that start and up to the end of the
    span, each with its local onset (DTSTART, in the offset before the change), TZOFFSETFROM,
    TZOFFSETTO and TZNAME. Deterministic: the same zone data and arguments give the same
    component. KeyError for an unknown zone.
    """
    if margin < timedelta(0):
        raise ValueError("margin must not be negative")
    span_start = _floor_hour(_aware_utc(start, "start") - margin)
    span_end = _aware_utc(end, "end") + margin
    if span_end < span_start:
        raise ValueError("end is before start")
    first = observance(zone_name, span_start)

    vtz = icalendar.Timezone()
    vtz.add("TZID", zone_name)
    vtz.add(
        "COMMENT",
        f"Built by missionctl from the tz database: exact from {span_start:%Y-%m-%dT%H:%M}Z "
        f"to {span_end:%Y-%m-%dT%H:%M}Z",
    )
    onset = (span_start + first.offset).replace(tzinfo=None)
    vtz.add_component(_component(onset, first.offset, first))
    # Transitions at whole seconds t with span_start < t <= span_end: the first
    # sub-component already holds the observance at span_start itself.
    after_start = span_start + timedelta(seconds=1)
    through_end = datetime.fromtimestamp(math.floor(span_end.timestamp()) + 1, UTC)
    for change in transitions(zone_name, after_start, through_end):
        vtz.add_component(_component(change.local_onset, change.offset_from, change.after))
    return vtz
