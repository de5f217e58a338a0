"""Helpers shared by commands: `--force`, and (from `cli/output.py`) where output goes and
whether it is in colour."""

from __future__ import annotations

from typing import Annotated

import typer

from missionctl.cli.output import emit, use_colour

__all__ = ["Force", "emit", "use_colour"]

#: `--force`, the same on every command that writes a file.
Force = Annotated[bool, typer.Option(
    "--force", help="Replace an existing output file that missionctl did not write (never one "
    "of the mission's own files).")]
