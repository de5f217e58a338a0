"""The rule package's shape (one module per rule, named after it) and every rule's example.

`missionctl.checks` holds one module per conflict rule, named after the rule's name in the
catalogue (`rules/catalogue.py`), so that a rule is found by its name in one step; shared
machinery lives in `checks/support/`, which defines no rule.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from types import ModuleType

import pytest

import missionctl.checks
import missionctl.checks.support
from missionctl.checks import Check, registry
from missionctl.linter import Selection
from missionctl.rules.catalogue import RULES

CONFLICT_CODES = [code for code in RULES if code >= "MC101"]
Found = Callable[..., list[tuple[str, int, int]]]


def modules(package: ModuleType) -> dict[str, tuple[ModuleType, bool]]:
    """The modules directly in `package`: name -> (module, is a package)."""
    return {info.name: (importlib.import_module(f"{package.__name__}.{info.name}"), info.ispkg)
            for info in pkgutil.iter_modules(package.__path__)}


def rule_modules() -> dict[str, Check]:
    """Module name -> its RULE, for every module (not subpackage) of missionctl.checks."""
    out: dict[str, Check] = {}
    for name, (module, is_package) in modules(missionctl.checks).items():
        if not is_package:
            rule = getattr(module, "RULE", None)
            assert isinstance(rule, Check), f"checks/{name}.py defines no RULE = Check(...)"
            out[name] = rule
    return out


def test_each_rule_module_is_named_after_its_rule() -> None:
    wrong = {f"checks/{name}.py": f"{rule.code} {RULES[rule.code].name}"
             for name, rule in rule_modules().items()
             if rule.code not in RULES or RULES[rule.code].name.replace("-", "_") != name}
    assert wrong == {}


def test_every_conflict_rule_has_exactly_one_module() -> None:
    codes = sorted(rule.code for rule in rule_modules().values())
    assert codes == CONFLICT_CODES  # sorted, so a code twice or missing shows


def test_registry_finds_every_rule_and_nothing_else() -> None:
    assert list(registry()) == CONFLICT_CODES
    assert {rule.code: rule for rule in rule_modules().values()} == registry()


def test_the_support_package_defines_no_rule() -> None:
    found = modules(missionctl.checks.support)
    assert found, "checks/support/ is empty"
    assert [name for name, (module, _) in found.items() if hasattr(module, "RULE")] == []


# A rule whose documented example breaks it in more than one place says so here.
EXAMPLE_FINDINGS = {"MC204": 2}  # a table used twice in a slot, and a meeting off the grid


@pytest.mark.parametrize("code", CONFLICT_CODES)
def test_the_documented_example_fires(found: Found, code: str) -> None:
    """`missionctl explain CODE` shows `bad`: it must be a valid mission fragment (no format
    finding) that breaks this rule, and only as often as listed."""
    rule = registry()[code]
    assert rule.why and rule.fix
    if rule.bad.startswith("mission:"):  # a whole mission of its own, not a fragment
        text, header = "missionctl: 1\n" + rule.bad + "\n", False
    else:
        text, header = rule.bad + "\n", True
    codes = [c for c, _, _ in found(text, header=header, selection=Selection(select=(code,)))]
    assert codes == [code] * EXAMPLE_FINDINGS.get(code, 1)
