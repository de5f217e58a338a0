"""`missionctl check PATH...`: the Typer command (help, completion, usage errors).

The work is `cli/checking.run_check`, which the fast path (`cli/fast.py`) calls too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from missionctl import render
from missionctl.cli.common import Force

if TYPE_CHECKING:
    Format = str
else:  # the registry's formats of `check`'s findings, as a choice the option parser enforces
    Format = render.choice("findings")


def check(
    paths: Annotated[list[Path], typer.Argument(help="Mission files, or directories to search.",
                                                show_default=False)],
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format: "
                                           f"{render.listed('findings')}.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rule codes or prefixes (MC101,MC2).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Skip these rule codes or prefixes.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write the report to FILE.")] = None,
    show_waived: Annotated[bool, typer.Option(
        "--show-waived", help="List waived findings with their reasons.")] = False,
    force: Force = False,
) -> int:
    """Check mission files and report every conflict with file:line:col."""
    from missionctl.cli.checking import run_check

    return run_check(paths, format, strict, select, ignore, output, show_waived, force)
