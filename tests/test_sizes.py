"""Small modules, small functions: the sizes of `src/`, held from now on.

A module of `src/missionctl` has at most 400 lines, a function (or method, nested ones
included) at most 60, counted from its `def` line to its last line, docstring included. Read
with `ast`, never by importing. A module or function over the limit is listed below with the
reason it may be; an entry that is no longer over the limit fails too, so the list stays
true (remove it).

`python tests/test_sizes.py` prints every module and function over the limits, listed or not.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "missionctl"
MODULE_LINES = 400
FUNCTION_LINES = 60

# "path" or "path:function" (relative to src/missionctl) -> why it may be over the limit.
EXCEPTIONS: dict[str, str] = {
}


def oversized(root: Path = SRC) -> dict[str, int]:
    """Every module and function under `root` over the limits -> its length in lines."""
    out: dict[str, int] = {}
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MODULE_LINES:
            out[name] = lines
        for node in ast.walk(ast.parse(text, str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    out[f"{name}:{node.name}"] = length
    return out


def test_modules_and_functions_are_small_or_listed() -> None:
    found = oversized()
    unlisted = {name: n for name, n in found.items() if name not in EXCEPTIONS}
    assert unlisted == {}, (
        f"over {MODULE_LINES} lines (a module) or {FUNCTION_LINES} (a function): split it, "
        "or list it in EXCEPTIONS with the reason")


def test_every_exception_is_still_needed() -> None:
    stale = sorted(set(EXCEPTIONS) - set(oversized()))
    assert stale == [], "no longer over the limit: remove it from EXCEPTIONS"


def test_the_measure(tmp_path: Path) -> None:
    def body(n: int, indent: int) -> str:
        return "".join(f"{' ' * indent}x{i} = {i}\n" for i in range(n))

    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text(body(401, 0))
    (tmp_path / "pkg" / "at_limit.py").write_text(body(400, 0))
    (tmp_path / "funcs.py").write_text(
        "class C:\n    def method(self) -> None:\n" + body(60, 8)  # 61 lines
        + "def outer() -> None:\n    def inner() -> None:\n" + body(59, 8)  # 60 and 61
        + "def fits() -> None:\n" + body(59, 4))  # 60 lines
    assert oversized(tmp_path) == {"pkg/long.py": 401, "funcs.py:method": 61,
                                   "funcs.py:outer": 61}


if __name__ == "__main__":
    for name, n in sorted(oversized().items()):
        print(f"{name}: {n} lines" + (f"  ({EXCEPTIONS[name]})" if name in EXCEPTIONS else ""))
