"""No recursion in the loader depends on how deep the input is."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

from missionctl.cli.app import main
from missionctl.loader import convert

LOADER = Path(convert.__file__).parent

# Recursion allowed in the loader, and why its depth does not follow the input's:
ALLOWED = {
    # x- extension data: cut at depth 50, whatever the input's depth.
    ("convert", "plain"),
    # An include inside an include: as deep as the chain of files. read.py is i9-input's
    # (issue 9); listed here until it reads includes with its own stack.
    ("read", "_include"), ("read", "_read_file"),
}


def _calls(fn: ast.FunctionDef) -> set[str]:
    out = set()
    for node in ast.walk(fn):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name):
                out.add(f.id)
            elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) \
                    and f.value.id == "self":
                out.add(f.attr)
    return out


def recursive_functions(path: Path) -> set[str]:
    """Functions of one module on a cycle of calls between the module's own functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    graph = {fn.name: _calls(fn) for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef)}
    on_cycle = set()
    for start in graph:
        seen, todo = set(), [c for c in graph[start] if c in graph]
        while todo:
            name = todo.pop()
            if name == start:
                on_cycle.add(start)
                break
            if name not in seen:
                seen.add(name)
                todo.extend(c for c in graph[name] if c in graph)
    return on_cycle


def test_the_finder_sees_recursion() -> None:
    assert "plain" in recursive_functions(LOADER / "convert.py")


def test_no_loader_function_recurses_on_the_input() -> None:
    found = {(p.stem, name) for p in LOADER.glob("*.py") for name in recursive_functions(p)}
    assert found - ALLOWED == set()


def test_extension_data_as_deep_as_libyaml_reads_is_carried(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """libyaml refuses nesting past 1,000 levels (MC001); anything below loads and exports."""
    deep = "[" * 990 + "]" * 990
    path = write(f"x-deep: {deep}\npeople:\n  ana: {{name: Ana, x-d: {deep}}}\n", header=True)
    for args in (["check"], ["itinerary", "--format", "json"], ["contacts", "--format", "json"]):
        assert main([*args, str(path)]) == 0
        assert "internal error" not in capsys.readouterr().err
