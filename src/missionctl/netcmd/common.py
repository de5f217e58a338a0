"""What the network commands share: files we own (the generated-file marker), paths relative to
the mission, ids written as YAML, and the progress-hook type.

Loading goes through `missionctl.missions.open_mission` (format errors raise `FormatErrors`
before any request); a failed network operation raises `NetError`. Nothing here prints: the
CLI (`cli/app.py`) renders both, and draws progress through the hooks it passes in
(`cli/feedback.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from missionctl.errors import UserError as UserError  # re-exported: guard_output raises it

if TYPE_CHECKING:
    from missionctl.model import Mission

#: ``progress(done, total, what)``, as `missionctl.net.http.ProgressHook` (without httpx).
Hook = Callable[[int, int, str], None]

#: What a network command adds after the findings of a mission with format errors.
NOTHING_SENT = "the mission has format errors; nothing was sent"


def real_files(mission: Mission) -> dict[Path, str]:
    """Resolved path of every file the mission was read from -> its name in findings."""
    return {Path(name).resolve(): name for name in mission.files}


def owned_by_us(path: Path, marker: str) -> bool:
    """Whether an existing file starts with our generated-file marker."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(marker.encode()) + 3)
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").startswith(marker.encode())


def guard_output(path: Path, marker: str, command: str) -> None:
    """Refuse to replace a file that missionctl did not write (the author's own work): the
    policy of `missionctl.outputs`, with `marker` as the command's own."""
    from missionctl import outputs

    outputs.check(path, outputs.guard(command, marker=marker))


def relative_to_mission(path: Path, mission_path: Path) -> str | None:
    """`path` relative to the mission file's folder, with '/', or None if outside it."""
    try:
        rel = path.resolve().relative_to(mission_path.resolve().parent)
    except ValueError:
        return None
    return rel.as_posix()


def yaml_id(text: str) -> str:
    """An id as a YAML scalar: plain when it reads back as the same text, else quoted."""
    import json
    import re

    specials = {"null", "Null", "NULL", "~", "true", "false", "True", "False", "TRUE", "FALSE",
                "yes", "no", "Yes", "No", "YES", "NO", "on", "off", "On", "Off", "ON", "OFF",
                "y", "n", "Y", "N"}
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", text) and text not in specials:
        return text
    return json.dumps(text, ensure_ascii=False)
