"""`missionctl itinerary PATH` and `missionctl contacts PATH`: thin commands over the view
models (`missionctl.views`) and the renderers (`missionctl.render`).

The `--format` choices are the registry's; a mission with format errors raises `FormatErrors`
(`missions.open_mission`), which `cli/app.py` prints as `check` does, exit 1. The commands'
bodies are in `cli/viewing.py` (no Typer there), which the fast path (`cli/fast.py`) calls too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from missionctl import render
from missionctl.cli.common import Force

if TYPE_CHECKING:
    ItineraryFormat = str
    ContactsFormat = str
    View = str
    TimesChoice = str
    PaperChoice = str
    LangChoice = str
else:  # the registry's formats, as choices the option parser enforces
    from typing import Literal

    ItineraryFormat = render.choice("itinerary")
    ContactsFormat = render.choice("contacts")
    View = Literal["list", "timeline"]
    TimesChoice = Literal["local", "utc"]
    PaperChoice = Literal["a4", "letter"]
    LangChoice = Literal["en", "pt", "fr", "ar"]  # i18n.SUPPORTED (a test keeps them equal)

PathArg = Annotated[Path, typer.Argument(help="A mission file, or a directory holding one.",
                                         show_default=False)]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE "
                                             "(atomically) instead of standard output.")]
Day = Annotated[str | None, typer.Option("--day", help="Only this day: YYYY-MM-DD, or today "
                                         "or tomorrow in the mission's time zone.")]
Paper = Annotated[PaperChoice, typer.Option("--paper", help="PDF paper size: a4 (the "
                                            "default) or letter (US Letter).")]
Public = Annotated[bool, typer.Option("--public", help="Leave out every field a person "
                                      "lists in `private` (for sheets that are shared).")]
Width = Annotated[int | None, typer.Option("--width", help="Text width (default: the "
                                           "terminal's, else 100).", min=40, max=400)]
Lang = Annotated[LangChoice | None, typer.Option(
    "--lang", help="The reader's language: en, pt, fr or ar (labels, dates, and texts written in "
    "several languages). Default: the mission's first language among these, else en; with "
    "--per-person, each person's own first language among these.", show_default=False)]
Times = Annotated[TimesChoice, typer.Option(
    "--times", help="ICS times: local (local time with the IANA zone, the default) or utc "
    "(UTC instants: right in any calendar app, whatever its time-zone data).")]


def itinerary(
    path: PathArg,
    person: Annotated[str | None, typer.Option("--person", help="One person's agenda.")] = None,
    org: Annotated[str | None, typer.Option("--org", help="What one organisation's people "
                                            "attend, and visits to it.")] = None,
    group: Annotated[str | None, typer.Option("--group", help="What a group's members "
                                              "attend.")] = None,
    day: Day = None,
    view: Annotated[View, typer.Option("--view", help="list (day by day) or timeline (one "
                                       "row per person or group, hours across).")] = "list",
    format: Annotated[ItineraryFormat, typer.Option(
        "--format", "-f", help=f"Output format: {render.listed('itinerary')} (timeline: "
        f"{render.listed('timeline')}).")] = "text",
    output: Output = None,
    per_person: Annotated[Path | None, typer.Option(
        "--per-person", help="Write one file per person into DIR (<person-id>.<ext>), e.g. "
        "one calendar each with --format ics.")] = None,
    public: Public = False,
    width: Width = None,
    dtstamp: Annotated[str | None, typer.Option(
        "--dtstamp", help="ICS DTSTAMP, ISO 8601 with offset (default: SOURCE_DATE_EPOCH, "
        "else 00:00 UTC on the mission's first day).")] = None,
    times: Times = "local",
    history: Annotated[bool | None, typer.Option(
        "--history/--no-history", help="ICS: each event's SEQUENCE and LAST-MODIFIED from "
        "the mission's git history, so calendars update the events that changed (the default "
        "for --format ics in a git repository; --no-history: SEQUENCE 0, bytes that depend on "
        "the mission alone; docs/changes.md).", show_default=False)] = None,
    next_: Annotated[bool, typer.Option(
        "--next", help="With --person: what comes next for them from now (the event under "
        "way, if any, and the next one).")] = False,
    paper: Paper = "a4",
    lang: Lang = None,
    force: Force = False,
) -> int:
    """The programme day by day: whole mission, or one person, organisation, group or day."""
    from missionctl.cli.viewing import run_itinerary

    return run_itinerary(path, person, org, group, day, view, format, output, per_person,
                         public, width, dtstamp, times, history, next_, paper, lang, force)


def contacts(
    path: PathArg,
    event: Annotated[str | None, typer.Option("--event", help="The people of one event.")]
    = None,
    day: Day = None,
    org: Annotated[str | None, typer.Option("--org", help="The people of one "
                                            "organisation.")] = None,
    format: Annotated[ContactsFormat, typer.Option(
        "--format", "-f", help=f"Output format: {render.listed('contacts')}.")] = "text",
    output: Output = None,
    public: Public = False,
    width: Width = None,
    paper: Paper = "a4",
    lang: Lang = None,
    force: Force = False,
) -> int:
    """Contact sheet: the duty contact, emergency numbers, embassies, then people by
    organisation."""
    from missionctl.cli.viewing import run_contacts

    return run_contacts(path, event, day, org, format, output, public, width, paper, lang,
                        force)
