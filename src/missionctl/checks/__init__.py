"""Conflict checks (MC101-MC406): one module per rule, found through `registry()`.

Each module of this package is one rule, named after the rule's name in the catalogue
(`rules/catalogue.py`: MC101 `person-double-booked` is `person_double_booked.py`), and defines
`RULE = Check(...)`: the code, its documentation and a function that yields findings for a
resolved, format-clean Mission. What several rules share (the per-run index, timelines, the
travel model, the calendar rules' local days) is in the `support` subpackage, which has no
rule; wording is `missionctl.wording`. Rules never decide severity or waivers: the linter
stamps those from the mission's `checks:` settings.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from functools import cache
from typing import NamedTuple

from missionctl.findings import Finding
from missionctl.model import Mission, Waiver

CheckFn = Callable[[Mission, "Context"], Iterable[Finding]]

# Where a rule's findings point, hence where a `waive:` of its code can apply (MC407 reports
# one written elsewhere): "event" (the event, a B2B meeting: a `waive:` on it, or on its
# session), "session" (a B2B session or its requests), "person" (the person's id key),
# "day" (about one of the person's days: their waiver for one day applies), "mission" (only
# `checks.waive` can reach it). `checks.waive` applies to every rule.
EVENT = frozenset({"event"})
PERSON = frozenset({"person"})
PERSON_DAY = frozenset({"person", "day"})
SESSION = frozenset({"session"})
MISSION = frozenset({"mission"})


class Check(NamedTuple):
    code: str
    why: str  # why it matters to a delegation
    bad: str  # a YAML example that fires the rule
    fix: str  # what to change
    run: CheckFn
    places: frozenset[str] = EVENT
    # Runs after every other rule, reading what they found from the Context (MC407).
    last: bool = False


_UNBUILT = object()


class Context:
    """Shared, lazily computed views of a mission that several checks need (per-person
    timelines, the travel model...). Checks register helpers with `memo`.

    For the rules that run last (`Check.last`), the linter also records which rules ran
    (`ran`) and which waivers waived something (`used`); both stay None when a rule is run
    on its own."""

    def __init__(self, mission: Mission) -> None:
        self.mission = mission
        self._memo: dict[str, object] = {}
        self.ran: frozenset[str] | None = None
        self.used: frozenset[Waiver] | None = None

    def memo(self, key: str, build: Callable[[], object]) -> object:
        found = self._memo.get(key, _UNBUILT)
        if found is _UNBUILT:  # one look-up in the usual case: rules ask once per event
            found = self._memo[key] = build()
        return found


@cache
def registry() -> dict[str, Check]:
    """Every rule module in this package (one exposing `RULE`), keyed and ordered by code.

    Discovered rather than listed so that adding a rule is adding a module; shared machinery
    lives in subpackages (`support`), which are not searched.
    """
    # The folder listed, not pkgutil.iter_modules: that imports inspect (with ast, dis and
    # tokenize), a twentieth of a small check's start-up.
    found: dict[str, Check] = {}
    for file in sorted(os.listdir(__path__[0])):
        name = file.removesuffix(".py")
        if name == file or not name.isidentifier() or name == "__init__":
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Check):
            found[rule.code] = rule
    return dict(sorted(found.items()))
