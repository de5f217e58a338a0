"""The flags beside events come from the rules whose findings can be about an event: the
rules left out (`flags.NOT_ABOUT_EVENTS`) never name one, so the flags are the same."""

from __future__ import annotations

import ast
import importlib.util
import inspect
from pathlib import Path
from types import ModuleType

import pytest

from missionctl.checks import registry
from missionctl.linter import Selection, run_checks
from missionctl.loader import load
from missionctl.model import Mission
from missionctl.views.flags import NOT_ABOUT_EVENTS, flags_by_event

ROOT = Path(__file__).resolve().parents[2]


def _finding_calls(module: ModuleType) -> list[ast.Call]:
    tree = ast.parse(inspect.getsource(module))
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id == "Finding"]


@pytest.mark.parametrize("code", NOT_ABOUT_EVENTS)
def test_a_rule_left_out_never_gives_a_finding_a_subject(code: str) -> None:
    """Every `Finding(...)` its module makes has no subject (neither by keyword nor as the
    fifth argument), and the rule says its findings point at no event."""
    rule = registry()[code]
    module = inspect.getmodule(rule.run)
    assert module is not None
    calls = _finding_calls(module)
    assert calls, f"{code}: no Finding(...) found in {module.__name__}"
    for call in calls:
        assert len(call.args) < 5, f"{code}: a Finding with a subject (line {call.lineno})"
        assert all(k.arg != "subject" for k in call.keywords), f"{code}: line {call.lineno}"
    assert "event" not in rule.places


def test_the_rules_left_out_are_rules() -> None:
    assert set(NOT_ABOUT_EVENTS) <= set(registry())


def _generated(tmp_path: Path, events: int, dense: bool) -> Mission:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path / "m.yaml"
    path.write_text(module.generate(events, dense=dense)[0], encoding="utf-8")
    loaded = load(path, path.name)
    assert loaded.mission is not None
    return loaded.mission


@pytest.mark.parametrize("dense", [False, True])
def test_the_flags_are_those_of_every_rule(tmp_path: Path, dense: bool) -> None:
    mission = _generated(tmp_path, 300, dense)
    every = flags_by_event(run_checks(mission), mission)
    some = flags_by_event(run_checks(mission, Selection(ignore=NOT_ABOUT_EVENTS)), mission)
    assert every, "the mission has no flag: the comparison would prove nothing"
    assert some == every
    assert some.naming == every.naming
