"""Helpers shared by commands: where output goes, and whether it is in colour."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from missionctl.outputs import Guard

#: `--force`, the same on every command that writes a file.
Force = Annotated[bool, typer.Option(
    "--force", help="Replace an existing output file that missionctl did not write (never one "
    "of the mission's own files).")]


def use_colour(output: Path | None) -> bool:
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def emit(text: str | bytes, output: Path | None, rules: Guard | None = None) -> None:
    """Print to stdout, or write `output` as `missionctl.outputs` allows (`rules`)."""
    if output is not None:
        from missionctl import outputs

        sys.stdout.flush()  # `-o /dev/stdout` comes after anything printed before
        outputs.write(output, text, rules or outputs.guard("command"))
        return
    if isinstance(text, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(text)
