"""What `missionctl itinerary` and `missionctl contacts` do once their options are parsed:
no Typer here.

Both ways into these commands call `run_itinerary` / `run_contacts`: the Typer commands
(`cli/views.py`, for help, completion and usage errors) and the fast path (`cli/fast.py`,
which reads the common command lines without importing Typer and pydantic, about 0.1 s of
every export's start-up). One body, so the two cannot behave differently.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from missionctl import render

if TYPE_CHECKING:
    from missionctl.model import Mission
    from missionctl.outputs import Guard
    from missionctl.views.flags import Flag
    from missionctl.views.select import Programme


def run_itinerary(
    path: Path, person: str | None = None, org: str | None = None, group: str | None = None,
    day: str | None = None, view: str = "list", format: str = "text",
    output: Path | None = None, per_person: Path | None = None, public: bool = False,
    width: int | None = None, dtstamp: str | None = None, times: str = "local",
    history: bool | None = None, next_: bool = False, paper: str = "a4",
    lang: str | None = None, force: bool = False,
) -> int:
    """The programme day by day: whole mission, or one person, organisation, group or day."""
    from missionctl.gcpause import collector_paused
    from missionctl.missions import open_mission
    from missionctl.outputs import guard
    from missionctl.views.select import Programme, make_selection, relative_day

    opts = render.Options(public=public, width=_width(width, output), dtstamp=_stamp(dtstamp),
                          times=times, paper=paper)
    shown = "timeline" if view == "timeline" else "itinerary"
    _itinerary_options(shown, format, times, output, per_person, next_ and person is None)
    mission = open_mission(path).mission
    opts = _history(opts, history, format, path, mission)
    sel = make_selection(mission, person, org, group,
                         relative_day(day, mission.info.timezone, clock()))
    if next_:  # from now on (dataclasses is loaded at start-up anyway)
        sel = dataclasses.replace(sel, after=clock())
    rules = guard("itinerary", mission.files, force=force)
    with collector_paused():  # see _output
        return _output(Programme(mission, sel, _flags(mission, shown, format)), shown, format,
                       opts, output, per_person, rules, lang)


def _output(programme: Programme, view: str, fmt: str, opts: render.Options,
            output: Path | None, per_person: Path | None, rules: Guard,
            lang: str | None) -> int:
    """The itinerary's file(s) written. Called with the collector paused (gcpause), as the
    flags' checks: the views and the text make about as many objects again as the model, none
    in a cycle, and each full collection rescanned them all."""
    from missionctl.cli.output import emit, use_colour

    if per_person is not None:
        return _per_person(programme, view, fmt, opts, per_person, rules, lang)
    colour = fmt == "text" and use_colour(output)
    opts = _with_lang(opts, lang or _default_lang(programme.mission, programme.selection.person))
    emit(render.render(view, fmt, programme, _with_colour(opts, colour)), output, rules)
    return 0



def run_contacts(
    path: Path, event: str | None = None, day: str | None = None, org: str | None = None,
    format: str = "text", output: Path | None = None, public: bool = False,
    width: int | None = None, paper: str = "a4", lang: str | None = None,
    force: bool = False,
) -> int:
    """Contact sheet: the duty contact, emergency numbers, embassies, then people by
    organisation."""
    from missionctl.cli.output import emit, use_colour
    from missionctl.gcpause import collector_paused
    from missionctl.missions import open_mission
    from missionctl.outputs import guard
    from missionctl.views import contacts as sheet
    from missionctl.views.select import check_event_id, make_selection, relative_day

    _binary_needs_file(format, output, None)
    mission = open_mission(path).mission
    check_event_id(mission, event)
    sel = make_selection(mission, org=org,
                         day=relative_day(day, mission.info.timezone, clock()))
    colour = format == "text" and use_colour(output)
    chosen = lang or _default_lang(mission)
    opts = render.Options(public=public, width=_width(width, output), color=colour,
                          paper=paper, lang=chosen)
    # As the itinerary's (`_output`): the sheet and its text are as many objects again as
    # the people, none in a cycle, and with the collector on, each full collection rescanned
    # all made so far (263 collections for a 100k-event mission's sheet, 34 at 10k).
    with collector_paused():
        built = sheet.build(mission, event=event, day=sel.day, org=org, public=public,
                            lang=chosen)
        emit(render.render("contacts", format, built, opts), output,
             guard("contacts", mission.files, force=force))
    return 0


def _history(opts: render.Options, history: bool | None, fmt: str,
             path: Path, mission: Mission) -> render.Options:
    """Each event's SEQUENCE and LAST-MODIFIED from git (docs/changes.md): for a calendar,
    unless `--no-history`; outside a repository every SEQUENCE is 0."""
    from missionctl.errors import UserError

    if history and fmt != "ics":
        raise UserError(f"--history is for calendars (--format ics), not {fmt}")
    if fmt != "ics" or history is False:
        return opts
    from missionctl.changes.sequence import history as stamps

    return opts._replace(sequences=stamps(path, current=mission))


def _itinerary_options(shown: str, format: str, times: str, output: Path | None,
                       per_person: Path | None, next_without_person: bool) -> None:
    """Usage errors of `itinerary`'s options, before the mission is read."""
    from missionctl.errors import UserError

    if format not in render.formats(shown):
        raise UserError(f"--view timeline is drawn in {render.listed('timeline')}, not {format}")
    if times != "local" and format != "ics":
        raise UserError(f"--times {times} is for calendars (--format ics), not {format}")
    if per_person is not None and output is not None:
        raise UserError("give either --output or --per-person, not both")
    _binary_needs_file(format, output, per_person)
    if next_without_person:
        raise UserError("--next needs --person ID: whose next event to show")


