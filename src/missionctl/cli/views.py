"""`missionctl itinerary PATH` and `missionctl contacts PATH`: thin commands over
`missionctl.views.render`."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from missionctl.loader import Loaded
    from missionctl.model import Mission
    from missionctl.views.render import Options
    from missionctl.views.select import Selection

PathArg = Annotated[Path, typer.Argument(help="A mission file, or a directory holding one.",
                                         show_default=False)]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE "
                                             "(atomically) instead of standard output.")]
Day = Annotated[str | None, typer.Option("--day", help="Only this day (YYYY-MM-DD).")]
Public = Annotated[bool, typer.Option("--public", help="Leave out every field a person "
                                      "lists in `private` (for sheets that are shared).")]
Width = Annotated[int | None, typer.Option("--width", help="Text width (default: the "
                                           "terminal's, else 100).", min=40, max=400)]


def itinerary(
    path: PathArg,
    person: Annotated[str | None, typer.Option("--person", help="One person's agenda.")] = None,
    org: Annotated[str | None, typer.Option("--org", help="What one organisation's people "
                                            "attend, and visits to it.")] = None,
    group: Annotated[str | None, typer.Option("--group", help="What a group's members "
                                              "attend.")] = None,
    day: Day = None,
    view: Annotated[str, typer.Option("--view", help="list (day by day) or timeline (one "
                                      "row per person or group, hours across).")] = "list",
    format: Annotated[str, typer.Option("--format", "-f", help="text, markdown, html, ics, "
                                        "csv or json.")] = "text",
    output: Output = None,
    per_person: Annotated[Path | None, typer.Option(
        "--per-person", help="Write one file per person into DIR (<person-id>.<ext>), e.g. "
        "one calendar each with --format ics.")] = None,
    public: Public = False,
    width: Width = None,
    dtstamp: Annotated[str | None, typer.Option(
        "--dtstamp", help="ICS DTSTAMP, ISO 8601 with offset (default: SOURCE_DATE_EPOCH, "
        "else 00:00 UTC on the mission's first day).")] = None,
) -> int:
    """The programme day by day: whole mission, or one person, organisation, group or day."""
    from missionctl.cli.common import emit, use_colour
    from missionctl.errors import UserError
    from missionctl.views import render
    from missionctl.views.select import make_selection

    opts = render.Options(format, view, public, _width(width, output), False, _stamp(dtstamp))
    render.check_options(opts)
    if per_person is not None and output is not None:
        raise UserError("give either --output or --per-person, not both")
    mission = _load(path)
    if mission is None:
        return 1
    sel = make_selection(mission, person, org, group, day)
    if per_person is not None:
        return _per_person(mission, sel, opts, per_person)
    colour = format == "text" and use_colour(output)
    emit(render.itinerary(mission, sel, _with_colour(opts, colour)), output)
    return 0


def contacts(
    path: PathArg,
    event: Annotated[str | None, typer.Option("--event", help="The people of one event.")]
    = None,
    day: Day = None,
    org: Annotated[str | None, typer.Option("--org", help="The people of one "
                                            "organisation.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text, markdown, html, csv, "
                                        "vcf or json.")] = "text",
    output: Output = None,
    public: Public = False,
    width: Width = None,
) -> int:
    """Contact sheet: the duty contact, emergency numbers, embassies, then people by
    organisation."""
    from missionctl.cli.common import emit, use_colour
    from missionctl.errors import UserError
    from missionctl.views import render
    from missionctl.views.select import check_event_id, make_selection

    if format not in render.CONTACT_FORMATS:
        raise UserError(f"--format {format!r} is not one of: "
                        + ", ".join(render.CONTACT_FORMATS))
    mission = _load(path)
    if mission is None:
        return 1
    check_event_id(mission, event)
    sel = make_selection(mission, org=org, day=day)
    colour = format == "text" and use_colour(output)
    opts = render.Options(format, "list", public, _width(width, output), colour)
    emit(render.contacts(mission, event, sel, org, opts), output)
    return 0


def _width(width: int | None, output: Path | None) -> int:
    if width is not None:
        return width
    if output is None and sys.stdout.isatty():
        import shutil

        return max(40, shutil.get_terminal_size((100, 24)).columns)
    return 100


def _stamp(text: str | None) -> datetime | None:
    from missionctl.errors import UserError

    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        raise UserError(f"--dtstamp {text!r} is not an ISO 8601 date-time with an offset "
                        "(e.g. 2027-04-01T09:00:00Z)")
    return value


def _with_colour(opts: Options, colour: bool) -> Options:
    from dataclasses import replace

    return replace(opts, colour=colour)


def _load(path: Path) -> Mission | None:
    """The mission at `path` (a file, or a directory holding exactly one); None after
    printing its format findings (as `check` does) to standard error."""
    from missionctl.cli.common import mission_file
    from missionctl.errors import UserError
    from missionctl.loader import load

    path = mission_file(path)
    loaded = load(path, str(path))
    if not loaded.is_mission:
        raise UserError(f"{path} is not a mission file (no 'mission:' key)")
    if loaded.ok and loaded.mission is not None:
        return loaded.mission
    _print_findings(loaded)
    return None


def _print_findings(loaded: Loaded) -> None:
    import os

    from missionctl import report
    from missionctl.linter import lint_loaded

    rep = lint_loaded(loaded)
    colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    sys.stderr.write(report.get("text")([rep], report.Options(color=colour)))


def _per_person(mission: Mission, sel: Selection, opts: Options, folder: Path) -> int:
    from dataclasses import replace

    from missionctl.cli.common import emit
    from missionctl.views import render
    from missionctl.views.flags import flags_by_event

    people = render.per_person(mission, sel)
    flags = None if opts.format == "ics" else flags_by_event(mission)
    folder.mkdir(parents=True, exist_ok=True)
    ext = render.EXTENSIONS[opts.format]
    for pid in people:
        mine = replace(sel, person=pid, org=None, group=None)
        emit(render.itinerary(mission, mine, opts, flags), folder / f"{pid}.{ext}")
    print(f"missionctl: wrote {len(people)} file(s) to {folder}", file=sys.stderr)
    return 0
