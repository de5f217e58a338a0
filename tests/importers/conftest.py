"""Fixtures of the import tests: a mission to import into, and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pytest

from missionctl.cli.app import main

MISSION = """\
missionctl: 1
mission:
  id: produtech-ma-2027
  title: PRODUTECH mission to Morocco
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  contact: duty
include: [{include}]
organisations:
  produtech: {{name: PRODUTECH cluster, type: cluster, country: PT}}
people:
  duty: {{name: Duty Officer, organisation: produtech, side: organiser,
         email: duty@example.org, phone: "+351 220 000 100"}}
"""


class Cli(Protocol):
    """cli("import", "people", ...) -> (exit code, stdout, stderr)."""

    def __call__(self, *args: object) -> tuple[int, str, str]: ...


class MakeMission(Protocol):
    """mission(extra="", include="imported-people.yaml") -> the mission file's path; `extra`
    is appended as written (after the `people:` section)."""

    def __call__(self, extra: str = "", include: str = "imported-people.yaml") -> Path: ...


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    def _run(*args: object) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def mission(tmp_path: Path) -> MakeMission:
    def _write(extra: str = "", include: str = "imported-people.yaml") -> Path:
        folder = tmp_path / "mission"
        folder.mkdir(exist_ok=True)
        path = folder / "mission.yaml"
        path.write_text(MISSION.format(include=include) + extra, encoding="utf-8")
        return path

    return _write
