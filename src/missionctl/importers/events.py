"""`missionctl import events`: an ICS calendar or a frab/pretalx schedule -> a generated include
file of events (and, for a schedule, the venue with its rooms). A plain result, no printing.

Readers: `ics.py` (ICS), `schedules.py` (frab XML, frab/pretalx JSON); the mapping into the
mission: `programme.py`. The file is the import's own, as for `import people` (`output.py`).

The venue. `--venue ID` naming a venue the author defines: events go there, and a source room
is that venue's room when its id or name matches (else it is named in the notes and
reported). `--venue ID` naming no venue, or a schedule without `--venue`: the import writes
the venue (id from `--venue`, else the conference's acronym or title), with the schedule's
rooms as its rooms and the conference's zone as its zone. An ICS calendar without `--venue`
gives events without a venue (their LOCATION in the notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from missionctl.errors import UserError
from missionctl.importers import output
from missionctl.importers.items import Source
from missionctl.importers.names import Ids, slug
from missionctl.importers.programme import EVENT_ORDER, Kept, Place, Placed, keep_ids, place

if TYPE_CHECKING:
    from missionctl.model import Mission

DEFAULT_OUTPUT = "imported-events.yaml"
VENUE_ORDER = ("name", "timezone", "rooms")


@dataclass(slots=True)
class EventsResult:
    mission_file: Path
    output: Path
    source: Source
    placed: Placed
    kept: Kept
    window: tuple[date, date]
    venue: str | None = None
    venue_written: dict[str, Any] | None = None  # the venue the import writes, if any
    text: str = ""
    written: bool = False
    unchanged_file: bool = False
    included: bool = False
    include_hint: str | None = None

    zone: str = ""

    def venue_zone(self) -> str:
        return self.zone

    @property
    def skipped(self) -> int:
        return len(self.source.problems) + len(self.placed.problems)


def _within_reach(span: tuple[date, date], start: date, end: date) -> None:
    """--from/--to no further from the mission's dates than `check` accepts events (MC003,
    loader/bounds.py): an import never writes a file the mission then rejects. A day less
    than `NEAR` each side, as `check` bounds UTC days and a local day may straddle two."""
    from datetime import timedelta

    from missionctl.loader.bounds import NEAR

    reach = NEAR - timedelta(days=1)
    if span[0] < start - reach:
        raise UserError(f"--from {span[0]} is more than two years before the mission starts "
                        f"({start}); import from {start - reach} on")
    if span[1] > end + reach:
        raise UserError(f"--to {span[1]} is more than two years after the mission ends "
                        f"({end}); import up to {end + reach}")


def run(path: Path, mission_path: Path, *, output_path: Path | None = None,
        venue: str | None = None, first: date | None = None, last: date | None = None,
        kind: str | None = None, dry_run: bool = False, force: bool = False) -> EventsResult:
    """Import the events of `path` into the mission at `mission_path`."""
    from missionctl.importers.readers import read_bytes
    from missionctl.missions import mission_file, open_mission
    from missionctl.netcmd.common import real_files

    file = mission_file(mission_path)
    target = output_path if output_path is not None else file.parent / DEFAULT_OUTPUT
    output.check_target(target, "events", (), force)
    _, mission, pending = open_mission(file, creating=target)
    span = (first or mission.info.start, last or mission.info.end)
    if span[1] < span[0]:
        raise UserError(f"--to {span[1]} is before --from {span[0]}")
    _within_reach(span, mission.info.start, mission.info.end)
    source = read_source(read_bytes(path, path.name), path.name, span)
    if kind is not None:
        source.default_kind = kind
    own = real_files(mission).get(target.resolve())
    previous = output.read_previous(target, "events")
    where, written_venue = _venue(mission, own, source, venue, span)
    placed = place(source, where)
    placed.outside += source.outside
    authors = {(str(e.extra["x-uid"]), str(e.extra.get("x-recurrence-id", ""))):
               (e.id, str(e.loc)) for e in mission.events.values()
               if e.loc.file != own and e.extra.get("x-uid")}
    kept = keep_ids(placed, previous["events"], authors,
                    Ids(taken={*mission.events, *previous["events"]}))
    result = EventsResult(file, target, source, placed, kept, span, where.venue, written_venue,
                          zone=where.zone)
    result.text = render(source, written_venue, where.venue, kept.events)
    output.settle(result, file, target, "events", included=own is not None or pending,
                  mission_files=mission.files, force=force, dry_run=dry_run)
    return result


def read_source(data: bytes, name: str, span: tuple[date, date]) -> Source:
    """The items of an ICS calendar, a frab schedule.xml or a frab/pretalx JSON export."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.upper().startswith(b"BEGIN:VCALENDAR"):
        from missionctl.importers.ics import read_ics

        return read_ics(data, name, span)
    if head.startswith(b"<"):
        from missionctl.importers.schedules import read_frab_xml

        return read_frab_xml(data, name)
    if head.startswith(b"{"):
        from missionctl.importers.schedules import read_schedule_json

        return read_schedule_json(data, name)
    what = "is empty" if not head else "is not a calendar or a schedule"
    raise UserError(f"{name} {what}; missionctl imports events from an ICS calendar (.ics), a "
                    "frab schedule.xml or a frab/pretalx schedule JSON export")


