"""Shared test helpers: write a mission to a temp file and check it.

The fixtures that return a function are typed by the Protocols below, so that a test names
the fixture's type (`found: Found`) and mypy checks every call. A test module imports them
for annotations only (`if TYPE_CHECKING: from conftest import Found`): pytest loads this file
itself, and a second import by name is not what it expects.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
from hypothesis import settings

from missionctl.linter import FileReport, Selection, lint_loaded
from missionctl.loader import Loaded, load

# No Hypothesis deadline anywhere: a deadline is a timed test, and on a shared 2-core machine a
# loaded moment made a correct example "too slow" (tests/importers/test_values.py at load 8).
settings.register_profile("missionctl", deadline=None)
settings.load_profile("missionctl")

ROOT = Path(__file__).resolve().parent.parent
MISSIONS = ROOT / "missions"

HEADER = """\
missionctl: 1
mission:
  id: test
  title: Test mission
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
"""


class Write(Protocol):
    """The `write` fixture: write(text, name="m.yaml", header=False) -> path."""

    def __call__(self, text: str, name: str = "m.yaml", header: bool = False) -> Path: ...


class Load(Protocol):
    """The `loaded` fixture: loaded(text, header=True) -> what the loader made of it."""

    def __call__(self, text: str, header: bool = True) -> Loaded: ...


class Found(Protocol):
    """The `found` fixture: found(text, code=None) -> sorted [(code, line, col)]."""

    def __call__(self, text: str, code: str | None = None, header: bool = True,
                 selection: Selection | None = None) -> list[tuple[str, int, int]]: ...


class ReportOf(Protocol):
    """The `report_of` fixture: report_of(text, header=True) -> the file's report."""

    def __call__(self, text: str, header: bool = True) -> FileReport: ...


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No holiday override or cache from the developer's home may change what a test sees."""
    from missionctl.practice import holidays

    monkeypatch.setenv("MISSIONCTL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MISSIONCTL_CACHE_DIR", str(tmp_path / "cache"))
    holidays.clear_memory_cache()
    yield
    holidays.clear_memory_cache()


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """write(text, name="m.yaml", header=False) -> path; dedents the text."""

    def _write(text: str, name: str = "m.yaml", header: bool = False) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        body = textwrap.dedent(text)
        path.write_text((HEADER + body) if header else body, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def loaded(write: Write) -> Load:
    def _loaded(text: str, header: bool = True) -> Loaded:
        return load(write(text, header=header), "m.yaml")

    return _loaded


@pytest.fixture
def found(write: Write) -> Found:
    """found(text, code=None) -> sorted [(code, line, col)] of findings (not waived).

    With the mission header prepended (line numbers count it: the body starts on line 9).
    """

    def _found(text: str, code: str | None = None, header: bool = True,
               selection: Selection | None = None) -> list[tuple[str, int, int]]:
        report = lint_loaded(load(write(text, header=header), "m.yaml"),
                             selection or Selection())
        return sorted((f.code, f.loc.line, f.loc.column) for f in report.shown
                      if code is None or f.code == code)

    return _found


@pytest.fixture
def report_of(write: Write) -> ReportOf:
    def _report(text: str, header: bool = True) -> FileReport:
        return lint_loaded(load(write(text, header=header), "m.yaml"))

    return _report
