"""Loading: a mission file and its includes -> the Mission model plus format findings."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from missionctl.findings import Finding, Loc
from missionctl.model import Mission


class Loaded(NamedTuple):
    """What loading a mission file gave: the model (None when unusable) and MC0xx findings."""

    file: str
    mission: Mission | None
    findings: tuple[Finding, ...]
    is_mission: bool = True
    #: (where an `include:` names a file that does not exist, that file's resolved path): the
    #: MC008 findings a command about to create the file may set aside (`travel`).
    missing_includes: tuple[tuple[Loc, Path], ...] = ()
    #: every file read (the mission file, then its includes), as findings name them: the files
    #: an output may never replace (`missionctl.outputs`)
    files: tuple[str, ...] = ()
    #: each file read -> its text, as the loader read it: the reports show source lines from
    #: it rather than reading the files again
    texts: Mapping[str, str] = MappingProxyType({})

    @property
    def ok(self) -> bool:
        return self.mission is not None and not self.findings

    def missing_include(self, finding: Finding) -> Path | None:
        """The resolved path of the missing file `finding` is about, if it is about one."""
        if finding.code != "MC008":
            return None
        return next((p for loc, p in self.missing_includes if loc == finding.loc), None)


def load(path: Path | str, shown: str | None = None, keep: list[object] | None = None) -> Loaded:
    """Load the mission file at `path`; `shown` is the name findings carry (default: path).

    `keep`: a list the loader's state (every file's YAML nodes, the fields read from them,
    then the model) is appended to, for a caller that frees it later or never: the console
    script leaves through os._exit (`cli/app.run`), and freeing those nodes on return from
    here took a thirtieth of a 10k-event check (about a quarter of a million nodes, one by
    one). Only for a caller that allocates little afterwards, as `check`: the memory the
    nodes held is otherwise reused by what comes next (an export's views and text), and
    keeping them would raise its peak by their size."""
    from missionctl.gcpause import collector_paused
    from missionctl.loader.includes import fold_unresolved
    from missionctl.loader.read import read_mission
    from missionctl.loader.resolve import resolve

    p = Path(path)
    name = shown if shown is not None else str(path)
    with collector_paused():
        raw = read_mission(p, name)
        mission = resolve(raw)
    if keep is not None:
        keep += [raw, mission]
    findings = tuple(sorted(set(fold_unresolved(raw, raw.findings)), key=Finding.sort_key))
    return Loaded(name, mission, findings, raw.is_mission or raw.fatal,
                  tuple(raw.missing_includes), tuple(raw.files), raw.texts)
