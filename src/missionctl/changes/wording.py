"""One change as a sentence a person can act on: what is new, what it was, what to do.

Times are in the local time of the place (the event's zone, named when it is not the
mission's); days and times are written by `missionctl.wording`, as everywhere else. Every
sentence is a catalog message in the reader's language (`tr`, `Translator`): whole sentences
with placeholders where the words around a value change from one language to another.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import reduce

from missionctl.changes.diff import Change, Diff
from missionctl.i18n import N_, Translator, translator
from missionctl.model import Event, Mission
from missionctl.wording import and_list, clock, day_brief, day_full

FIELD_NAMES = {"title": N_("title"), "kind": N_("kind"), "mode": N_("transport"),
               "carrier": N_("carrier"), "reference": N_("booking reference"),
               "language": N_("language"), "organisation": N_("organisation visited"),
               "notes": N_("notes"), "status": N_("status"), "hosts": N_("hosts"),
               "interpreters": N_("interpreters")}
#: A person's own dates (`Change.about`).
ABOUT = {"arrival": N_("arrival"), "departure": N_("departure")}


def sentence(d: Diff, c: Change, tr: Translator | None = None) -> str:
    """The change as one sentence, for the person it is about, in `tr`'s language."""
    tr = tr or translator("en")
    _ = tr._
    if c.about is not None:
        return _dates(d, c, tr)
    old, new = c.old, c.new
    if c.change == "added" and new is not None:
        return _("New: {title}, {when}{at}. It is in your programme.").format(
            title=new.title, when=_when(new, d.new, tr), at=_at(d, d.new, new, tr))
    if c.change == "removed" and old is not None:
        return _("{title} ({when}) is no longer in the programme: take it out of your "
                 "plans.").format(title=old.title, when=_when(old, d.old, tr))
    assert old is not None and new is not None
    if c.change == "cancelled":
        return _("{title} ({when}) is cancelled: take it out of your plans.").format(
            title=new.title, when=_when(old, d.old, tr))
    if c.change == "reinstated":
        return _("{title} takes place after all: {when}{at}. It is back in your "
                 "programme.").format(title=new.title, when=_when(new, d.new, tr),
                                      at=_at(d, d.new, new, tr))
    if c.change == "people":
        if c.after.get("taking_part"):
            return _("You now take part in {title}, {when}{at}.").format(
                title=new.title, when=_when(new, d.new, tr), at=_at(d, d.new, new, tr))
        return _("You no longer take part in {title} ({when}).").format(
            title=old.title, when=_when(old, d.old, tr))
    if c.change == "time":
        return _moved(d, old, new, tr)
    if c.change == "place":
        return _placed(d, old, new, tr)
    return _details(d, c, new, tr)


def zone_suffix(zone: str, mission_zone: str, tr: Translator) -> str:
    """' (Europe/Lisbon time)' when the zone is not the mission's (a bare 10:00 would
    mislead), in the reader's language."""
    return "" if zone == mission_zone else " " + tr._("({zone} time)").format(zone=zone)


def _when(e: Event, m: Mission, tr: Translator) -> str:
    """'Wed 12 May 10:00–11:30', the zone named when it is not the mission's."""
    start, end = e.local_start(), e.local_end()
    last = (clock(end) if end.date() == start.date()
            else f"{day_brief(end.date(), tr.lang)} {clock(end)}")
    return (f"{day_brief(start.date(), tr.lang)} {clock(start)}–{last}"
            f"{zone_suffix(e.zone, m.info.timezone, tr)}")


def _at(d: Diff, m: Mission, e: Event, tr: Translator) -> str:
    """', at the hotel' (', from the airport' for a journey), or nothing."""
    place = where(m, e, d.table(m, e.id), tr)
    if not place:
        return ""
    if e.kind == "travel" and e.venue is None:
        return tr._(", from {place}").format(place=place)
    return tr._(", at {place}").format(place=place)


def where(m: Mission, e: Event, table: int | None = None,
          tr: Translator | None = None) -> str | None:
    """'Hôtel Atlantique Anfa – Ballroom, table 3' (a B2B meeting's `table`), or a journey's
    start."""
    from missionctl.views.itinerary import _place

    tr = tr or translator("en")
    if e.kind == "travel" and e.venue is None:
        return _venue_name(m, e.from_) if e.from_ else None
    text = _place(m.venues.get(e.venue) if e.venue else None, e.room)
    if table is not None:
        text = (tr._("{place}, table {table}").format(place=text, table=table) if text
                else tr._("table {table}").format(table=table))
    return text


def _venue_name(m: Mission, vid: str | None) -> str:
    v = m.venues.get(vid) if vid else None
    return v.name if v is not None else (vid or "?")


