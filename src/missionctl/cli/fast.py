"""`missionctl check` without Typer: the start-up of a pre-commit hook.

Typer 0.29 imports pydantic and builds validators for every parameter before a command runs:
about 0.1 s of a 0.17 s bare one-command Typer app here, more than `check` of a small
mission takes. So the console script (`cli/app.run`) first offers the command line to
`parse_check`. When it is `check` with options this parser reads exactly as click does, the
check runs at once through the same body the Typer command calls (`cli/checking.run_check`)
and the same error boundary (`cli/boundary`). Anything else returns None and goes to Typer
unchanged: other commands, `--help`, a bad or unknown option, a missing value or path,
shell completion. Usage errors therefore always come from click itself, and `--help` stays
Typer's. `tests/cli/test_fast.py` runs the documented option combinations, and the bad ones,
through both paths and compares stdout, stderr and exit code; it also checks that this
table matches the Typer command's parameters, so an option added there cannot be missed here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: `check`'s options that take a value: option -> parameter name (cli/check.py).
VALUES: dict[str, str] = {"--format": "format", "-f": "format", "--select": "select",
                          "--ignore": "ignore", "--output": "output", "-o": "output"}
#: Its flags: option -> parameter name.
FLAGS: dict[str, str] = {"--strict": "strict", "--show-waived": "show_waived",
                         "--force": "force"}
#: Options given more than once add up (the others: the last one wins, as in click).
MULTIPLE = frozenset({"select", "ignore"})


def parse_check(argv: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of `run_check` for `check ...`, or None when Typer must read the
    command line (anything this parser does not read exactly as click would)."""
    if not argv or argv[0] != "check" or "_MISSIONCTL_COMPLETE" in os.environ:
        return None
    values: dict[str, Any] = {"paths": [], "format": "text", "strict": False, "select": None,
                              "ignore": None, "output": None, "show_waived": False,
                              "force": False}
    rest = argv[1:]
    positional_only = False
    while rest:
        arg = rest.pop(0)
        if positional_only or not arg.startswith("-"):
            if not arg:
                return None
            values["paths"].append(Path(arg))
        elif arg == "--":
            positional_only = True
        elif not _option(arg, rest, values):
            return None
    if not values["paths"] or not _valid_format(values["format"]):
        return None
    return values


def _option(arg: str, rest: list[str], values: dict[str, Any]) -> bool:
    """Read one option (and its value) into `values`; False for anything left to click."""
    if arg.startswith("--"):
        name, has_value, value = arg.partition("=")
    else:  # a short option: "-fjson" is "-f json", as click reads it
        name, value = arg[:2], arg[2:]
        has_value = "=" if value else ""
    if name in FLAGS and not has_value:
        values[FLAGS[name]] = True
        return True
    if name not in VALUES:
        return False
    if not has_value:
        if not rest:
            return False
        value = rest.pop(0)
    if not value or value.startswith("-"):  # click reads these; its reading is the reference
        return False
    param = VALUES[name]
    if param in MULTIPLE:
        values[param] = [*(values[param] or []), value]
    else:
        values[param] = Path(value) if param == "output" else value
    return True


def _valid_format(name: str) -> bool:
    from missionctl import render

    return name in render.formats("findings")


def main(argv: list[str]) -> int | None:
    """Run `check` from `argv` (without the program name) if `parse_check` reads it; None
    when it does not (then `cli/app.main` runs it through Typer)."""
    values = parse_check(argv)
    if values is None:
        return None
    from missionctl.cli.boundary import guarded
    from missionctl.cli.checking import run_check

    return guarded(lambda: int(run_check(**values) or 0))
