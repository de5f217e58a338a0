"""`missionctl import people | events`: bring registrations and programmes into a mission.

Thin: parse options, call `missionctl.importers`, say what happened. The spreadsheet and
calendar libraries (openpyxl, python-calamine, icalendar, recurring-ical-events) load inside
the importers, never at start-up. What the import did goes to standard output; the rows it
skipped, each with its sheet, row and column, to standard error. Exit 1 when rows or events
were skipped (the file is written all the same: a bad row never stops the import).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from missionctl.cli.metavars import Readable

app = typer.Typer(
    name="import",
    help="Bring people from a registration spreadsheet, or events from a calendar or a "
         "conference schedule, into a generated file the mission includes.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

MissionOpt = Annotated[Path, typer.Option(
    "--mission", "-m", metavar="PATH", help="The mission file (or a directory holding one).",
    show_default=False)]
DryRun = Annotated[bool, typer.Option(
    "--dry-run", help="Show what would be added, changed and removed; write nothing.")]
Force = Annotated[bool, typer.Option(
    "--force", help="Replace the output file even if missionctl did not write it (never one "
    "of the mission's own files).")]


def _say(text: str = "", *, err: bool = False) -> None:
    print(text, file=sys.stderr if err else sys.stdout)


@app.command("people", cls=Readable)
def people(
    spreadsheet: Annotated[Path, typer.Argument(
        metavar="SPREADSHEET", help="The registration spreadsheet: .xlsx, .ods, .xls or .csv.",
        show_default=False)],
    mission: MissionOpt,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="The include file to write (default: "
        "imported-people.yaml beside the mission file).")] = None,
    map_: Annotated[list[str] | None, typer.Option(
        "--map", metavar="COLUMN=FIELD", help="Read a column (its header, or its letter) as "
        "a field: name, first_name, last_name, organisation, role, email, mobile, phone, "
        "country, languages, arrival, departure, dietary, notes, or ignore. Repeatable.")]
    = None,
    sheet: Annotated[str | None, typer.Option(
        "--sheet", metavar="NAME", help="The sheet to read (default: the first).")] = None,
    side: Annotated[str | None, typer.Option(
        "--side", metavar="SIDE", help="The side everyone imported is on: delegate "
        "(default), host, organiser, speaker, interpreter, guest or crew.")] = None,
    dry_run: DryRun = False,
    force: Force = False,
) -> int:
    """People and organisations from a registration spreadsheet, into an include file."""
    from missionctl.errors import UserError
    from missionctl.importers import people as cmd
    from missionctl.model import SIDES

    if side is not None and side not in SIDES:
        raise UserError(f"--side '{side}': use one of {', '.join(SIDES)}")
    r = cmd.run(spreadsheet, mission, output_path=output, maps=map_ or [], sheet=sheet,
                dry_run=dry_run, force=force, side=side)
    from missionctl.cli.import_report import people_lines

    for line, err in people_lines(r, dry_run=dry_run):
        _say(line, err=err)
    return 1 if r.skipped_rows else 0


@app.command("events", cls=Readable)
def events(
    file: Annotated[Path, typer.Argument(
        metavar="FILE", help="An ICS calendar (.ics), a frab schedule.xml or a frab/pretalx "
        "schedule JSON export.", show_default=False)],
    mission: MissionOpt,
    venue: Annotated[str | None, typer.Option(
        "--venue", metavar="ID", help="The venue the events are at: one of the mission's "
        "(its rooms are matched by name), or a new id the import writes with the schedule's "
        "rooms (default for a schedule: its acronym).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="The include file to write (default: "
        "imported-events.yaml beside the mission file).")] = None,
    first: Annotated[str | None, typer.Option(
        "--from", metavar="DATE", help="First day to import (default: the mission's start), "
        "YYYY-MM-DD.")] = None,
    last: Annotated[str | None, typer.Option(
        "--to", metavar="DATE", help="Last day to import (default: the mission's end), "
        "YYYY-MM-DD.")] = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", metavar="KIND", help="The kind of events whose type says none (default: "
        "presentation for a schedule, other for a calendar).")] = None,
    dry_run: DryRun = False,
    force: Force = False,
) -> int:
    """Events from an ICS calendar or a frab/pretalx schedule, into an include file."""
    from missionctl import values
    from missionctl.errors import UserError
    from missionctl.importers import events as cmd
    from missionctl.model import EVENT_KINDS

    if kind is not None and kind not in EVENT_KINDS:
        raise UserError(f"--kind '{kind}': use one of {', '.join(EVENT_KINDS)}")
    try:
        days = [values.a_date(d) if d else None for d in (first, last)]
    except values.Invalid as exc:
        raise UserError(f"--from/--to: {exc}") from None
    r = cmd.run(file, mission, output_path=output, venue=venue, first=days[0], last=days[1],
                kind=kind, dry_run=dry_run, force=force)
    from missionctl.cli.import_report import events_lines

    for line, err in events_lines(r, dry_run=dry_run):
        _say(line, err=err)
    return 1 if r.skipped else 0
