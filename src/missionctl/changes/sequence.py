"""Each event's iCalendar SEQUENCE and LAST-MODIFIED, derived from the mission's git history,
so that they need no stored state (RFC 5545 3.8.7.4: SEQUENCE grows whenever the organiser
changes the event; clients keep the copy with the highest).

How: the commits that touched the mission's folder are read oldest first (`git log`), the
mission is loaded at each (`source.mission_at`: includes followed at that commit), and each
event's content (everything `changes` compares: times, place, people, details, status) is
compared with its content at the previous version that had it. SEQUENCE starts at 0 when an
event first appears and grows by one at every commit that changed it (a cancellation
included, so a cancelled event goes out with a higher SEQUENCE); LAST-MODIFIED is that
commit's committer time. Uncommitted changes in the working tree count as one more version
(LAST-MODIFIED: the newest modification time of the mission's files). A version with format
errors is skipped. With no history (not in a repository), every SEQUENCE is 0.

Cost: one load of the mission per commit that touched its folder; paid by `itinerary
--format ics` and `publish` in a repository (unless `--no-history`) and `changes --format eml`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from missionctl.changes.diff import content
from missionctl.errors import UserError
from missionctl.model import Mission


class Stamp(NamedTuple):
    sequence: int
    modified: datetime | None


def _log(repo_root: Path, folder: str, until: str) -> list[tuple[str, datetime]]:
    from missionctl.changes.source import git

    done = git(repo_root, "log", "--reverse", "--format=%H %ct", until, "--",
               folder or ".")
    if done.returncode != 0:
        return []
    out = []
    for line in done.stdout.decode().splitlines():
        commit, _, stamp = line.partition(" ")
        out.append((commit, datetime.fromtimestamp(int(stamp), UTC)))
    return out


def stamps(versions: Iterable[tuple[Mission, datetime | None]]) -> dict[str, Stamp]:
    """SEQUENCE and LAST-MODIFIED of each event over `versions`, oldest first.

    An event's content is computed only when a later version compares with it: with one
    version (a mission not yet committed) that is none at all, a tenth of a 10k ICS export."""
    out: dict[str, Stamp] = {}
    before: dict[str, tuple[Any, ...]] | None = None
    prior: Mission | None = None
    for mission, when in versions:
        now = None
        if prior is not None:
            before = before if before is not None else _contents(prior)
            now = _contents(mission)
        for e in mission.events.values():
            known = out.get(e.id)
            if known is None:
                out[e.id] = Stamp(0, when)
            elif before is not None and now is not None and before.get(e.id) != now[e.id]:
                out[e.id] = Stamp(known.sequence + 1, when)
        before, prior = now, mission
    return out


def _contents(mission: Mission) -> dict[str, tuple[Any, ...]]:
    return {e.id: content(mission, e) for e in mission.events.values()}


def history(path: Path, until: str | None = None,
            current: Mission | None = None) -> dict[str, Stamp]:
    """The stamps of the mission at `path` over its history up to `until` (a revision; None:
    the working tree too, `current` when the caller has loaded it already: loading is most
    of an export). Empty when `path` is in no repository."""
    from missionctl.changes.source import Revision, mission_at, repo_of, revision
    from missionctl.missions import mission_file, open_mission

    file = mission_file(path)
    try:
        repo = repo_of(file)
        tip = revision(repo, until or "HEAD")
    except UserError:
        return {}

    def versions() -> Iterable[tuple[Mission, datetime | None]]:
        for commit, when in _log(repo.root, os.path.dirname(repo.path), tip.commit):
            try:
                yield mission_at(file, str(file), repo, Revision(commit, commit)), when
            except UserError:
                continue  # format errors, or no mission, at that commit
        if until is None:
            mission = current if current is not None else open_mission(file).mission
            yield mission, _modified(mission.files)

    return stamps(versions())


def _modified(files: Iterable[str]) -> datetime | None:
    times = []
    for name in files:
        try:
            times.append(os.stat(name).st_mtime)
        except OSError:
            continue
    return datetime.fromtimestamp(int(max(times)), UTC) if times else None