def clock() -> datetime:
    """Now, in UTC: `--day today`, `--next`. Tests replace it (no test waits for a time)."""
    from datetime import UTC

    return datetime.now(UTC)


def _binary_needs_file(fmt: str, output: Path | None, folder: Path | None) -> None:
    """A PDF or a workbook is not sent to a terminal (it would print binary garbage)."""
    from missionctl.errors import UserError

    if fmt in ("pdf", "xlsx") and output is None and folder is None and sys.stdout.isatty():
        raise UserError(f"--format {fmt} writes a binary file: give --output FILE")


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


def _with_colour(opts: render.Options, colour: bool) -> render.Options:
    return opts._replace(color=colour)


def _with_lang(opts: render.Options, lang: str) -> render.Options:
    """The options in `lang`; asks for the language's data first (a clear error when Babel is
    missing, before anything is written)."""
    from missionctl.i18n import translator

    translator(lang)
    return opts._replace(lang=lang)


def _default_lang(mission: Mission, person: str | None = None) -> str:
    """The mission's (or the person's) language; English, with a note, when it needs Babel and
    Babel is not installed: a language nobody asked for never stops an output (an explicit
    `--lang` does, with the install line)."""
    from missionctl.views.localise import default_lang

    lang = default_lang(mission, person)
    if lang == "en":
        return lang
    try:
        import babel  # noqa: F401  (the output needs it next)
    except ImportError:
        _note_english(lang)
        return "en"
    return lang


@functools.cache
def _note_english(lang: str) -> None:
    print(f"missionctl: in English, not '{lang}' (the mission's language): that needs Babel, "
          "pip install Babel", file=sys.stderr)


def _flags(mission: Mission, view: str, fmt: str) -> dict[str, tuple[Flag, ...]]:
    """The findings beside each event, when the format shows them (a calendar does not)."""
    if not render.shows_flags(view, fmt):
        return {}
    from missionctl.linter import Selection, run_checks
    from missionctl.views.flags import NOT_ABOUT_EVENTS, flags_by_event

    # Only the rules whose findings can be about an event: the others' never reach a flag.
    return flags_by_event(run_checks(mission, Selection(ignore=NOT_ABOUT_EVENTS)), mission)


def _per_person(programme: Programme, view: str, fmt: str, opts: render.Options,
                folder: Path, rules: Guard, lang: str | None) -> int:
    """One file per person, each in `lang` or else in the person's own language; every target
    is checked before the first is written."""
    from dataclasses import replace

    from missionctl import outputs
    from missionctl.views.select import per_person

    sel = programme.selection
    people = per_person(programme.mission, sel)
    ext = render.extension(fmt)
    # A generator: each file is made, checked and put aside before the next is made
    # (outputs.write_all), so memory holds one person's file, not everyone's.
    files = ((folder / f"{pid}.{ext}",
              render.render(view, fmt, replace(programme, selection=replace(
                  sel, person=pid, org=None, group=None)),
                  _with_lang(opts, lang or _default_lang(programme.mission, pid))))
             for pid in people)
    outputs.write_all(files, rules, prepare=lambda: _make_folder(folder))
    print(f"missionctl: wrote {len(people)} file(s) to {folder}", file=sys.stderr)
    return 0


def _make_folder(folder: Path) -> None:
    from missionctl.errors import UserError

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UserError(f"cannot write into {folder}: it is not a folder") from None
    except OSError as exc:
        raise UserError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
