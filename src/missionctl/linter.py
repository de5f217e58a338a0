"""The linter: load, run the selected checks, stamp severities, apply waivers.

Rules yield findings; only here do settings decide how much each finding matters, so a rule
module never needs to know about `checks.severity`, `waive` or `--select`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from missionctl.findings import Finding, Loc, Severity
from missionctl.loader import Loaded, load
from missionctl.model import Mission
from missionctl.rules.catalogue import RULES


class Selection(NamedTuple):
    """--select / --ignore: codes or code prefixes (MC1, MC30). Format rules always run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def wants(self, code: str) -> bool:
        if code.startswith("MC0"):
            return True
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(i) for i in self.ignore)


NO_SELECTION = Selection()  # every rule


class FileReport(NamedTuple):
    file: str
    findings: tuple[Finding, ...]  # stamped; waived ones carry `waived`
    fail_on: Severity
    checked: bool  # conflict checks ran (no format errors)
    mission: Mission | None = None

    @property
    def shown(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.waived is None)

    @property
    def waived(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.waived is not None)

    def failed(self, strict: bool = False) -> bool:
        bar = min(self.fail_on, Severity.WARNING) if strict else self.fail_on
        return any(f.severity is not None and f.severity >= bar for f in self.shown)


def lint_file(path: Path | str, shown: str | None = None,
              selection: Selection = NO_SELECTION) -> FileReport:
    return lint_loaded(load(path, shown), selection)


def lint_loaded(loaded: Loaded, selection: Selection = NO_SELECTION) -> FileReport:
    mission = loaded.mission
    if loaded.findings or mission is None:
        stamped = tuple(f.with_severity(Severity.ERROR) for f in loaded.findings)
        return FileReport(loaded.file, stamped, Severity.ERROR, False, mission)
    found = run_checks(mission, selection)
    fail_on = Severity.parse(mission.checks.fail_on)
    return FileReport(loaded.file, tuple(found), fail_on, True, mission)


def run_checks(mission: Mission, selection: Selection = NO_SELECTION) -> list[Finding]:
    from missionctl.checks import Context, registry
    from missionctl.gcpause import collector_paused

    ctx = Context(mission)
    waivers = _Waivers(mission)
    out: list[Finding] = []
    # The rules build per-run indexes over the whole model; see gcpause for why.
    with collector_paused():
        for code, rule in registry().items():
            if not selection.wants(code):
                continue
            level = _severity(mission, code)
            if level is Severity.OFF:
                continue
            for finding in rule.run(mission, ctx):
                out.append(waivers.apply(finding._replace(severity=level)))
    out.sort(key=Finding.sort_key)
    return out


def _severity(mission: Mission, code: str) -> Severity:
    text = mission.checks.severity.get(code) or RULES[code].default
    return Severity.parse(text)


class _Waivers:
    """`checks.waive` for a whole code, or an event's `waive:` for findings about it.

    A finding about a pair (MC101, MC102, MC201) names the later event as its subject and
    the other in `related`; a waiver written on either event of the pair applies, since an
    organiser accepting an overlap may note it on whichever event they think of first.
    """

    def __init__(self, mission: Mission) -> None:
        self.mission = mission
        self._by_loc: dict[Loc, str] | None = None

    def event_at(self, loc: Loc) -> str | None:
        if self._by_loc is None:
            self._by_loc = {e.loc: e.id for e in self.mission.events.values() if e.waive}
        return self._by_loc.get(loc)

    def apply(self, finding: Finding) -> Finding:
        reason = self.mission.checks.waive.get(finding.code)
        ids = [finding.subject] if finding.subject is not None else []
        ids += [i for i in map(self.event_at, finding.related) if i is not None]
        for ident in ids:
            if reason is not None:
                break
            event = self.mission.events.get(ident)
            if event is not None:
                reason = event.waive.get(finding.code)
        return finding._replace(waived=reason) if reason is not None else finding


def find_missions(root: Path) -> list[Path]:
    """Every mission file under a directory: YAML files with a top-level `mission:` key.

    A cheap text test picks them out (include files have no `mission:` key), so a large
    repository is not parsed twice.
    """
    import os
    import re

    pattern = re.compile(rb"^(?:mission|missionctl)\s*:", re.MULTILINE)
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and
                             d not in ("node_modules", "__pycache__", "venv"))
        for name in sorted(filenames):
            if not name.endswith((".yaml", ".yml")):
                continue
            path = Path(dirpath) / name
            try:
                head = path.read_bytes()
            except OSError:
                continue
            if pattern.search(head):
                found.append(path)
    return found


def summarise(reports: Sequence[FileReport]) -> dict[str, int]:
    counts = {"files": len(reports), "error": 0, "warning": 0, "info": 0, "waived": 0}
    for r in reports:
        for f in r.findings:
            if f.waived is not None:
                counts["waived"] += 1
            elif f.severity is not None and f.severity is not Severity.OFF:
                counts[f.severity.label] += 1
    return counts


def all_findings(reports: Iterable[FileReport]) -> list[Finding]:
    return [f for r in reports for f in r.shown]
