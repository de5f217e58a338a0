"""Where a command's output goes, and whether it is in colour: no Typer here.

`check` runs without importing Typer (`cli/fast.py`), so what it shares with the Typer
commands lives here; `cli/common.py` re-exports both for the other commands.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from missionctl.outputs import Guard


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
