"""The `ics` format: mission events mapped to `CalEvent` records for the RFC 5545 writer.

The writer itself (`missionctl.export.ics`, with `export.vtimezone`) is a library that knows
nothing of missions; this module is our mapping onto it.

UIDs are `<event-id>@<mission-id>.missionctl`, so a re-import or a CalDAV upload updates each
event in place. DTSTART is in the event's start zone and DTEND in its end zone (a flight starts
in the origin's zone and ends in the destination's), or both in UTC with `--times utc`
(`Options.times`). DTSTAMP is fixed, derived from the mission (see `dtstamp`), never the
clock: the same mission always gives the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

from missionctl.i18n import Translator, translator
from missionctl.model import Event, Mission
from missionctl.views.itinerary import Line, line
from missionctl.views.people import in_file_order, memo

if TYPE_CHECKING:
    from missionctl.export.ics import CalEvent, Times
    from missionctl.render import Options
    from missionctl.views.select import Programme, Selection

STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}


def uid(mission: Mission, event_id: str) -> str:
    return f"{event_id}@{mission.info.id}.missionctl"


def dtstamp(mission: Mission, override: datetime | None = None) -> datetime:
    """The DTSTAMP written on every event: `override` (from `--dtstamp`), else the
    SOURCE_DATE_EPOCH environment variable (the reproducible-builds convention), else
    00:00 UTC on the mission's first day. Never the current time."""
    if override is not None:
        return override.astimezone(UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.combine(mission.info.start, time(0), UTC)


def cal_event(mission: Mission, event: Event, public: bool = False,
              stamp: tuple[int, datetime | None] = (0, None), lang: str = "en") -> CalEvent:
    """One event as a `CalEvent` (imported here: icalendar loads with the ICS writer);
    `stamp` is its (SEQUENCE, LAST-MODIFIED) (`changes.sequence`); the description's labels
    in `lang` (a calendar is read by people: it follows `--lang`)."""
    from missionctl.export.ics import CalEvent

    tr = translator(lang)
    ln = line(mission, event, (), public, tr=tr)
    return CalEvent(
        uid=uid(mission, event.id), summary=event.title,
        start=event.start, start_zone=event.zone, end=event.end, end_zone=event.end_zone,
        location=location(ln), geo=ln.geo, description=description(ln, tr) or None,
        status=STATUS[event.status], attendees=attendees(mission, event, public),
        categories=(event.kind,), transparent=not event.occupies,
        sequence=stamp[0], last_modified=stamp[1],
    )


def location(ln: Line) -> str | None:
    """'Venue – Room, address' or, for travel, 'From → To'."""
    if ln.place:
        return ln.place + (f", {ln.address}" if ln.address else "")
    if ln.route is not None:
        return f"{ln.route[0]} → {ln.route[1]}"
    return None


def description(ln: Line, tr: Translator | None = None) -> str:
    """Hosts with their contact, interpreters, transport, working language, notes; labelled
    in the reader's language (`tr`; English without)."""
    tr = tr or translator("en")

    def row(label: str, value: str) -> str:
        return f"{tr.colon(label)} {value}"

    rows: list[str] = []
    if ln.route is not None and ln.place:
        rows.append(row(tr._("Route"), f"{ln.route[0]} → {ln.route[1]}"))
    if ln.transport:
        rows.append(row(tr._("By"), ln.transport))
    if ln.organisation:
        rows.append(row(tr._("Visiting"), ln.organisation))
    if ln.attending:
        rows.append(row(tr._("With"), "; ".join(ln.attending)))
    for h in ln.hosts:
        who = h.name + (f" ({h.role})" if h.role else "")
        rows.append(row(tr._("Host"), who + (f", {h.reach()}" if h.reach() else "")))
    if ln.host_org:
        rows.append(row(tr._("Contact"), ln.host_org))
    if ln.interpreters:
        rows.append(row(tr._("Interpreters"), ", ".join(ln.interpreters)))
    if ln.language:
        rows.append(row(tr._("Language"), ln.language))
    if ln.notes:
        rows.append(ln.notes.strip())
    return "\n".join(rows)


def attendees(mission: Mission, event: Event, public: bool
              ) -> tuple[tuple[str, str | None], ...]:
    """(name, e-mail) of everyone taking part, in the mission's order of people; worked out
    once per set of people (events repeat a team's)."""
    taking = mission.taking_part.get(event.id, frozenset())
    known = memo(mission)
    key = (attendees, taking, public)  # this function: a tag no other answer uses
    found = known.get(key)
    if found is None:
        out = []
        for pid in in_file_order(mission, taking):
            p = mission.people[pid]
            email = None if public and "email" in p.private else p.email
            out.append((p.name, email))
        found = known[key] = tuple(out)
    return found  # type: ignore[no-any-return]


def calendar(mission: Mission, events: Iterable[Event], name: str, *,
             stamp: datetime | None = None, public: bool = False,
             times: Times = "local",
             sequences: Mapping[str, tuple[int, datetime | None]] | None = None,
             lang: str = "en") -> bytes:
    """One VCALENDAR holding `events`; `times="utc"` writes UTC instants and no VTIMEZONE
    (`--times utc`); `sequences`: each event's SEQUENCE and LAST-MODIFIED; `lang`: the
    descriptions' labels."""
    from missionctl.export.ics import calendar_bytes

    seq = sequences or {}
    cal = [cal_event(mission, e, public, seq.get(e.id, (0, None)), lang) for e in events]
    return calendar_bytes(cal, name=name, dtstamp=dtstamp(mission, stamp), times=times)


def person_calendars(mission: Mission, events: Iterable[Event], people: Iterable[str], *,
                     stamp: datetime | None = None, public: bool = False,
                     times: Times = "local", lang: str = "en") -> dict[str, bytes]:
    """Person id -> their own calendar: the events among `events` they take part in.

    Each event is handed to its own people, once (not every event tested for every person:
    that was O(people x events))."""
    wanted: dict[str, list[Event]] = {pid: [] for pid in people}
    for e in events:
        for pid in mission.taking_part.get(e.id, ()):
            mine = wanted.get(pid)
            if mine is not None:
                mine.append(e)
    out: dict[str, bytes] = {}
    for pid, mine in wanted.items():
        name = f"{mission.info.title} – {mission.people[pid].name}"
        out[pid] = calendar(mission, mine, name, stamp=stamp, public=public, times=times,
                            lang=lang)
    return out


def calendar_name(mission: Mission, sel: Selection) -> str:
    """'Title', 'Title – Ana Silva', 'Title – Acme', 'Title – Team, 2027-05-11'."""
    from missionctl.views.people import group_name

    parts = [mission.info.title]
    if sel.person is not None:
        parts.append(mission.people[sel.person].name)
    elif sel.org is not None:
        parts.append(mission.organisations[sel.org].name)
    elif sel.group is not None:
        parts.append(group_name(mission, sel.group))
    name = " – ".join(parts)
    return f"{name}, {sel.day.isoformat()}" if sel.day is not None else name


def _itinerary(p: Programme, options: Options) -> bytes:
    """The selection's events as one calendar (findings are not shown in a calendar), its
    multilingual texts in `Options.lang`."""
    from dataclasses import replace

    from missionctl.views.localise import localised

    p = replace(p, mission=localised(p.mission, options.lang))
    return calendar(p.mission, p.events(), calendar_name(p.mission, p.selection),
                    stamp=options.dtstamp, public=options.public, times=times(options.times),
                    sequences=options.sequences, lang=options.lang)


def times(value: str) -> Times:
    """`Options.times` checked: 'local' or 'utc'."""
    if value == "local":
        return "local"
    if value == "utc":
        return "utc"
    raise ValueError(f"times must be 'local' or 'utc', not {value!r}")


VIEWS = {"itinerary": _itinerary}
