"""The operational sheets (`missionctl sheets PATH KIND`) as tables: what a hotel, a caterer,
a driver and the badge printer need, each built in one pass over the events.

- `rooming`: per hotel and night (from `stay` events), who sleeps there, with each guest's
  check-in (first night) and check-out (the morning after the last night) at that hotel.
- `dietary`: per meal event, the number of people, then each dietary need with who has it.
- `manifest`: per travel leg, the passengers with their phone numbers, the pick-up place and
  time, the carrier and reference. Private fields (a person's `private`) are left out unless
  the driver's copy is asked for (`driver=True`).
- `badges`: name, organisation and role of everyone taking part.

Cancelled events are left out. People are listed in the mission's file order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from missionctl.i18n import N_, Translator, translator
from missionctl.model import Event, Mission
from missionctl.views.people import contact, in_file_order
from missionctl.views.table import Cell, Column, Table

KINDS = ("rooming", "dietary", "manifest", "badges")

#: Each sheet's heading and column labels: every word of the sheets, in one place, marked
#: for the catalogs (`N_`) and translated when a sheet is built (`build(..., lang=)`).
HEADINGS = {
    "rooming": N_("Rooming list"), "dietary": N_("Dietary list"),
    "manifest": N_("Passenger manifest"), "badges": N_("Badges"),
}
DRIVER_COPY = N_("{heading} (driver's copy, private fields included)")
NO_NEED = N_("no dietary need stated")

Rows = tuple[tuple[Column, ...], list[tuple[Cell, ...]], int]


def build(mission: Mission, kind: str, *, driver: bool = False, lang: str = "en") -> Table:
    """The sheet `kind` (one of `KINDS`) of `mission`, in `lang`: headings, column labels,
    dates and the mission's multilingual texts (the columns' keys, read by programs, stay
    English)."""
    from missionctl.views.localise import localised
    from missionctl.wording import span_days

    tr = translator(lang)
    mission = localised(mission, lang)
    builders: dict[str, Callable[[Mission], Rows]] = {
        "rooming": _rooming, "dietary": lambda m: _dietary(m, tr), "badges": _badges,
        "manifest": lambda m: _manifest(m, driver, tr),
    }
    columns, rows, group = builders[kind](mission)
    info = mission.info
    heading = tr._(HEADINGS[kind])
    if kind == "manifest" and driver:
        heading = tr._(DRIVER_COPY).format(heading=heading)
    return Table(kind, info.id, info.title, heading, span_days(info.start, info.end, lang),
                 _labelled(columns, tr), tuple(rows), group, lang=lang)


def _labelled(columns: tuple[Column, ...], tr: Translator) -> tuple[Column, ...]:
    """The columns with their labels in the reader's language (the keys stay)."""
    if tr.lang == "en":
        return columns
    return tuple(replace(c, label=tr._(c.label)) for c in columns)


def _live(mission: Mission, kind: str) -> list[Event]:
    found = [e for e in mission.events.values() if e.kind == kind and not e.cancelled]
    return sorted(found, key=lambda e: (e.start, e.end, e.id))


def _venue_name(mission: Mission, vid: str | None) -> str | None:
    v = mission.venues.get(vid) if vid else None
    return v.name if v is not None else vid


def _org(mission: Mission, pid: str) -> str | None:
    oid = mission.people[pid].organisation
    o = mission.organisations.get(oid) if oid else None
    return o.name if o is not None else None


ROOMING = (Column("hotel", N_("Hotel")), Column("night", N_("Night"), "date"),
           Column("guest", N_("Guest")), Column("organisation", N_("Organisation")),
           Column("check_in", N_("Check-in"), "date"),
           Column("check_out", N_("Check-out"), "date"))


def _rooming(mission: Mission) -> Rows:
    nights: dict[str, dict[date, set[str]]] = {}  # hotel -> night -> guests
    hotels: dict[str, str] = {}  # venue id (or event id) -> name, in order of first night
    for e in _live(mission, "stay"):
        key = e.venue or e.id
        hotels.setdefault(key, _venue_name(mission, e.venue) or e.title)
        first = e.local_start().date()
        last = max(first, e.local_end().date() - timedelta(days=1))
        guests = mission.taking_part.get(e.id, frozenset())
        day = first
        while day <= last:
            nights.setdefault(key, {}).setdefault(day, set()).update(guests)
            day += timedelta(days=1)
    rows: list[tuple[Cell, ...]] = []
    for key, name in hotels.items():
        by_night = nights.get(key, {})
        stays: dict[str, list[date]] = {}
        for night in sorted(by_night):
            for pid in by_night[night]:
                stays.setdefault(pid, []).append(night)
        runs = {pid: _runs(ns) for pid, ns in stays.items()}
        for night in sorted(by_night):
            rows += [(name, night, mission.people[pid].name, _org(mission, pid),
                      *runs[pid][night]) for pid in in_file_order(mission, by_night[night])]
    return ROOMING, rows, 1


