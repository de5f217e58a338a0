"""Helpers shared by commands: output, colour, loading one mission for a view."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from missionctl.errors import UserError


def use_colour(output: Path | None) -> bool:
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def emit(text: str | bytes, output: Path | None) -> None:
    """Print to stdout, or write `output` atomically."""
    if output is not None:
        from missionctl.atomic import write_atomic

        write_atomic(output, text)
        return
    if isinstance(text, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(text)


def require_path(path: Path) -> None:
    if not path.exists():
        raise UserError(f"{path}: no such file or directory")


def mission_file(path: Path) -> Path:
    """`path`, or the one mission file in the directory `path` (exit 2 otherwise)."""
    from missionctl.linter import find_missions

    require_path(path)
    if not path.is_dir():
        return path
    found = find_missions(path)
    if len(found) != 1:
        what = "no mission file" if not found else f"{len(found)} mission files"
        raise UserError(f"{path}: {what} found; name the mission file")
    return found[0]


def codes(values: list[str] | None) -> tuple[str, ...]:
    """--select MC101,MC102 --select MC2 -> ('MC101', 'MC102', 'MC2'), validated."""
    from missionctl.rules.catalogue import RULES

    out: list[str] = []
    for value in values or ():
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(c.startswith(code) for c in RULES):
                from missionctl.values import did_you_mean

                raise UserError(f"'{part}' is not a rule code or prefix"
                                f"{did_you_mean(code, list(RULES))}")
            out.append(code)
    return tuple(out)
