"""`missionctl itinerary` and `missionctl contacts` without Typer (see `cli/fast.py`).

Typer and the pydantic it imports cost about 0.1 s of every export's start-up, a thirtieth of
exporting a 10k-event mission. The command lines read here are those whose every option is
in the tables below with a value the Typer command would accept as it is: one path, a known
choice, a width in range. Anything else (help, an unknown option or value, a missing path,
completion) returns None and goes to Typer unchanged, so usage errors stay click's.
`tests/cli/test_fastviews.py` runs command lines both ways and compares stdout, stderr, exit
code and the file written, and checks these tables against the Typer commands' parameters.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from missionctl.cli.argv import Table, read

#: Options every export reads alike.
_COMMON_VALUES = {"--day": "day", "--format": "format", "-f": "format", "--output": "output",
                  "-o": "output", "--width": "width", "--paper": "paper", "--lang": "lang"}
_COMMON_FLAGS: dict[str, tuple[str, Any]] = {"--public": ("public", True),
                                             "--force": ("force", True)}

ITINERARY = Table(
    {**_COMMON_VALUES, "--person": "person", "--org": "org", "--group": "group",
     "--view": "view", "--per-person": "per_person", "--dtstamp": "dtstamp",
     "--times": "times"},
    {**_COMMON_FLAGS, "--history": ("history", True), "--no-history": ("history", False),
     "--next": ("next_", True)},
)
CONTACTS = Table({**_COMMON_VALUES, "--event": "event", "--org": "org"}, _COMMON_FLAGS)

#: Each command's parameters with their defaults (`run_itinerary`, `run_contacts`).
DEFAULTS: dict[str, dict[str, Any]] = {
    "itinerary": {"person": None, "org": None, "group": None, "day": None, "view": "list",
                  "format": "text", "output": None, "per_person": None, "public": False,
                  "width": None, "dtstamp": None, "times": "local", "history": None,
                  "next_": False, "paper": "a4", "lang": None, "force": False},
    "contacts": {"event": None, "day": None, "org": None, "format": "text", "output": None,
                 "public": False, "width": None, "paper": "a4", "lang": None, "force": False},
}
TABLES = {"itinerary": ITINERARY, "contacts": CONTACTS}

#: The choices Typer enforces (cli/views.py's Literal types; the formats are the registry's).
CHOICES: dict[str, tuple[str, ...]] = {"view": ("list", "timeline"), "times": ("local", "utc"),
                                       "paper": ("a4", "letter"),
                                       "lang": ("en", "pt", "fr", "ar")}
WIDTH = (40, 400)  # --width's range


def parse(argv: list[str]) -> tuple[Callable[..., int], dict[str, Any]] | None:
    """The body to run and its keyword arguments, or None when Typer must read the line."""
    if not argv or argv[0] not in TABLES or "_MISSIONCTL_COMPLETE" in os.environ:
        return None
    command = argv[0]
    values: dict[str, Any] = {"paths": [], **DEFAULTS[command]}
    if not read(argv[1:], TABLES[command], values) or len(values["paths"]) != 1:
        return None
    values["path"] = values.pop("paths")[0]
    if not _valid(command, values):
        return None
    from missionctl.cli import viewing

    return (viewing.run_itinerary if command == "itinerary" else viewing.run_contacts), values


def _valid(command: str, values: dict[str, Any]) -> bool:
    """Every value as the Typer command would take it; else click says what is wrong."""
    from missionctl import render

    for param, allowed in CHOICES.items():
        if param in values and values[param] is not None and values[param] not in allowed:
            return False
    if values["format"] not in render.formats(command):
        return False
    width = values["width"]
    if width is not None:
        if not (width.isascii() and width.isdigit()):
            return False
        values["width"] = int(width)
        if not WIDTH[0] <= values["width"] <= WIDTH[1]:
            return False
    return True