def _runs(nights: list[date]) -> dict[date, tuple[date, date]]:
    """Each night (sorted) -> (check-in, check-out) of its unbroken run of nights: the run's
    first night, and the morning after its last."""
    out: dict[date, tuple[date, date]] = {}
    run = [nights[0]]
    for night in [*nights[1:], None]:
        if night is not None and night == run[-1] + timedelta(days=1):
            run.append(night)
            continue
        span = (run[0], run[-1] + timedelta(days=1))
        out.update((n, span) for n in run)
        if night is not None:
            run = [night]
    return out


DIETARY = (Column("date", N_("Date"), "date"), Column("time", N_("Time"), "time"),
           Column("meal", N_("Meal")), Column("place", N_("Place")),
           Column("people", N_("People"), "number"), Column("need", N_("Dietary need")),
           Column("count", N_("Count"), "number"), Column("names", N_("Who")))


def _dietary(mission: Mission, tr: Translator) -> Rows:
    rows: list[tuple[Cell, ...]] = []
    for e in _live(mission, "meal"):
        ids = in_file_order(mission, mission.taking_part.get(e.id, frozenset()))
        needs: dict[str, list[str]] = {}
        for pid in ids:
            need = mission.people[pid].dietary
            if need:
                needs.setdefault(" ".join(need.split()), []).append(mission.people[pid].name)
        start = e.local_start()
        head: tuple[Cell, ...] = (start.date(), start.time(), e.title,
                                  _venue_name(mission, e.venue), len(ids))
        rows += [(*head, need, len(names), ", ".join(names))
                 for need, names in sorted(needs.items())]
        stated = sum(len(n) for n in needs.values())
        rows.append((*head, tr._(NO_NEED), len(ids) - stated, None))
    return DIETARY, rows, 5


MANIFEST = (Column("date", N_("Date"), "date"), Column("pickup_time", N_("Pick-up"), "time"),
            Column("leg", N_("Leg")), Column("pickup", N_("Pick-up place")),
            Column("to", N_("To")), Column("transport", N_("Transport")),
            Column("reference", N_("Reference"), "id"),
            Column("passenger", N_("Passenger")), Column("organisation", N_("Organisation")),
            Column("phone", N_("Phone"), "phone"))


def _manifest(mission: Mission, driver: bool, tr: Translator) -> Rows:
    from missionctl.views.itinerary import MODES

    rows: list[tuple[Cell, ...]] = []
    for e in _live(mission, "travel"):
        start = e.local_start()
        venue = mission.venues.get(e.from_) if e.from_ else None
        pickup = (", ".join(x for x in (venue.name, venue.address) if x) if venue is not None
                  else e.from_)
        transport = " · ".join(x for x in (tr._(MODES[e.mode]) if e.mode in MODES else e.mode,
                                          e.carrier) if x) or None
        head: tuple[Cell, ...] = (start.date(), start.time(), e.title, pickup,
                                  _venue_name(mission, e.to), transport, e.reference)
        for pid in in_file_order(mission, mission.taking_part.get(e.id, frozenset())):
            c = contact(mission, pid, public=not driver)
            rows.append((*head, c.name, c.organisation, c.phone))
    return MANIFEST, rows, 7


BADGES = (Column("name", N_("Name")), Column("organisation", N_("Organisation")),
          Column("role", N_("Role")), Column("person", N_("Id"), "id"))


def _badges(mission: Mission) -> Rows:
    busy = frozenset().union(*(mission.taking_part.get(e.id, frozenset())
                               for e in mission.events.values() if not e.cancelled))
    rows: list[tuple[Cell, ...]] = []
    for pid in in_file_order(mission, busy):
        c = contact(mission, pid, public=True)
        rows.append((c.name, c.organisation, c.role, pid))
    return BADGES, rows, 0


#: The columns of each sheet (`outputs.py` recognises a sheet's CSV by its header).
SHEET_COLUMNS = (ROOMING, DIETARY, MANIFEST, BADGES)
