"""`load(keep=...)`: what loading built (the YAML nodes, the fields read) is handed to the
caller to free later, and otherwise freed when loading returns."""

from __future__ import annotations

import sys
from pathlib import Path

from missionctl.cli.checking import LAST, run_check
from missionctl.loader import load
from missionctl.loader.read import RawMission
from missionctl.yamlnodes import MappingNode

EXAMPLE = Path(__file__).parents[2] / "missions" / "produtech-morocco-2027" / "mission.yaml"


def test_kept_state_holds_every_files_nodes() -> None:
    kept: list[object] = []
    loaded = load(EXAMPLE, "example.yaml", keep=kept)
    [raw, mission] = kept
    assert mission is loaded.mission and isinstance(raw, RawMission)
    assert raw.files == list(loaded.files) and len(raw.files) > 1  # with its includes
    assert len(raw.roots) == len(loaded.files)
    assert all(isinstance(root, MappingNode) for root in raw.roots)


def test_nothing_else_holds_the_nodes() -> None:
    kept: list[object] = []
    load(EXAMPLE, "example.yaml", keep=kept)
    raw = kept[0]
    assert isinstance(raw, RawMission)
    root = raw.roots[0]
    kept.clear()
    del raw
    # Only `root` here (and getrefcount's argument): dropping the kept list frees the nodes.
    assert sys.getrefcount(root) == 2


def test_the_check_command_keeps_its_loads_until_the_next() -> None:
    assert run_check([EXAMPLE]) in (0, 1)
    first = [x for x in LAST if isinstance(x, RawMission)]
    assert len(first) == 1 and first[0].roots
    assert run_check([EXAMPLE]) in (0, 1)
    second = [x for x in LAST if isinstance(x, RawMission)]
    assert len(second) == 1 and second[0] is not first[0]
