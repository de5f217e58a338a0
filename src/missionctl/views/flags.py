"""Findings of `check` flagged beside the events they are about.

The findings are passed in (`missionctl.check(mission)`, i.e. `linter.run_checks`): a view
never runs the checks itself, so a caller making several views of one mission checks it once,
and one making a calendar (which shows no flags) need not check it at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from missionctl.findings import Finding, Severity

if TYPE_CHECKING:
    from missionctl.model import Mission


#: The rules whose findings are never about an event (`Finding.subject` is None: a person's
#: day, a person, a B2B request, a waiver), so never flagged beside one: a view that shows
#: flags need not run them (a third of the rules' time on a 10k mission). MC407 reads what
#: the others waived, which changes no other finding. tests/views/test_flags.py holds every
#: rule to it on the test missions.
NOT_ABOUT_EVENTS = ("MC105", "MC106", "MC205", "MC402", "MC406", "MC407")


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: str  # error | warning | info
    message: str
    others: tuple[str, ...] = ()
    """The other events the finding names (MC101, MC102, MC201: the earlier event of the pair,
    which the finding does not point at). Filled when `flags_by_event` is given the mission."""


class Flags(dict[str, tuple[Flag, ...]]):
    """Event id -> its flags (a plain mapping to every renderer), plus `naming`: event id ->
    the flags of *other* events that name it, worked out once (see `naming`)."""

    naming: dict[str, tuple[Flag, ...]]


def flags_by_event(findings: Iterable[Finding], mission: Mission | None = None) -> Flags:
    """Event id -> the findings about it that `check` shows (waived and `off` ones left out),
    ordered by code. `findings` are stamped ones, as `linter.run_checks` gives them.

    With `mission`, each flag also records the other events its finding names (`related`
    positions that are events' own), so a view can show a pair's conflict on both events."""
    by_loc = {e.loc: e.id for e in mission.events.values()} if mission is not None else {}
    out: dict[str, list[Flag]] = {}
    for f in findings:
        if f.subject is None or f.waived is not None:
            continue
        if f.severity is None or f.severity is Severity.OFF:
            continue
        others = tuple(dict.fromkeys(by_loc[loc] for loc in f.related
                                     if by_loc.get(loc, f.subject) != f.subject))
        out.setdefault(f.subject, []).append(Flag(f.code, f.severity.label, f.message, others))
    flags = Flags((k, tuple(sorted(v, key=lambda x: (x.code, x.message))))
                  for k, v in out.items())
    flags.naming = _naming(flags)
    return flags


def _naming(flags: Mapping[str, tuple[Flag, ...]]) -> dict[str, tuple[Flag, ...]]:
    out: dict[str, list[Flag]] = {}
    for subject in flags:
        for flag in flags[subject]:
            for other in flag.others:
                out.setdefault(other, []).append(flag)
    return {k: tuple(sorted(v, key=lambda x: (x.code, x.message))) for k, v in out.items()}


def naming(flags: Mapping[str, tuple[Flag, ...]]) -> Mapping[str, tuple[Flag, ...]]:
    """Event id -> the flags of other events whose finding names it: the earlier event of a
    double booking, which `check` reports at the later one. Taken from `Flags.naming` (worked
    out once per run, however many views are built), else worked out from the flags:
    linear in the number of flags."""
    if isinstance(flags, Flags):
        return flags.naming
    return _naming(flags)


def codes(flags: tuple[Flag, ...]) -> tuple[str, ...]:
    """Distinct codes, in order."""
    return tuple(dict.fromkeys(f.code for f in flags))