def _clock_then(now: datetime, was: datetime, tr: Translator) -> str:
    """'07:45', or 'Thu 13 May 07:45' when the day changed too."""
    return (clock(now) if now.date() == was.date()
            else f"{day_brief(now.date(), tr.lang)} {clock(now)}")


def _moved(d: Diff, old: Event, new: Event, tr: Translator) -> str:
    _ = tr._
    s0, s1 = old.local_start(), new.local_start()
    e0, e1 = old.local_end(), new.local_end()
    zone = zone_suffix(new.zone, d.new.info.timezone, tr)
    if new.kind == "travel":
        text = _("{title} now leaves at {time} (was {was}){zone}").format(
            title=new.title, time=_clock_then(s1, s0, tr), was=_clock_then(s0, s1, tr),
            zone=zone)
        if new.from_:
            text = _("{text} from {place}").format(text=text,
                                                    place=_venue_name(d.new, new.from_))
        if (e1 - s1) != (e0 - s0) or new.end_zone != new.zone:
            text = _("{text}, and arrives at {time} (was {was}){zone}").format(
                text=text, time=_clock_then(e1, e0, tr), was=_clock_then(e0, e1, tr),
                zone=zone_suffix(new.end_zone, d.new.info.timezone, tr))
        return _("{text}.").format(text=text)
    place = where(d.new, new, d.table(d.new, new.id), tr)
    text = _("{title} now starts at {start} (was {was_start}) and ends at {end} (was "
             "{was_end}){zone}").format(
        title=new.title, start=_clock_then(s1, s0, tr), was_start=_clock_then(s0, s1, tr),
        end=_clock_then(e1, e0, tr), was_end=_clock_then(e0, e1, tr), zone=zone)
    if place:
        return _("{text}: be at {place} by {time}.").format(text=text, place=place,
                                                            time=clock(s1))
    return _("{text}.").format(text=text)


def _placed(d: Diff, old: Event, new: Event, tr: Translator) -> str:
    _ = tr._
    when = _when(new, d.new, tr)
    if new.kind == "travel" and new.venue is None and old.venue is None:
        parts = []
        if old.from_ != new.from_:
            parts.append(_("now leaves from {now} (was {was})").format(
                now=_venue_name(d.new, new.from_), was=_venue_name(d.old, old.from_)))
        if old.to != new.to:
            parts.append(_("now goes to {now} (was {was})").format(
                now=_venue_name(d.new, new.to), was=_venue_name(d.old, old.to)))
        return _("{title} ({when}) {changes}.").format(
            title=new.title, when=when, changes=and_list(parts or [_("changed route")],
                                                         tr.lang))
    now = where(d.new, new, d.table(d.new, new.id), tr) or _("no set place")
    was = where(d.old, old, d.table(d.old, old.id), tr) or _("no set place")
    return _("{title} ({when}) is now at {now} (was {was}).").format(
        title=new.title, when=when, now=now, was=was)


def _details(d: Diff, c: Change, new: Event, tr: Translator) -> str:
    _ = tr._
    parts = []
    for name, now in c.after.items():
        was = c.before.get(name)
        field = _(FIELD_NAMES[name]) if name in FIELD_NAMES else name
        parts.append(_("{field} now {now} (was {was})").format(
            field=field, now=_shown(d.new, name, now, tr), was=_shown(d.old, name, was, tr)))
    joined = reduce(lambda a, b: _("{first}; {second}").format(first=a, second=b), parts)
    return _("{title} ({when}): {changes}.").format(
        title=new.title, when=_when(new, d.new, tr), changes=joined)


def _shown(m: Mission, name: str, value: object, tr: Translator) -> str:
    if value is None or value == [] or value == "":
        return tr._("none")
    if name in ("hosts", "interpreters") and isinstance(value, Iterable):
        return and_list([m.people[p].name if p in m.people else str(p) for p in value],
                        tr.lang)
    if name == "organisation" and isinstance(value, str):
        org = m.organisations.get(value)
        return org.name if org is not None else value
    text = str(value).strip()
    return tr._("“{text}”").format(text=text) if name in ("title", "notes") else text


def _dates(d: Diff, c: Change, tr: Translator) -> str:
    name = c.about or ""
    zone = d.new.info.timezone
    now, was = c.after.get(name), c.before.get(name)
    about = tr._(ABOUT[name]) if name in ABOUT else name
    return tr._("Your {about} is now {now} (was {was}); check your tickets and "
                "transfers.").format(about=about, now=_stamp(now, zone, tr),
                                     was=_stamp(was, zone, tr))


def _stamp(text: object, zone: str, tr: Translator) -> str:
    if not isinstance(text, str):
        return tr._("not set")
    t = datetime.fromisoformat(text)
    return f"{day_full(t.date(), tr.lang)} {clock(t)}"
