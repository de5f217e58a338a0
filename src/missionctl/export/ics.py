"""A deterministic iCalendar (RFC 5545) writer over icalendar.

`calendar_bytes` turns plain `CalEvent` records into one VCALENDAR: events sorted by (start
instant, UID), local times with IANA TZIDs, one hand-built exact VTIMEZONE per zone
used, and a DTSTAMP the caller passes in. The same input always gives the same bytes. UIDs are
the caller's job (missionctl uses `<event-id>@<mission-id>.missionctl`); see docs/calendars.md.
"""

from __future__ import annotations

import functools
import io
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

import icalendar

from missionctl.export.mailto import mailto
from missionctl.export.text import multiline, one_line
from missionctl.export.vevent import cn, datetime_value, param, text, value, vevent_bytes
from missionctl.export.vtimezone import DEFAULT_MARGIN, vtimezone_at
from missionctl.tz import zone

__all__ = [
    "ATTENDEE_NAMESPACE",
    "DEFAULT_PRODID",
    "STATUSES",
    "TIMES",
    "CalEvent",
    "Times",
    "attendee_address",
    "calendar_bytes",
    "one_line",
]

DEFAULT_PRODID = "-//missionctl//missionctl 0.1//EN"
STATUSES = frozenset({"CONFIRMED", "TENTATIVE", "CANCELLED"})

Times = Literal["local", "utc"]
TIMES: tuple[Times, ...] = ("local", "utc")
"""How DTSTART/DTEND are written: `local` (local time with the IANA TZID and a VTIMEZONE) or
`utc` (UTC instants, `...Z`, no TZID and no VTIMEZONE: right in any client whatever its tz
data; a client shows them in its own zone)."""

ATTENDEE_NAMESPACE = uuid.UUID("6f1c1a52-8d0e-5b7e-9d1f-6d697373696f")
"""Namespace of the name-based (version 5) `urn:uuid:` addresses given to people without an
e-mail address. Fixed forever: changing it would change every such ATTENDEE."""

_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class CalEvent:
    """One event, as plain data. Times are aware datetimes (any tzinfo); each is written as
    local time in its own IANA zone, so a flight starts in the origin zone and ends in the
    destination zone."""

    uid: str
    summary: str
    start: datetime
    start_zone: str
    end: datetime
    end_zone: str
    location: str | None = None
    geo: tuple[float, float] | None = None
    description: str | None = None
    status: str = "CONFIRMED"
    attendees: tuple[tuple[str, str | None], ...] = ()
    """(name, e-mail or None) pairs, written in the order given."""
    categories: tuple[str, ...] = ()
    url: str | None = None
    sequence: int = 0
    last_modified: datetime | None = None
    """LAST-MODIFIED (aware; written in UTC), when known: with SEQUENCE, a client updates."""
    transparent: bool = False
    """TRANSP:TRANSPARENT: the event does not make anyone busy (hotel stays, free blocks)."""

    def __post_init__(self) -> None:
        if not self.uid or _CONTROL.search(self.uid) or _LINE_BREAKS.search(self.uid):
            raise ValueError(f"invalid UID {self.uid!r}")
        for name in ("start", "end"):
            value: datetime = getattr(self, name)
            if value.tzinfo is None or value.utcoffset() is None:
                raise ValueError(f"{self.uid}: {name} must be an aware datetime")
            try:
                value.astimezone(UTC)
            except OverflowError:
                raise ValueError(f"{self.uid}: {name} is outside the years 1-9999 in UTC"
                                 ) from None
        for name in ("start_zone", "end_zone"):
            zone(getattr(self, name))  # KeyError for an unknown zone
        if self.end <= self.start:
            raise ValueError(f"{self.uid}: end {self.end} is not after start {self.start}")
        if self.status not in STATUSES:
            raise ValueError(f"{self.uid}: status must be one of {sorted(STATUSES)}")
        if self.geo is not None:
            lat, lon = self.geo
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"{self.uid}: geo {self.geo} is not latitude, longitude")
        if self.sequence < 0:
            raise ValueError(f"{self.uid}: sequence must not be negative")
        for _name, email in self.attendees:
            # Only what cannot be meant as an address is refused: anything with an "@" is
            # written as mailto: when it is a real address, else left out (see
            # attendee_address), so whatever `check` accepts can be exported.
            if email is not None and "@" not in email:
                raise ValueError(f"{self.uid}: invalid e-mail address {email!r}")


