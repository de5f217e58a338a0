"""Help that names values the way a person reads them: `PATH...`, `FORMAT`, `N`, `FILE`.

Typer 0.29 labels every value with its Python annotation (`paths... <list[Path]>`, `--width
<int range>`, `--person <str>`), which tells a user nothing. Like ruff and yamllint, each
option and argument gets a metavar that says what to write. `Readable` is the command class
every missionctl command is built with (`cli/app.py`): it sets the metavars once the
parameters exist, from `METAVARS` (by parameter name) or else from the value's kind, and
writes the Arguments section with them (Typer's own writer prints the annotation beside an
argument's name whatever its metavar). `tests/test_cli_help.py` walks the whole command tree
and fails on any Python type name in a help page.

Kept apart from the commands: their modules are owned and edited for what they do, and a
new option gets a readable metavar from its kind until it is named here.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand

#: Parameter name (the function argument) -> its metavar in help. Lists read "X..." (several
#: may be given); choices that fit read as themselves ("list|timeline").
METAVARS: dict[str, str] = {
    # values missionctl reads or writes
    "path": "PATH",
    "paths": "PATH...",
    "output": "FILE",
    "per_person": "DIR",
    "spreadsheet": "SPREADSHEET",  # import people
    "file": "FILE",  # import events
    # what a view shows
    "format": "FORMAT",
    "person": "ID",
    "org": "ID",
    "group": "ID",
    "event": "ID",
    "day": "YYYY-MM-DD",
    "start": "YYYY-MM-DD",
    "width": "N",
    "paper": "SIZE",
    "dtstamp": "DATETIME",
    "lang": "LANG",
    "select": "CODES",
    "ignore": "CODES",
    "code": "CODE",
    # changes
    "new_path": "NEW-PATH",
    "since": "REV",
    "until": "REV",
    # a new mission, holidays
    "country": "CC",
    "timezone": "ZONE",
    "year": "YEAR",
    # the network
    "router": "URL",
    "geocoder": "URL",
    "source": "URL",
    "caldav": "URL",
    "profile": "PROFILE",
    "timeout": "SECONDS",
    "user_agent": "TEXT",
    # schedule
    "session": "ID",
    "time_limit": "SECONDS",
}

_SHORT_CHOICES = 3  # up to this many choices are shown as "a|b|c"


def metavar(param: Any) -> str | None:
    """The metavar of one parameter: from METAVARS, else from its kind; None for a flag."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if param.name in METAVARS:
        return METAVARS[param.name]
    desc = param.type_descriptor
    if desc.is_choice and desc.choices and len(desc.choices) <= _SHORT_CHOICES:
        label = "|".join(str(c) for c in desc.choices)
    elif desc.is_path:
        label = "PATH"
    elif desc.is_ranged or _annotation(desc) in (int, float):
        label = "N" if _annotation(desc) is int else "NUMBER"
    else:
        label = (param.name or "value").upper().replace("_", "-")
    return label + ("..." if desc.is_list or param.nargs != 1 else "")


def _annotation(desc: Any) -> Any:
    return getattr(desc, "annotation", None)


class Readable(TyperCommand):
    """A Typer command whose help names each value with a readable metavar."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if param.metavar is None:
                label = metavar(param)
                if label is not None:
                    # an argument's usage piece gets its own "..." from Typer
                    param.metavar = label.removesuffix("...") if _is_argument(param) else label
        self._labels = {p.name: metavar(p) for p in self.params}

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """`[OPTIONS] PATH...` rather than Typer's `[OPTIONS] {PATH}...`."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if _is_argument(param):
                label = self._labels.get(param.name) or str(param.metavar)
                pieces.append(label if param.required else f"[{label}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if _is_argument(param):
                args.append((self._labels.get(param.name) or record[0], record[1]))
            else:
                opts.append(record)
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def readable(application: typer.Typer, name: str, function: Any) -> None:
    """Register `function` as command `name` of `application`, with readable help."""
    application.command(name, cls=Readable)(function)
