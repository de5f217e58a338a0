"""Findings of `check` flagged beside the events they are about."""

from __future__ import annotations

from dataclasses import dataclass

from missionctl.findings import Severity
from missionctl.model import Mission


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: str  # error | warning | info
    message: str


def flags_by_event(mission: Mission) -> dict[str, tuple[Flag, ...]]:
    """Event id -> the findings about it that `check` shows (waived and `off` ones left out),
    ordered by code. Runs every conflict check once."""
    from missionctl.linter import run_checks

    out: dict[str, list[Flag]] = {}
    for f in run_checks(mission):
        if f.subject is None or f.waived is not None:
            continue
        if f.severity is None or f.severity is Severity.OFF:
            continue
        out.setdefault(f.subject, []).append(Flag(f.code, f.severity.label, f.message))
    return {k: tuple(sorted(v, key=lambda x: (x.code, x.message))) for k, v in out.items()}


def codes(flags: tuple[Flag, ...]) -> tuple[str, ...]:
    """Distinct codes, in order."""
    return tuple(dict.fromkeys(f.code for f in flags))
