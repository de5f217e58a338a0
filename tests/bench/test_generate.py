"""benchmarks/generate.py --dense: the default programme without slack, about one finding per
event, mostly MC102 (travel-too-tight) and MC201 (room-double-booked)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bench import generator
from missionctl.linter import lint_loaded
from missionctl.loader import load

EVENTS = 1000


@pytest.fixture(scope="module")
def texts() -> tuple[str, str]:
    generate = generator().generate
    return generate(EVENTS)[0], generate(EVENTS, dense=True)[0]


def _events(text: str) -> dict[str, list[str]]:
    """Event id -> its lines, from the generated text."""
    body = text.split("\nevents:\n", 1)[1]
    return {m.group(1): m.group(2).splitlines()
            for m in re.finditer(r"^  (\S+):\n((?:    .*\n)*)", body, re.MULTILINE)}


def test_dense_changes_only_times_and_rooms_of_the_same_events(texts: tuple[str, str]) -> None:
    plain, dense = texts
    # The same people, places and settings; the header line names the option.
    head, dense_head = (t.split("\nevents:\n")[0].split("\n", 2) for t in (plain, dense))
    assert [head[0], head[2]] == [dense_head[0], dense_head[2]]
    assert dense_head[1] == head[1].replace(" (layout ", " --dense (layout ")
    before, after = _events(plain), _events(dense)
    assert list(before) == list(after) and len(before) == EVENTS
    changed: Counter[str] = Counter()
    for eid, lines in before.items():
        assert len(lines) == len(after[eid])
        for old, new in zip(lines, after[eid], strict=True):
            if old != new:
                changed[old.split(":")[0].strip()] += 1
    # a lunch moved to the shared restaurant is titled after it ("Lunch at ...")
    assert set(changed) <= {"start", "duration", "venue", "room", "capacity", "title"}
    assert changed["start"] > EVENTS / 2


def test_dense_has_about_one_finding_per_event_mostly_mc102_and_mc201(
        texts: tuple[str, str], tmp_path: Path) -> None:
    counts = []
    for text in texts:
        path = tmp_path / "m.yaml"
        path.write_text(text, encoding="utf-8")
        report = lint_loaded(load(path, path.name))
        counts.append(Counter(f.code for f in report.findings))
    plain, dense = counts
    assert sum(plain.values()) < EVENTS / 100  # the default stays close to conflict-free
    assert sum(dense.values()) > EVENTS * 0.6
    assert dense["MC102"] + dense["MC201"] > 0.9 * sum(dense.values())
    assert dense["MC102"] > 0 and dense["MC201"] > 0
