"""`check` start-up does not change with `schedule`: neither the planner nor OR-Tools is
imported by `check` (counted in a fresh interpreter, not timed), even on a mission whose B2B
session takes its meetings from the generated file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "missions" / "produtech-morocco-2027"

PROBE = """\
import sys
from missionctl.cli.app import main
code = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules
               if m.split('.')[0] == 'ortools' or m.startswith('missionctl.schedule'))
print(code, heavy)
"""


@pytest.mark.parametrize("args", [["check", str(EXAMPLE / "mission.yaml")], ["--help"]])
def test_check_imports_neither_the_planner_nor_the_solver(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, check=True)
    assert done.stdout.splitlines()[-1].endswith(" []"), done.stdout


def test_schedule_help_imports_neither() -> None:
    probe = PROBE.replace("code = main(sys.argv[1:])",
                          "code = main(['schedule', '--help'])")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "0 []", done.stdout