def attendee_address(name: str, email: str | None) -> str:
    """The cal-address (a URI, RFC 5545 3.3.3) of an attendee: `mailto:` (RFC 6068, percent-
    encoded by `export.mailto`) when the e-mail is a real address, else a stable `urn:uuid:`
    (RFC 9562 name-based) derived from the name: text that is no address (`x"@evil.com`) is
    left out of the URI, and the name stays in CN."""
    return mailto(email) or "urn:uuid:" + str(uuid.uuid5(ATTENDEE_NAMESPACE, name))


def _whole_seconds(value: datetime) -> datetime:
    # A mission's times are whole minutes: `replace` (a keyword call making a new datetime,
    # three times per event) only when there is something to drop.
    return value.replace(microsecond=0) if value.microsecond else value


def _time_line(
    name: str, instant: datetime, zone_name: str, times: Times = "local"
) -> tuple[str, str | None]:
    # Remembered by the UTC instant: two local times in a repeated hour compare equal
    # whatever their fold (same tzinfo), so the local value would be no key.
    return _utc_time_line(name, _instant(instant), zone_name, times)


@functools.lru_cache(maxsize=8192)  # events share their times: a tenth of an export
def _utc_time_line(
    name: str, utc: datetime, zone_name: str, times: Times = "local"
) -> tuple[str, str | None]:
    """DTSTART/DTEND as `;TZID=<zone>:` local time, and the TZID used, if any (the caller
    records the instant against it: the zone's VTIMEZONE must cover it).

    Exceptions, written in UTC (`...Z`) instead: the zone `UTC` itself, a local time in a
    repeated hour (when clocks go back), and a local time outside the years 1-9999 (an instant
    on the calendar's edge, e.g. 9999-12-31 23:30Z in Tokyo). RFC 5545 reads an ambiguous
    local time as its first occurrence and has no way to name the second; khal 0.10.5 and
    calcurse 4.7.1 read it as the second. UTC is exact for every reader.
    """
    if times == "utc":
        return f"{name}:{datetime_value(utc, True)}", None
    try:
        local = utc.astimezone(zone(zone_name))
    except OverflowError:
        return f"{name}:{datetime_value(utc, True)}", None
    ambiguous = local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()
    if zone_name == "UTC" or ambiguous:
        return f"{name}:{datetime_value(utc, True)}", None
    return f"{name}{param('TZID', zone_name)}:{datetime_value(local, False)}", zone_name


def _vevent(ev: CalEvent, dtstamp: str, when: tuple[str, str]) -> bytes:
    """One VEVENT, its lines written by `export.vevent` in icalendar's order (see there why).

    Text goes through export.text: no control character reaches the file (RFC 5545 3.3.11
    allows none but the tab), and SUMMARY is one line (calcurse refuses one with a newline).
    `when`: its DTSTART and DTEND lines (`_time_line`, worked out with the zones).
    """
    lines = [f"SUMMARY:{value(text(one_line(ev.summary)))}", *when]
    lines += [f"DTSTAMP:{dtstamp}", f"UID:{value(text(ev.uid))}", f"SEQUENCE:{int(ev.sequence)}"]
    lines += [_attendee(name, email) for name, email in ev.attendees]
    categories = [text(c) for c in map(one_line, ev.categories) if c]
    if categories:
        lines.append("CATEGORIES:" + value(",".join(categories)))
    description = multiline(ev.description) if ev.description else ""
    if description.strip():
        lines.append(f"DESCRIPTION:{value(text(description))}")
    if ev.geo is not None:
        lines.append(f"GEO:{float(ev.geo[0])};{float(ev.geo[1])}")
    if ev.last_modified is not None:
        lines.append(f"LAST-MODIFIED:{datetime_value(_instant(ev.last_modified), True)}")
    location = multiline(ev.location) if ev.location else ""
    if location.strip():
        lines.append(f"LOCATION:{value(text(location))}")
    lines.append(f"STATUS:{text(ev.status)}")
    if ev.transparent:
        lines.append("TRANSP:TRANSPARENT")
    url = one_line(ev.url) if ev.url else ""
    if url:
        lines.append(f"URL:{value(url)}")
    return vevent_bytes(lines)


