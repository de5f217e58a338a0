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


def codes(values: Iterable[str] | None) -> tuple[str, ...]:
    """['MC101,MC102', 'mc2'] -> ('MC101', 'MC102', 'MC2'): rule codes or prefixes, as
    --select and --ignore take them; UserError for one that names no rule."""
    out: list[str] = []
    for value in values or ():
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(c.startswith(code) for c in RULES):
                from missionctl.errors import UserError
                from missionctl.values import did_you_mean

                raise UserError(f"'{part}' is not a rule code or prefix"
                                f"{did_you_mean(code, list(RULES))}")
            out.append(code)
    return tuple(out)


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


def check(mission: Mission, select: str | Iterable[str] = (),
          ignore: str | Iterable[str] = ()) -> list[Finding]:
    """The library's `missionctl.check`: the findings of the conflict rules on `mission`,
    stamped with their severity (`checks.severity`), waived ones marked (`f.waived`), sorted
    by position. `select` / `ignore`: rule codes or prefixes, as --select and --ignore take
    them ("MC1", "MC101,MC102" or a list); UserError for one that names no rule."""
    def listed(value: str | Iterable[str]) -> tuple[str, ...]:
        return codes([value] if isinstance(value, str) else value)

    return run_checks(mission, Selection(listed(select), listed(ignore)))


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


def summarise(reports: Sequence[FileReport]) -> dict[str, int]:
    counts = {"files": len(reports), "error": 0, "warning": 0, "info": 0, "waived": 0}
    for r in reports:
        for f in r.findings:
            if f.waived is not None:
                counts["waived"] += 1
            elif f.severity is not None and f.severity is not Severity.OFF:
                counts[f.severity.label] += 1
    return counts

