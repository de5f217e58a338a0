"""`missionctl check PATH...`"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from missionctl import render
from missionctl.cli.common import Force

#: A mission file has a top-level `mission:` (or `missionctl:`) key (missions.find_missions).
_MISSION = re.compile(rb"^(?:mission|missionctl)\s*:", re.MULTILINE)

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
    for path in _missions(files_to_check(paths)):
        loaded = load(path, str(path))
        read += [path, *loaded.files]
        reports.append(lint_loaded(loaded, selection))
    options = render.Options(color=use_colour(output), show_waived=show_waived, strict=strict)
    emit(render.render("findings", format, reports, options), output,
         guard("check", read, force=force))
    return 1 if any(r.failed(strict) for r in reports) else 0


def _missions(files: list[Path]) -> list[Path]:
    """The mission files to check: each file given, except that an include file given (no
    `mission:` key) stands for the missions that include it (`missions_including`), and one
    that no mission includes is a usage error: a path that checks nothing must not pass."""
    from missionctl.errors import UserError
    from missionctl.missions import missions_including, once
    from missionctl.reading import NotReadable, read_regular

    out: list[Path] = []
    for path in files:
        try:
            is_mission = _MISSION.search(read_regular(path)) is not None
        except (OSError, ValueError, NotReadable):
            is_mission = True  # unreadable: loading it says why (MC001)
        if is_mission:
            out.append(path)
            continue
        including = missions_including(path)
        if not including:
            raise UserError(
                f"{path} is not a mission file (no 'mission:' key), and no mission file in its "
                "folder or the folders above it (up to the repository's root) includes it: "
                "name a mission file, or a folder of them")
        names = ", ".join(map(str, including))
        print(f"missionctl: {path} is included by {names}: checking "
              f"{'that mission' if len(including) == 1 else 'those missions'}",
              file=sys.stderr)
        out.extend(including)
    return once(out)
