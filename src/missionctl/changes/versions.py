"""The two versions `changes` compares: a mission at two git revisions (the newer one by default
the working tree), or two mission files.

Every failure is one line and exit 2 (`UserError`), format errors at either side included:
`changes` is about a mission that was usable then and is usable now, and the findings
themselves are `missionctl check`'s job.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from missionctl.errors import FormatErrors, UserError
from missionctl.model import Mission

WORKING_TREE = "working tree"


class Versions(NamedTuple):
    """The old and the new mission, and how each is named ('HEAD~1', 'working tree', a path)."""

    old: Mission
    new: Mission
    source: str
    target: str
    commits: tuple[str | None, str | None] = (None, None)


def from_files(old_path: Path, new_path: Path) -> Versions:
    """Two mission files, compared as they are."""
    return Versions(_open(old_path), _open(new_path), str(old_path), str(new_path))


def from_git(path: Path, since: str, until: str | None = None) -> Versions:
    """The mission at `path` at revision `since`, and at `until` (None: the working tree)."""
    from missionctl.changes.source import mission_at, repo_of, revision
    from missionctl.missions import mission_file

    file = mission_file(path)
    repo = repo_of(file)
    old_rev = revision(repo, since)
    new_rev = revision(repo, until) if until is not None else None
    old = mission_at(file, str(file), repo, old_rev)
    new = _open(file) if new_rev is None else mission_at(file, str(file), repo, new_rev)
    return Versions(old, new, since, until or WORKING_TREE,
                    (old_rev.commit, new_rev.commit if new_rev else None))


def _open(path: Path) -> Mission:
    from missionctl.changes.source import format_errors
    from missionctl.missions import open_mission

    try:
        return open_mission(path).mission
    except FormatErrors as exc:
        raise UserError(format_errors(exc.findings, str(exc.loaded.file))) from None
