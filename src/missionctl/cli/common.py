"""Helpers shared by commands: where output goes, and whether it is in colour."""

from __future__ import annotations

import os
import sys
from pathlib import Path


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