@functools.lru_cache(maxsize=65536)  # the same people attend event after event
def _attendee(name: str, email: str | None) -> str:
    label = one_line(name)
    return f"ATTENDEE{cn(label) if label else ''}:{attendee_address(name, email)}"


def _zones_and_times(events: Sequence[CalEvent], times: Times
                     ) -> tuple[dict[str, list[datetime]], list[tuple[str, str]]]:
    """TZID -> the instants written with it, and each event's DTSTART and DTEND lines."""
    zones_used: dict[str, list[datetime]] = {}
    when: list[tuple[str, str]] = []
    for ev in events:
        dtstart, start_tzid = _time_line("DTSTART", ev.start, ev.start_zone, times)
        dtend, end_tzid = _time_line("DTEND", ev.end, ev.end_zone, times)
        when.append((dtstart, dtend))
        if start_tzid is not None:
            zones_used.setdefault(start_tzid, []).append(ev.start)
        if end_tzid is not None:
            zones_used.setdefault(end_tzid, []).append(ev.end)
    return zones_used, when


def _instant(value: datetime) -> datetime:
    return _whole_seconds(value).astimezone(UTC)


def calendar_bytes(
    events: Sequence[CalEvent],
    *,
    name: str,
    prodid: str = DEFAULT_PRODID,
    dtstamp: datetime,
    margin: timedelta = DEFAULT_MARGIN,
    times: Times = "local",
) -> bytes:
    """One VCALENDAR (RFC 5545: CRLF lines, folded at 75 octets, escaped) holding `events`.

    Events are sorted by (start instant, UID); two events with one UID are refused. Times are
    written as local time with TZID = the IANA name (UTC for the zone `UTC` and for local times
    in a repeated hour, see `_add_time`). Each TZID written gets one VTIMEZONE (sorted by name),
    exact within `margin` of every time written with that TZID (by construction; the tests
    check it hour by hour against zoneinfo), and nothing more: its size follows the times
    written, not the distance between them. `dtstamp` (aware) is written on every event, in
    UTC: pass a fixed value (e.g. the mission file's modification time) for stable output,
    never now().

    `times="utc"` writes every DTSTART/DTEND as a UTC instant (`...Z`) and no VTIMEZONE: a
    client then needs no tz data at all to place an event (most clients read a TZID with
    their own tz database and ignore the VTIMEZONE, so an outdated one moves the events;
    see docs/calendars.md).
    """
    if times not in TIMES:
        raise ValueError(f"times must be one of {', '.join(TIMES)}, not {times!r}")
    if dtstamp.tzinfo is None or dtstamp.utcoffset() is None:
        raise ValueError("dtstamp must be an aware datetime")
    ordered = sorted(events, key=lambda e: (_instant(e.start), e.uid))
    seen: set[str] = set()
    for ev in ordered:
        if ev.uid in seen:
            raise ValueError(f"UID {ev.uid} is used by two events")
        seen.add(ev.uid)

    cal = icalendar.Calendar()
    cal.add("PRODID", prodid)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("X-WR-CALNAME", one_line(name))

    # The zones first (the VTIMEZONEs come before the events), then each VEVENT straight
    # into one buffer: the events' bytes held in a list and then joined were twice the
    # calendar (at 100k events, 157 MB of it) at the process's peak.
    zones_used, when = _zones_and_times(ordered, times)
    for zone_name in sorted(zones_used):
        cal.add_component(vtimezone_at(zone_name, zones_used[zone_name], margin=margin))
    # icalendar writes the calendar and its VTIMEZONEs; the VEVENTs, written by hand, go
    # where it would have put them: after every other component, before END:VCALENDAR.
    head: bytes = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    out = io.BytesIO()
    out.write(head[: -len(end)])
    stamp_text = datetime_value(_instant(dtstamp), True)
    for ev, lines in zip(ordered, when, strict=True):
        out.write(_vevent(ev, stamp_text, lines))
    out.write(end)
    return out.getvalue()
