"""Wording shared by rules: events, times and organisations as a person reads them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from missionctl.model import Event, Mission


def when(start: datetime, end: datetime) -> str:
    """Two local datetimes in words: 'Tue 11 May 13:00–14:30' (the end's date if it differs)."""
    head = f"{start:%a %d %b %H:%M}"
    if end.date() == start.date():
        return f"{head}–{end:%H:%M}"
    return f"{head} – {end:%a %d %b %H:%M}"


def describe(event: Event) -> str:
    """An event in words: its title and local times."""
    return f"'{event.title}' ({when(event.local_start(), event.local_end())})"


def wall(day: date, t: time) -> datetime:
    """A session wall-clock time; "24:00" (time.max) is the next midnight."""
    if t == time.max:
        return datetime.combine(day + timedelta(days=1), time())
    return datetime.combine(day, t)


def org_name(mission: Mission, org_id: str) -> str:
    org = mission.organisations.get(org_id)
    return org.name if org is not None else org_id
