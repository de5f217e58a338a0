"""What `missionctl check` does once its options are parsed: no Typer here.

Both ways into `check` call `run_check`: the Typer command (`cli/check.py`, for help,
completion and usage errors) and the fast path (`cli/fast.py`, which parses the common
command lines without importing Typer). One body, so the two cannot behave differently.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from missionctl import render

#: The last check's reports, models included, and what loading them left (`load(keep=)`).
#: The console script leaves through os._exit (`cli/app.run`) right after a check: left
#: here, it all goes with the whole heap, where freeing a 10k-event model object by object
#: on return took a fortieth of the run. One check's worth at most: each check replaces the
#: one before.
LAST: list[object] = []
#: A mission file has a top-level `mission:` (or `missionctl:`) key (missions.find_missions).
_MISSION = re.compile(rb"^(?:mission|missionctl)\s*:", re.MULTILINE)


def run_check(paths: list[Path], format: str = "text", strict: bool = False,
              select: list[str] | None = None, ignore: list[str] | None = None,
              output: Path | None = None, show_waived: bool = False,
              force: bool = False) -> int:
    """Check mission files, print or write the report; the exit code (1: something fails)."""
    from missionctl.cli.output import emit, use_colour
    from missionctl.linter import FileReport, Selection, codes, lint_loaded
    from missionctl.loader import load
    from missionctl.missions import files_to_check
    from missionctl.outputs import guard

    LAST.clear()
    selection = Selection(codes(select), codes(ignore))
    reports: list[FileReport] = []
    read: list[str | Path] = []  # every file read: --output may replace none of them
    for path in _missions(files_to_check(paths)):
        loaded = load(path, str(path), keep=LAST)
        read += [path, *loaded.files]
        reports.append(lint_loaded(loaded, selection))
    options = render.Options(color=use_colour(output), show_waived=show_waived, strict=strict)
    emit(render.render("findings", format, reports, options), output,
         guard("check", read, force=force))
    LAST.append(reports)
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
