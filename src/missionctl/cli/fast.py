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
from typing import Any

from missionctl.cli.argv import Table, read

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
    flags = {name: (param, True) for name, param in FLAGS.items()}
    if not read(argv[1:], Table(VALUES, flags, MULTIPLE), values):
        return None
    if not values["paths"] or not _valid_format(values["format"]):
        return None
    return values


def _valid_format(name: str) -> bool:
    from missionctl import render

    return name in render.formats("findings")


def main(argv: list[str]) -> int | None:
    """Run `check`, `itinerary` or `contacts` from `argv` (without the program name) if this
    module reads the command line; None when it does not (then `cli/app.main` runs it through
    Typer)."""
    from missionctl.cli.boundary import guarded

    values = parse_check(argv)
    if values is not None:
        from missionctl.cli.checking import run_check

        return guarded(lambda: int(run_check(**values) or 0))
    from missionctl.cli import fastviews

    found = fastviews.parse(argv)
    if found is None:
        return None
    run, kwargs = found
    return guarded(lambda: int(run(**kwargs) or 0))
