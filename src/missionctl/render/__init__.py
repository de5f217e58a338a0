"""Every output format, one module per format, and the one registry of what renders what.

A *view* is what is shown; a *format* how it is written. The registry (`REGISTRY`) maps each
(view, format) to the module of that format; the module's `VIEWS` maps the view to the
function that renders it, `(subject, Options) -> str | bytes`. The CLI's `--format` choices
and their help are read from the registry (`choice`, `listed`), so a format exists for the
command line exactly when it is registered, and an unknown one is refused by the option parser.

| view | subject | formats |
| --- | --- | --- |
| `findings` | `Sequence[linter.FileReport]` | text, json, github, sarif, junit |
| `itinerary` | `views.select.Programme` | text, markdown, html, ics, csv, xlsx, pdf, json |
| `timeline` | `views.select.Programme` | text, markdown, html |
| `contacts` | `views.contacts.ContactSheet` | text, markdown, html, csv, xlsx, pdf, vcf, json |
| `sheet` | `views.table.Table` | text, markdown, html, pdf, csv, xlsx, json |
| `rules` | `Sequence[rules.catalogue.RuleInfo]` | text, json |
| `rule` | `rules.catalogue.RuleInfo` | text, json |
| `holidays` | `netcmd.holidays.HolidaysResult` | text, json |
| `changes` | `changes.notices.Report` | text, markdown, json, eml |
| `schedule` | `schedule.report.ScheduleReport` | text, json (`schedule_text`, `schedule_json`) |

A `Programme` is a mission, the selection (`--person`, `--day`...) and the findings flagged
beside events; `findings` are what `check` found, one `FileReport` per mission file.

This module imports nothing but the standard library (it is read at `check`'s start-up); a
format's module, with its libraries (rich, icalendar, vobject), is imported when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, NamedTuple

__all__ = ["EXTENSIONS", "REGISTRY", "Options", "choice", "extension", "formats", "listed",
           "render", "render_text", "renderer", "shows_flags"]


class Options(NamedTuple):
    """How to render, for every view and format; each renderer reads the fields it uses.
    (Changed with `_replace`.)"""

    public: bool = False  # leave out every field a person lists in `private`
    width: int = 100  # text: columns
    paper: str = "a4"  # pdf: "a4" or "letter"
    color: bool = False  # text: ANSI colours (else plain text)
    dtstamp: datetime | None = None  # ics: DTSTAMP (default: see render.ics.dtstamp)
    times: str = "local"  # ics: "local" (TZID + VTIMEZONE) or "utc" (UTC instants, no tz data)
    show_waived: bool = False  # findings: list waived findings with their reasons
    strict: bool = False  # findings: warnings fail too (the summary says so)
    #: ics: event id -> (SEQUENCE, LAST-MODIFIED or None), from the history
    #: (`changes.sequence`); None: SEQUENCE 0 and no LAST-MODIFIED
    sequences: Mapping[str, tuple[int, datetime | None]] | None = None
    lang: str = "en"  # itinerary, timeline: labels, dates and multilingual texts (i18n)


Renderer = Callable[[Any, Options], "str | bytes"]

# view -> format -> module under missionctl.render. The order of the formats is the order of
# the CLI's choices and help.
REGISTRY: dict[str, dict[str, str]] = {
    "findings": {"text": "text", "json": "json_", "github": "github", "sarif": "sarif",
                 "junit": "junit"},
    "itinerary": {"text": "terminal_plain", "markdown": "markdown", "html": "html", "ics": "ics",
                  "csv": "csv_", "xlsx": "xlsx", "pdf": "pdf", "json": "json_"},
    "timeline": {"text": "terminal_plain", "markdown": "markdown", "html": "html"},
    "contacts": {"text": "terminal", "markdown": "markdown", "html": "html", "csv": "csv_",
                 "xlsx": "xlsx", "pdf": "pdf", "vcf": "vcard", "json": "json_"},
    "sheet": {"text": "text", "markdown": "markdown", "html": "html_sheets", "pdf": "pdf",
              "csv": "csv_", "xlsx": "xlsx", "json": "json_"},
    "rules": {"text": "text", "json": "json_"},
    "rule": {"text": "text", "json": "json_"},
    "holidays": {"text": "text", "json": "json_"},
    "changes": {"text": "changes_text", "markdown": "changes_markdown", "json": "changes_json",
                "eml": "eml"},
    "schedule": {"text": "schedule_text", "json": "schedule_json"},
}

#: The file name extension of each format (`itinerary --per-person` names files with it).
EXTENSIONS: dict[str, str] = {
    "text": "txt", "markdown": "md", "html": "html", "ics": "ics", "csv": "csv", "json": "json",
    "vcf": "vcf", "eml": "eml", "xlsx": "xlsx", "pdf": "pdf",
}

# (view, format) pairs that do not show `check`'s findings beside events: a caller need not
# run the checks for them (a calendar carries no warnings).
_UNFLAGGED = frozenset({("itinerary", "ics")})


def formats(view: str) -> tuple[str, ...]:
    """The formats `view` can be rendered in, in the CLI's order."""
    return tuple(REGISTRY[view])


def listed(view: str) -> str:
    """'text, json or sarif': the formats of `view`, for help and messages."""
    names = formats(view)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def choice(view: str) -> Any:
    """`Literal[...]` of the formats of `view`: the type of a `--format` option, which Typer
    turns into a choice (an unknown value is refused by the option parser, with the list)."""
    from typing import Literal

    return Literal[formats(view)]


def extension(fmt: str) -> str:
    return EXTENSIONS[fmt]


def shows_flags(view: str, fmt: str) -> bool:
    """Whether the rendering shows findings beside events (else `Programme.flags` is unused)."""
    return (view, fmt) not in _UNFLAGGED


def renderer(view: str, fmt: str) -> Renderer:
    """The function rendering `view` in `fmt`; KeyError names what is not registered."""
    try:
        module = REGISTRY[view][fmt]
    except KeyError:
        raise KeyError(f"no renderer for view {view!r} in format {fmt!r}") from None
    found: Renderer = importlib.import_module(f"missionctl.render.{module}").VIEWS[view]
    return found


def render(view: str, fmt: str, subject: Any, options: Options | None = None) -> str | bytes:
    """`subject` (see the table above) rendered as `view` in `fmt`."""
    return renderer(view, fmt)(subject, options or Options())


def render_text(view: str, fmt: str, subject: Any, options: Options | None = None) -> str:
    """`render`, as text (a format that gives bytes, such as `ics`, is decoded as UTF-8)."""
    out = render(view, fmt, subject, options)
    return out if isinstance(out, str) else out.decode("utf-8")
