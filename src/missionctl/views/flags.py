"""Findings of `check` flagged beside the events they are about.

The findings are passed in (`missionctl.check(mission)`, i.e. `linter.run_checks`): a view
never runs the checks itself, so a caller making several views of one mission checks it once,
and one making a calendar (which shows no flags) need not check it at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from missionctl.findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: str  # error | warning | info
    message: str


def flags_by_event(findings: Iterable[Finding]) -> dict[str, tuple[Flag, ...]]:
    """Event id -> the findings about it that `check` shows (waived and `off` ones left out),
    ordered by code. `findings` are stamped ones, as `linter.run_checks` gives them."""
    out: dict[str, list[Flag]] = {}
    for f in findings:
        if f.subject is None or f.waived is not None:
            continue
        if f.severity is None or f.severity is Severity.OFF:
            continue
        out.setdefault(f.subject, []).append(Flag(f.code, f.severity.label, f.message))
    return {k: tuple(sorted(v, key=lambda x: (x.code, x.message))) for k, v in out.items()}


def codes(flags: tuple[Flag, ...]) -> tuple[str, ...]:
    """Distinct codes, in order."""
    return tuple(dict.fromkeys(f.code for f in flags))
