"""Reading a command line's options as click reads them, for the fast paths (`cli/fast.py`,
`cli/fastviews.py`): a small subset, exactly; whatever is outside it is left to click."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple


class Table(NamedTuple):
    """A command's options: those taking a value (option -> parameter), the flags (option ->
    (parameter, value set)), and the parameters whose values add up."""

    values: dict[str, str]
    flags: dict[str, tuple[str, Any]]
    multiple: frozenset[str] = frozenset()


def read(args: list[str], table: Table, values: dict[str, Any]) -> bool:
    """Read a command line's options and paths (into `values["paths"]`) as click would;
    False for anything left to click."""
    rest = list(args)
    positional_only = False
    while rest:
        arg = rest.pop(0)
        if positional_only or not arg.startswith("-"):
            if not arg:
                return False
            values["paths"].append(Path(arg))
        elif arg == "--":
            positional_only = True
        elif not _option(arg, rest, table, values):
            return False
    return True


def _option(arg: str, rest: list[str], table: Table, values: dict[str, Any]) -> bool:
    """Read one option (and its value) into `values`; False for anything left to click."""
    if arg.startswith("--"):
        name, has_value, value = arg.partition("=")
    else:  # a short option: "-fjson" is "-f json", as click reads it
        name, value = arg[:2], arg[2:]
        has_value = "=" if value else ""
    if name in table.flags and not has_value:
        param, setting = table.flags[name]
        values[param] = setting
        return True
    if name not in table.values:
        return False
    if not has_value:
        if not rest:
            return False
        value = rest.pop(0)
    if not value or value.startswith("-"):  # click reads these; its reading is the reference
        return False
    param = table.values[name]
    if param in table.multiple:
        values[param] = [*(values[param] or []), value]
    else:
        values[param] = Path(value) if param in PATHS else value
    return True


#: Parameters whose value is a path.
PATHS = frozenset({"output", "per_person"})
