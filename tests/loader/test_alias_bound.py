"""The alias bound counts the whole mission: the mission file and every include together
(`yamlnodes.Budget`), so forty includes each just under the bound are one MC001, not forty
times the work."""

from __future__ import annotations

from pathlib import Path

import pytest

from missionctl import yamlnodes
from missionctl.loader import load

HEADER = """\
missionctl: 1
mission:
  id: aliases
  title: Aliases
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
"""


def near_the_bound(bound: int) -> tuple[str, int]:
    """An include whose aliases add just under `bound` nodes, and how many they add."""
    lines = ["x-a: &a [" + ",".join(["v"] * 10) + "]"]  # 11 nodes
    sizes = {"a": 11}
    added, prev = 0, "a"
    for name in "bcdefgh":
        if added + 10 * sizes[prev] > bound:
            break
        lines.append(f"x-{name}: &{name} [{','.join(['*' + prev] * 10)}]")
        added += 10 * sizes[prev]
        sizes[name], prev = 1 + 10 * sizes[prev], name
    for name in sorted(sizes, key=sizes.__getitem__, reverse=True):  # fill the rest
        count = (bound - added) // sizes[name]
        if count:
            lines.append(f"x-more-{name}: [{','.join(['*' + name] * count)}]")
            added += count * sizes[name]
    return "\n".join(lines) + "\n", added


def write_includes(folder: Path, n: int, bound: int) -> list[str]:
    text, added = near_the_bound(bound)
    assert bound * 0.9 < added <= bound
    names = [f"inc{i:02}.yaml" for i in range(n)]
    for name in names:
        (folder / name).write_text(text)
    (folder / "m.yaml").write_text(HEADER + f"include: [{', '.join(names)}]\n")
    return names


def test_forty_includes_just_under_the_bound(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlnodes, "MAX_ALIAS_EXPANSION", 20_000)
    names = write_includes(tmp_path, 40, 20_000)
    loaded = load(tmp_path / "m.yaml", "m.yaml")
    mc001 = [f for f in loaded.findings if f.code == "MC001"]
    assert [(f.loc.file, f.loc.line) for f in mc001] == [(names[1], 1)]  # at the anchor
    assert "past 20,000 nodes (an alias bomb, counted over the mission file and all its " \
        "includes)" in mc001[0].message
    # the includes after the one that passed the bound are not read at all
    assert loaded.files == ("m.yaml", names[0])


def test_the_real_bound_over_three_includes(tmp_path: Path) -> None:
    names = write_includes(tmp_path, 3, yamlnodes.MAX_ALIAS_EXPANSION)
    loaded = load(tmp_path / "m.yaml", "m.yaml")
    assert [(f.code, f.loc.file) for f in loaded.findings if f.code == "MC001"] == [
        ("MC001", names[1])]


def test_one_include_under_the_bound_loads(tmp_path: Path) -> None:
    write_includes(tmp_path, 1, yamlnodes.MAX_ALIAS_EXPANSION)
    assert load(tmp_path / "m.yaml", "m.yaml").findings == ()
