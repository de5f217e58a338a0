"""No recursion in the loader depends on how deep the input is."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

from missionctl.cli.app import main
from missionctl.loader import convert

LOADER = Path(convert.__file__).parent

# Recursion allowed in the loader (by function name), and why:
ALLOWED = {
    # x- extension data: cut at depth 50, whatever the input's depth.
    "plain",
    # An include inside an include: as deep as the chain of files. read.py is i9-input's
    # (issue 9): at about 490 nested includes Path.resolve hits the recursion limit and the
    # finding says "cannot resolve the include". Listed (under the names it has on main and
    # on i9-input's branch) until includes are read with their own stack.
    "_include", "_read_file", "include", "read_file",
}


def _calls(fn: ast.FunctionDef, modules: set[str]) -> set[str]:
    """Names called by `fn`: `f()`, `self.f()` and `<loader module>.f()`."""
    out = set()
    for node in ast.walk(fn):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name):
                out.add(f.id)
            elif (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name)
                  and (f.value.id == "self" or f.value.id in modules)):
                out.add(f.attr)
    return out


def recursive_functions(package: Path) -> set[str]:
    """Functions of a package on a cycle of calls between the package's own functions
    (by name, across its modules: a name two modules define is one node, which can only
    add cycles, never hide one)."""
    modules = {p.stem for p in package.glob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in package.glob("*.py"):
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(fn, ast.FunctionDef):
                graph.setdefault(fn.name, set()).update(_calls(fn, modules))
    on_cycle = set()
    for start in graph:
        seen: set[str] = set()
        todo = [c for c in graph[start] if c in graph]
        while todo:
            name = todo.pop()
            if name == start:
                on_cycle.add(start)
                break
            if name not in seen:
                seen.add(name)
                todo.extend(c for c in graph[name] if c in graph)
    return on_cycle


def test_the_finder_sees_recursion_within_and_across_modules(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("def walk(n):\n    return [walk(c) for c in n]\n"
                                   "def read(p):\n    return b.include(p)\n")
    (tmp_path / "b.py").write_text("def include(p):\n    return read(p)\n"
                                   "class R:\n    def members(self, g):\n"
                                   "        return self.members(g)\n")
    assert recursive_functions(tmp_path) == {"walk", "read", "include", "members"}
    assert "plain" in recursive_functions(LOADER)


def test_no_loader_function_recurses_on_the_input() -> None:
    assert recursive_functions(LOADER) - ALLOWED == set()


def test_extension_data_as_deep_as_libyaml_reads_is_carried(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """libyaml refuses nesting past 1,000 levels (MC001); anything below loads and exports."""
    deep = "[" * 990 + "]" * 990
    path = write(f"x-deep: {deep}\npeople:\n  ana: {{name: Ana, x-d: {deep}}}\n", header=True)
    for args in (["check"], ["itinerary", "--format", "json"], ["contacts", "--format", "json"]):
        assert main([*args, str(path)]) == 0
        assert "internal error" not in capsys.readouterr().err
