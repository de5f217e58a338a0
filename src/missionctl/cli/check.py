"""`missionctl check PATH...`"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def check(
    paths: Annotated[list[Path], typer.Argument(help="Mission files, or directories to search.",
                                                show_default=False)],
    format: Annotated[str, typer.Option("--format", "-f", help="text, json, github, sarif "
                                        "or junit.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rule codes or prefixes (MC101,MC2).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Skip these rule codes or prefixes.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write the report to FILE.")] = None,
    show_waived: Annotated[bool, typer.Option(
        "--show-waived", help="List waived findings with their reasons.")] = False,
) -> int:
    """Check mission files and report every conflict with file:line:col."""
    from missionctl import report
    from missionctl.cli.common import codes, emit, require_path, use_colour
    from missionctl.errors import UserError
    from missionctl.linter import FileReport, Selection, find_missions, lint_loaded
    from missionctl.loader import load

    if format not in report.FORMATS:
        choices = ", ".join(report.FORMATS)
        raise UserError(f"--format {format!r} is not one of: {choices}")
    selection = Selection(codes(select), codes(ignore))
    files: list[tuple[Path, str]] = []
    for path in paths:
        require_path(path)
        if path.is_dir():
            found = find_missions(path)
            if not found:
                raise UserError(f"{path}: no mission files (YAML with a 'mission:' key) found")
            files.extend((p, str(p)) for p in found)
        else:
            files.append((path, str(path)))
    reports: list[FileReport] = []
    for path, shown in files:
        loaded = load(path, shown)
        if not loaded.is_mission:
            print(f"missionctl: {shown} is not a mission file (no 'mission:' key); it is "
                  "checked through the mission that includes it", file=sys.stderr)
            continue
        reports.append(lint_loaded(loaded, selection))
    options = report.Options(use_colour(output), show_waived, strict)
    emit(report.get(format)(reports, options), output)
    return 1 if any(r.failed(strict) for r in reports) else 0
