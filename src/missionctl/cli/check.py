"""`missionctl check PATH...`"""

from __future__ import annotations

import sys
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
    from missionctl.cli.common import emit, use_colour
    from missionctl.linter import FileReport, Selection, codes, lint_loaded
    from missionctl.loader import load
    from missionctl.missions import files_to_check
    from missionctl.outputs import guard

    selection = Selection(codes(select), codes(ignore))
    reports: list[FileReport] = []
    read: list[str | Path] = []  # every file read: --output may replace none of them
    for path in files_to_check(paths):
        loaded = load(path, str(path))
        read += [path, *loaded.files]
        if not loaded.is_mission:
            print(f"missionctl: {path} is not a mission file (no 'mission:' key); it is "
                  "checked through the mission that includes it", file=sys.stderr)
            continue
        reports.append(lint_loaded(loaded, selection))
    options = render.Options(color=use_colour(output), show_waived=show_waived, strict=strict)
    emit(render.render("findings", format, reports, options), output,
         guard("check", read, force=force))
    return 1 if any(r.failed(strict) for r in reports) else 0
