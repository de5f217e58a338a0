"""From a mission and the command's options to the bytes or text to write, per format.

The one place that knows which module renders which format; the commands in
`missionctl.cli.views` only parse options and write. Every renderer is imported when used, so
`missionctl check` never pays for rich, icalendar or vobject.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from missionctl.errors import UserError
from missionctl.model import Mission
from missionctl.views.flags import Flag, flags_by_event
from missionctl.views.select import Selection, people_in_view, select_events

if TYPE_CHECKING:
    from missionctl.views.itinerary import Itinerary

ITINERARY_FORMATS = ("text", "markdown", "html", "ics", "csv", "json")
CONTACT_FORMATS = ("text", "markdown", "html", "csv", "vcf", "json")
VIEWS = ("list", "timeline")
TIMELINE_FORMATS = ("text", "markdown", "html")
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "ics": "ics", "csv": "csv",
              "json": "json", "vcf": "vcf"}


@dataclass(frozen=True, slots=True)
class Options:
    format: str = "text"
    view: str = "list"
    public: bool = False
    width: int = 100
    colour: bool = False
    dtstamp: datetime | None = None


def check_options(opts: Options) -> None:
    if opts.format not in ITINERARY_FORMATS:
        raise UserError(f"--format {opts.format!r} is not one of: "
                        + ", ".join(ITINERARY_FORMATS))
    if opts.view not in VIEWS:
        raise UserError(f"--view {opts.view!r} is not one of: " + ", ".join(VIEWS))
    if opts.view == "timeline" and opts.format not in TIMELINE_FORMATS:
        raise UserError("--view timeline is drawn in text, markdown or html, not "
                        f"{opts.format}")


Flags = Mapping[str, tuple[Flag, ...]]


def itinerary(mission: Mission, sel: Selection, opts: Options,
              flags: Flags | None = None) -> str | bytes:
    """The itinerary (or timeline) of `sel` in `opts.format`. `flags` (from
    `flags_by_event`) may be passed in when several views of one mission are made."""
    if opts.format == "ics" and opts.view == "list":
        return _ics(mission, sel, opts)
    flags = flags_by_event(mission) if flags is None else flags
    if opts.view == "timeline":
        return _timeline(mission, sel, opts, flags)
    if opts.format == "json":
        from missionctl.export import json_

        return json_.itinerary(mission, select_events(mission, sel), sel, flags, opts.public)
    from missionctl.views import itinerary as build

    fold = False if opts.format == "csv" else None
    return _list(build.build(mission, sel, flags, opts.public, fold=fold), opts)


def _list(it: Itinerary, opts: Options) -> str:
    if opts.format == "text":
        from missionctl.views import terminal

        return terminal.itinerary(it, opts.width, opts.colour)
    import importlib

    module = {"markdown": "markdown", "html": "html", "csv": "csv_"}[opts.format]
    text: str = importlib.import_module(f"missionctl.export.{module}").itinerary(it)
    return text


def _timeline(mission: Mission, sel: Selection, opts: Options, flags: Flags) -> str:
    from missionctl.views import timeline

    tl = timeline.build(mission, sel, flags)
    if opts.format == "html":
        from missionctl.export import html

        return html.timeline(tl)
    from missionctl.views import terminal

    if opts.format == "markdown":
        from missionctl.export import markdown

        return markdown.timeline(tl, terminal.timeline(tl, opts.width, False))
    return terminal.timeline(tl, opts.width, opts.colour)


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


def _ics(mission: Mission, sel: Selection, opts: Options) -> bytes:
    from missionctl.export import calendar

    return calendar.calendar(mission, select_events(mission, sel), calendar_name(mission, sel),
                             stamp=opts.dtstamp, public=opts.public)


def per_person(mission: Mission, sel: Selection) -> list[str]:
    """Whose files `--per-person` writes: the people of the selection (whole mission:
    everyone taking part in a selected event), in the mission's order."""
    from missionctl.views.people import in_file_order

    events = select_events(mission, sel)
    busy = frozenset().union(*(mission.taking_part.get(e.id, frozenset()) for e in events))
    chosen = people_in_view(mission, sel)
    return in_file_order(mission, busy if chosen is None else busy & chosen)


def contacts(mission: Mission, event: str | None, sel: Selection, org: str | None,
             opts: Options) -> str:
    from missionctl.views import contacts as build

    sheet = build.build(mission, event=event, day=sel.day, org=org, public=opts.public)
    if opts.format == "text":
        from missionctl.views import terminal

        return terminal.contacts(sheet, opts.width, opts.colour)
    module = {"markdown": "markdown", "html": "html", "csv": "csv_", "vcf": "vcard",
              "json": "json_"}[opts.format]
    import importlib

    render = importlib.import_module(f"missionctl.export.{module}").contacts
    text: str = render(sheet)
    return text
