"""The shape of `src/`, enforced: imports go one way, and only `cli/` talks to the terminal.

Both are read from the source with `ast`, never by importing it.

Imports. Every `import` and `from ... import` naming a missionctl module counts, at module
level and inside functions alike (a function-level import is a dependency all the same; it is
only deferred for start-up time). Imports under `if TYPE_CHECKING:` do not count: they exist for
the type checker only. `importlib.import_module` strings (the rule and renderer registries) are
not imports of the caller: they are looked up by name, which is how a registry stays a leaf.
There must be no cycle among modules, and none among missionctl's top-level parts
(`missionctl.views`, `missionctl.render`, `missionctl.linter`, ...), so that no two packages
lean on each other.

Output. Outside `cli/`, no code prints or exits: no `print()`, `sys.exit`, `exit()`/`quit()`,
`os._exit`, no use of `sys.stdout`/`sys.stderr` (or their `__stdout__`/`__stderr__`), no
`typer` or `click`, and no rich `Console` unless it writes into a buffer (`file=`), which is
rendering, not printing. The one exception is a module's `if __name__ == "__main__":` block,
which is a script of its own (`python -m missionctl.rules.docs` writes docs/rules.md).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "missionctl"


# --- reading the source ------------------------------------------------------------------


def modules(root: Path = SRC) -> dict[str, Path]:
    """Dotted module name -> file, for every module under `root` (a package's is its
    `__init__.py`)."""
    out: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return ((isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
            or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def _main_block(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
            and test.left.id == "__name__"
            and any(isinstance(c, ast.Constant) and c.value == "__main__"
                    for c in test.comparators))


def walk(tree: ast.AST, skip: tuple[type, ...] = ()) -> Iterator[ast.AST]:
    """Every node, leaving out the bodies of `if TYPE_CHECKING:` (their `else:` counts)."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and _type_checking(child):
            for node in child.orelse:
                yield node
                yield from walk(node)
            continue
        yield child
        yield from walk(child)


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The missionctl modules `name` imports (at any level, outside TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add(_owner(alias.name, known))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else _owner(base, known))
    found.discard("")
    return {m for m in found if m in known and m != name}


def _owner(dotted: str, known: dict[str, Path]) -> str:
    """The longest known module that `dotted` names or lies in ('' if none)."""
    while dotted and dotted not in known:
        dotted = dotted.rpartition(".")[0]
    return dotted


def graph(root: Path = SRC) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imports(name, path, known) for name, path in known.items()}


def part(module: str) -> str:
    """'missionctl.render.html' -> 'missionctl.render'; 'missionctl.linter' stays."""
    return ".".join(module.split(".")[:2])


def parts_graph(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {part(m): set() for m in edges}
    for source, targets in edges.items():
        out[part(source)] |= {part(t) for t in targets if part(t) != part(source)}
    return out


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(found)


# --- no cycles -----------------------------------------------------------------------------


def test_no_import_cycle_between_modules() -> None:
    assert cycles(graph()) == []


def test_no_import_cycle_between_packages() -> None:
    assert cycles(parts_graph(graph())) == []


def test_the_graph_is_read() -> None:
    """The reader sees the edges that matter (else the two tests above could not fail)."""
    edges = graph()
    assert "missionctl.loader" in edges["missionctl.linter"]  # module level
    assert "missionctl.checks" in edges["missionctl.linter"]  # inside a function
    assert "missionctl.render" in edges["missionctl.render.text"]  # `from pkg import name`
    # TYPE_CHECKING-only imports do not count:
    assert "missionctl.netcmd.holidays" not in edges["missionctl.render.json_"]


def test_a_cycle_is_found(tmp_path: Path) -> None:
    pkg = tmp_path / "missionctl"
    (pkg / "a").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a" / "__init__.py").write_text("")
    (pkg / "a" / "x.py").write_text("def f():\n    from missionctl.b import y\n")
    (pkg / "b.py").write_text("from missionctl.a.x import f\ny = 1\n")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                              "    from missionctl import b\n")
    (pkg / "d.py").write_text("from . import c\n")
    edges = graph(pkg)
    assert cycles(edges) == [["missionctl.a.x", "missionctl.b"]]
    assert edges["missionctl.c"] == set()
    assert edges["missionctl.d"] == {"missionctl.c"}
    assert cycles(parts_graph(edges)) == [["missionctl.a", "missionctl.b"]]


# --- no printing outside cli/ ---------------------------------------------------------------

_STREAMS = {"stdout", "stderr", "__stdout__", "__stderr__", "exit"}


def output_calls(source: str) -> list[tuple[int, str]]:
    """(line, what) for every way `source` prints or exits (see the module docstring)."""
    tree = ast.parse(source)
    skipped = {id(n) for top in ast.walk(tree) if isinstance(top, ast.If) and _main_block(top)
               for n in ast.walk(top)}
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        what = _output(node)
        if what is not None:
            found.append((getattr(node, "lineno", 0), what))
    return sorted(found)


def _output(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id in ("print", "exit", "quit"):
            return f"{node.func.id}()"
        if node.func.id == "Console" and not any(k.arg == "file" for k in node.keywords):
            return "a rich Console on the terminal"
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.value.id == "sys" and node.attr in _STREAMS:
            return f"sys.{node.attr}"
        if node.value.id == "os" and node.attr == "_exit":
            return "os._exit"
        if node.value.id in ("typer", "click"):
            return f"{node.value.id}.{node.attr}"
    if isinstance(node, ast.Import | ast.ImportFrom):
        names = [a.name for a in node.names]
        module = node.module if isinstance(node, ast.ImportFrom) else None
        for name in [module or "", *names]:
            if name.split(".")[0] in ("typer", "click"):
                return f"import {name}"
        if module and module.startswith("rich") and "print" in names:
            return "rich's print"
    return None


def test_nothing_outside_cli_prints_or_exits() -> None:
    offenders = [
        f"{path.relative_to(SRC.parent)}:{line}: {what}"
        for name, path in modules().items() if not name.startswith("missionctl.cli")
        for line, what in output_calls(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize("source, what", [
    ("print('x')", "print()"),
    ("import sys\nsys.stderr.write('x')", "sys.stderr"),
    ("import sys\nsys.exit(1)", "sys.exit"),
    ("import os\nos._exit(0)", "os._exit"),
    ("import typer\nraise typer.Exit(1)", "import typer"),
    ("from rich.console import Console\nConsole().print('x')", "a rich Console on the terminal"),
    ("from rich import print\n", "rich's print"),
])
def test_the_scan_finds_output(source: str, what: str) -> None:
    assert what in [w for _line, w in output_calls(source)]


def test_the_scan_allows_rendering_and_scripts() -> None:
    source = ("import io\nfrom rich.console import Console\n"
              "Console(file=io.StringIO()).print('x')\n"
              "'''print(x) in a docstring'''\n"
              "if __name__ == '__main__':\n    import sys\n    sys.stdout.write('docs')\n")
    assert output_calls(source) == []


# --- every data file ships ------------------------------------------------------------------


def test_every_data_file_is_package_data() -> None:
    """A file the code reads at run time (the HTML style sheet, py.typed) is in the wheel."""
    import fnmatch
    import tomllib

    config = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["missionctl"]
    data = [p.relative_to(SRC).as_posix() for p in SRC.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert "render/page.css" in data
    assert [d for d in data if not any(fnmatch.fnmatch(d, g) for g in globs)] == []
