"""docs/api.md: every `python` block runs, in order, in one namespace, from the repository root.

The page is the library's documentation; running it keeps each example true (the assertions
in the blocks are the test).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(text: str) -> list[tuple[int, str]]:
    """(line number, code) of every python block."""
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in BLOCK.finditer(text)]


def test_the_page_has_examples() -> None:
    assert len(blocks(API.read_text(encoding="utf-8"))) >= 8


def test_every_example_runs(monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    namespace: dict[str, object] = {"__name__": "api_md"}
    for line, code in blocks(API.read_text(encoding="utf-8")):
        compiled = compile("\n" * (line - 1) + code, str(API), "exec")
        exec(compiled, namespace)  # a failing assertion points at docs/api.md:LINE
    assert "MC004" in capsys.readouterr().out


def test_a_failing_example_fails() -> None:
    """The runner is not a test that cannot fail: a false example raises."""
    [(line, code)] = blocks("text\n```python\nassert 1 == 2\n```\n")
    with pytest.raises(AssertionError):
        exec(compile("\n" * (line - 1) + code, "x.md", "exec"), {})