def _venue(mission: Mission, own: str | None, source: Source, wanted: str | None,
           span: tuple[date, date]) -> tuple[Place, dict[str, Any] | None]:
    """Where the events go, and the venue the import writes (None: the author's, or none)."""
    from missionctl import values
    from missionctl.importers.programme import window

    ident = wanted
    if ident is None and source.rooms:
        ident = slug(source.acronym or source.title or Path(source.name).stem, "venue")
    if ident is not None:
        try:
            values.ident(ident)
        except values.Invalid as exc:
            raise UserError(f"--venue: {exc}") from None
    theirs = mission.venues.get(ident) if ident else None
    if theirs is not None and theirs.loc.file != own:
        rooms = {}
        for room in theirs.rooms.values():
            rooms[room.id] = room.id
            if room.name:
                rooms[room.name] = room.id
        return Place(theirs.timezone, window(*span, mission.info.timezone), ident,
                     rooms, source.default_kind), None
    zone = mission.info.timezone
    written: dict[str, Any] | None = None
    rooms = {}
    if ident is not None:
        from missionctl import tz

        if source.zone and source.zone in tz.available_zones():
            zone = source.zone
        room_ids = Ids()
        written_rooms = {}
        for name in source.rooms:
            rooms[name] = room_ids.new(slug(name, "room"))
            written_rooms[rooms[name]] = {"name": name}
        written = {"name": source.title or ident,
                   "timezone": zone if zone != mission.info.timezone else None,
                   "rooms": written_rooms}
    return Place(zone, window(*span, mission.info.timezone), ident, rooms,
                 source.default_kind), written


def render(source: Source, venue: dict[str, Any] | None, venue_id: str | None,
           events: dict[str, dict[str, Any]]) -> str:
    from missionctl.importers.yamltext import key, scalar, section

    lines = [
        f"{output.marker('events')} from {source.name} ({source.kind}).",
        "# Importing again rewrites this whole file, updating each event by its UID (x-uid).",
        "# Add `attendees` in a file of your own? Move the event there (same id, with its",
        "# x-uid): the import then leaves it alone.",
        "",
    ]
    if venue is not None and venue_id is not None:
        lines += ["venues:", f"  {key(venue_id)}:", f"    name: {scalar(venue['name'])}"]
        if venue.get("timezone"):
            lines.append(f"    timezone: {venue['timezone']}")
        if venue["rooms"]:
            lines.append("    rooms:")
            lines += [f"      {key(r)}: {{name: {_flow(v['name'])}}}"
                      for r, v in venue["rooms"].items()]
        lines.append("")
    in_time = sorted(events.items(), key=lambda e: (str(e[1].get("start")), e[0]))
    lines += section("events", dict(in_time), EVENT_ORDER)
    return "\n".join(lines) + "\n"


def _flow(text: str) -> str:
    """A scalar inside a flow mapping: quoted when it holds a flow indicator too."""
    from missionctl.importers.yamltext import quoted, scalar

    plain = scalar(text)
    return plain if not any(c in plain for c in ",{}[]") else quoted(text)
