"""Times as a traveller reads them: local to the event, the zone named where it differs from
the mission's, the date named where an event ends on another day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from missionctl.wording import MONTHS, WEEKDAYS


def hhmm(dt: datetime) -> str:
    return f"{dt:%H:%M}"


def utc_offset(dt: datetime) -> str:
    """'UTC+1', 'UTC+0', 'UTC-3:30'."""
    off = dt.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h}" + (f":{m:02d}" if m else "")


def zone_note(dt: datetime, zone: str) -> str:
    """'Europe/Lisbon, UTC+1'."""
    return f"{zone}, {utc_offset(dt)}"


def day_title(d: date) -> str:
    """'Monday 10 May 2027'."""
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def short_day(d: date) -> str:
    """'Mon 10 May'."""
    return f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]}"


def date_range(first: date, last: date) -> str:
    """'10–14 May 2027', '30 April – 2 May 2027', '30 December 2027 – 2 January 2028'."""
    if first == last:
        return f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    if first.year != last.year:
        return (f"{first.day} {MONTHS[first.month - 1]} {first.year} – "
                f"{last.day} {MONTHS[last.month - 1]} {last.year}")
    if first.month != last.month:
        return (f"{first.day} {MONTHS[first.month - 1]} – "
                f"{last.day} {MONTHS[last.month - 1]} {last.year}")
    return f"{first.day}–{last.day} {MONTHS[first.month - 1]} {first.year}"


def stamp(dt: datetime, zone: str, mission_zone: str, base: date | None = None) -> str:
    """'10:30', '10:30 (Europe/Lisbon, UTC+1)', 'Tue 11 May 07:30' (when not on `base`)."""
    text = hhmm(dt)
    if base is not None and dt.date() != base:
        text = f"{short_day(dt.date())} {text}"
    if zone != mission_zone:
        text += f" ({zone_note(dt, zone)})"
    return text


def span(start: datetime, start_zone: str, end: datetime, end_zone: str,
         mission_zone: str) -> str:
    """'10:30 (Europe/Lisbon, UTC+1) – 11:30', 'Mon 10 May 22:00 – Tue 11 May 07:30'."""
    first = stamp(start, start_zone, mission_zone)
    last = stamp(end, end_zone, mission_zone, base=start.date())
    return f"{first} – {last}"
