"""One change as a sentence a person can act on: what is new, what it was, what to do.

Times are in the local time of the place (the event's zone, named when it is not the
mission's); days and times are written by `missionctl.wording`, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from missionctl.changes.diff import Change, Diff
from missionctl.model import Event, Mission
from missionctl.wording import and_list, clock, day_brief, day_full, zone_suffix

FIELD_NAMES = {"title": "title", "kind": "kind", "mode": "transport", "carrier": "carrier",
               "reference": "booking reference", "language": "language",
               "organisation": "organisation visited", "notes": "notes", "status": "status",
               "hosts": "hosts", "interpreters": "interpreters"}


def sentence(d: Diff, c: Change) -> str:
    """The change as one sentence, for the person it is about."""
    if c.about is not None:
        return _dates(d, c)
    old, new = c.old, c.new
    if c.change == "added" and new is not None:
        return (f"New: {new.title}, {_when(new, d.new)}{_at(d, d.new, new)}. It is in your "
                "programme.")
    if c.change == "removed" and old is not None:
        return (f"{old.title} ({_when(old, d.old)}) is no longer in the programme: take it "
                "out of your plans.")
    assert old is not None and new is not None
    if c.change == "cancelled":
        return f"{new.title} ({_when(old, d.old)}) is cancelled: take it out of your plans."
    if c.change == "reinstated":
        return (f"{new.title} takes place after all: {_when(new, d.new)}{_at(d, d.new, new)}. "
                "It is back in your programme.")
    if c.change == "people":
        if c.after.get("taking_part"):
            return f"You now take part in {new.title}, {_when(new, d.new)}{_at(d, d.new, new)}."
        return f"You no longer take part in {old.title} ({_when(old, d.old)})."
    if c.change == "time":
        return _moved(d, old, new)
    if c.change == "place":
        return _placed(d, old, new)
    return _details(d, c, new)


def _when(e: Event, m: Mission) -> str:
    """'Wed 12 May 10:00–11:30', the zone named when it is not the mission's."""
    start, end = e.local_start(), e.local_end()
    last = clock(end) if end.date() == start.date() else f"{day_brief(end.date())} {clock(end)}"
    return f"{day_brief(start.date())} {clock(start)}–{last}{zone_suffix(e.zone, m.info.timezone)}"


def _at(d: Diff, m: Mission, e: Event) -> str:
    place = where(m, e, d.table(m, e.id))
    return f", {'from' if e.kind == 'travel' and e.venue is None else 'at'} {place}" \
        if place else ""


def where(m: Mission, e: Event, table: int | None = None) -> str | None:
    """'Hôtel Atlantique Anfa – Ballroom, table 3' (a B2B meeting's `table`), or a journey's
    start."""
    from missionctl.views.itinerary import _place

    if e.kind == "travel" and e.venue is None:
        return _venue_name(m, e.from_) if e.from_ else None
    text = _place(m.venues.get(e.venue) if e.venue else None, e.room)
    if table is not None:
        text = f"{text}, table {table}" if text else f"table {table}"
    return text


def _venue_name(m: Mission, vid: str | None) -> str:
    v = m.venues.get(vid) if vid else None
    return v.name if v is not None else (vid or "?")


def _clock_then(now: datetime, was: datetime) -> str:
    """'07:45', or 'Thu 13 May 07:45' when the day changed too."""
    return clock(now) if now.date() == was.date() else f"{day_brief(now.date())} {clock(now)}"


def _moved(d: Diff, old: Event, new: Event) -> str:
    s0, s1 = old.local_start(), new.local_start()
    e0, e1 = old.local_end(), new.local_end()
    zone = zone_suffix(new.zone, d.new.info.timezone)
    if new.kind == "travel":
        text = (f"{new.title} now leaves at {_clock_then(s1, s0)} (was {_clock_then(s0, s1)})"
                f"{zone}")
        if new.from_:
            text += f" from {_venue_name(d.new, new.from_)}"
        if (e1 - s1) != (e0 - s0) or new.end_zone != new.zone:
            text += (f", and arrives at {_clock_then(e1, e0)} (was {_clock_then(e0, e1)})"
                     f"{zone_suffix(new.end_zone, d.new.info.timezone)}")
        return text + "."
    place = where(d.new, new, d.table(d.new, new.id))
    text = (f"{new.title} now starts at {_clock_then(s1, s0)} (was {_clock_then(s0, s1)}) and "
            f"ends at {_clock_then(e1, e0)} (was {_clock_then(e0, e1)}){zone}")
    return text + (f": be at {place} by {clock(s1)}." if place else ".")


def _placed(d: Diff, old: Event, new: Event) -> str:
    when = _when(new, d.new)
    if new.kind == "travel" and new.venue is None and old.venue is None:
        parts = []
        if old.from_ != new.from_:
            parts.append(f"now leaves from {_venue_name(d.new, new.from_)} "
                         f"(was {_venue_name(d.old, old.from_)})")
        if old.to != new.to:
            parts.append(f"now goes to {_venue_name(d.new, new.to)} "
                         f"(was {_venue_name(d.old, old.to)})")
        return f"{new.title} ({when}) {and_list(parts or ['changed route'])}."
    now = where(d.new, new, d.table(d.new, new.id)) or "no set place"
    was = where(d.old, old, d.table(d.old, old.id)) or "no set place"
    return f"{new.title} ({when}) is now at {now} (was {was})."


def _details(d: Diff, c: Change, new: Event) -> str:
    parts = []
    for name, now in c.after.items():
        was = c.before.get(name)
        parts.append(f"{FIELD_NAMES.get(name, name)} now {_shown(d.new, name, now)} "
                     f"(was {_shown(d.old, name, was)})")
    return f"{new.title} ({_when(new, d.new)}): {'; '.join(parts)}."


def _shown(m: Mission, name: str, value: object) -> str:
    if value is None or value == [] or value == "":
        return "none"
    if name in ("hosts", "interpreters") and isinstance(value, Iterable):
        return and_list([m.people[p].name if p in m.people else str(p) for p in value])
    if name == "organisation" and isinstance(value, str):
        org = m.organisations.get(value)
        return org.name if org is not None else value
    text = str(value).strip()
    return f"“{text}”" if name in ("title", "notes") else text


def _dates(d: Diff, c: Change) -> str:
    name = c.about or ""
    zone = d.new.info.timezone
    now, was = c.after.get(name), c.before.get(name)
    return (f"Your {name} is now {_stamp(now, zone)} (was {_stamp(was, zone)}); check your "
            "tickets and transfers.")


def _stamp(text: object, zone: str) -> str:
    if not isinstance(text, str):
        return "not set"
    t = datetime.fromisoformat(text)
    return f"{day_full(t.date())} {clock(t)}"
