"""The linter: load, run the selected checks, stamp severities, apply waivers.

Rules yield findings; only here do settings decide how much each finding matters, so a rule
module never needs to know about `checks.severity`, `waive` or `--select`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from missionctl.findings import Finding, Loc, Severity
from missionctl.loader import Loaded, load
from missionctl.model import Mission, Waiver
from missionctl.rules.catalogue import RULES

#: `Finding.sort_key` as a C-level key: a Loc is the tuple (file, line, column), so
#: (loc, code, message) orders exactly as (file, line, column, code, message) does.
ORDER = attrgetter("loc", "code", "message")
_new = tuple.__new__


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
    #: the texts of the files read (`Loaded.texts`), for reports that show source lines
    texts: Mapping[str, str] = MappingProxyType({})

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
        return FileReport(loaded.file, stamped, Severity.ERROR, False, mission, loaded.texts)
    found = run_checks(mission, selection)
    fail_on = Severity.parse(mission.checks.fail_on)
    return FileReport(loaded.file, tuple(found), fail_on, True, mission, loaded.texts)


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
    ran: list[str] = []
    rules = [(code, rule) for code, rule in registry().items() if selection.wants(code)]
    # The rules that read what the others found (MC407) run after them all.
    rules.sort(key=lambda item: item[1].last)
    # The rules build per-run indexes over the whole model; see gcpause for why.
    with collector_paused():
        for code, rule in rules:
            level = _severity(mission, code, selection)
            if level is Severity.OFF:
                continue
            if rule.last:
                ctx.ran, ctx.used = frozenset(ran), frozenset(waivers.used)
            for finding in rule.run(mission, ctx):
                # finding._replace(severity=level), without its Python-level _make and map:
                # once per finding (a programme with no slack has thousands)
                code_, message, loc, related, subject, _, waived, day = finding
                out.append(waivers.apply(_new(Finding, (
                    code_, message, loc, related, subject, level, waived, day))))
            ran.append(code)
    out.sort(key=ORDER)
    return out


def _severity(mission: Mission, code: str, selection: Selection = NO_SELECTION) -> Severity:
    text = mission.checks.severity.get(code)
    if text is None:
        info = RULES[code]
        # An optional rule runs when its severity is set, or when --select names its code.
        wanted = not info.optional or code in selection.select
        text = info.default if wanted else "off"
    return Severity.parse(text)


class _Waivers:
    """Which `waive:` applies to a finding: `checks.waive` for every finding of a code, and a
    waiver written on the place the finding is about (the position it points at):

    - an event, or a B2B meeting (its own `waive:` and its session's);
    - a B2B session, for findings at the session or at one of its requests;
    - a person, for findings at the person's id key: a whole code, or one day
      (`{MC105: {2027-05-10: "..."}}`), which applies to a finding about that day only
      (`Finding.day`).

    A finding about a pair (MC101, MC102, MC201) points at the later event and names the
    other(s) in `related`; a waiver written on any of them applies, since an organiser
    accepting an overlap may note it on whichever event they think of first (MC101 and MC201
    report the overlaps with a waiving event apart, so that it hides only those).

    Every waiver that applies counts as used, whichever gives the reason shown (the mission's,
    then the place's, then a related one's); MC407 reports those that waive nothing.
    """

    def __init__(self, mission: Mission) -> None:
        self.mission = mission
        self.used: set[Waiver] = set()
        self._mission = _entries(mission.checks.waivers, mission.checks.waive,
                                 mission.checks.loc)
        self._at: dict[Loc, tuple[Waiver, ...]] | None = None

    def at(self) -> dict[Loc, tuple[Waiver, ...]]:
        """Position -> the waivers written for what is there; built on the first finding."""
        if self._at is None:
            m = self.mission
            at: dict[Loc, tuple[Waiver, ...]] = {}
            for e in m.events.values():
                if e.waive or e.waivers:
                    at[e.loc] = _entries(e.waivers, e.waive, e.loc)
            for s in m.b2b.values():
                if s.waivers:
                    at[s.loc] = s.waivers
                    at.update((r.loc, s.waivers) for r in s.requests)
            at.update((p.loc, p.waivers) for p in m.people.values() if p.waivers)
            self._at = at
        return self._at

    def apply(self, finding: Finding) -> Finding:
        at = self.at()
        if not at and not self._mission:  # a mission with no waiver: nothing to look up
            return finding
        code, day = finding.code, finding.day
        matching = [w for w in self._mission if w.code == code]
        places = [finding.loc, *finding.related]
        subject = self.mission.events.get(finding.subject) if finding.subject else None
        if subject is not None and subject.loc not in places:
            places.append(subject.loc)
        for loc in dict.fromkeys(places):
            matching += [w for w in at.get(loc, ())
                         if w.code == code and (w.day is None or w.day == day)]
        if not matching:
            return finding
        self.used.update(matching)
        return finding._replace(waived=matching[0].reason)


def _entries(waivers: tuple[Waiver, ...], whole: Mapping[str, str],
             loc: Loc | None) -> tuple[Waiver, ...]:
    """The waivers with their positions; a model built in code may give only the mapping."""
    if waivers or not whole:
        return waivers
    where = loc or Loc("", 0, 0)
    return tuple(Waiver(code, reason, where) for code, reason in whole.items())


def summarise(reports: Sequence[FileReport]) -> dict[str, int]:
    counts = {"files": len(reports), "error": 0, "warning": 0, "info": 0, "waived": 0}
    for r in reports:
        for f in r.findings:
            if f.waived is not None:
                counts["waived"] += 1
            elif f.severity is not None and f.severity is not Severity.OFF:
                counts[f.severity.label] += 1
    return counts

