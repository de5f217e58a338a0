"""Where `missionctl geocode` may write (the output part of netcmd/geocode.py): the results
file and the `--patch --output` file go through `missionctl.outputs` like every other output,
and are checked before any request."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from netcmd.conftest import FakeService, snapshot

Cli = Callable[..., tuple[int, str, str]]

VENUES = """\
venues:
  hotel:
    name: Hotel
    address: Boulevard d'Anfa
    city: Casablanca
"""
PLACES = [("Boulevard d'Anfa, Casablanca", (33.5890123, -7.6320456))]


@pytest.fixture
def venues_mission(mission: Callable[..., Path]) -> Path:
    path = mission("include: [venues.yaml]\n")
    (path.parent / "venues.yaml").write_text(VENUES, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["m.yaml", "venues.yaml"])
@pytest.mark.parametrize("patch", [["--patch"], []], ids=["patch", "results"])
def test_never_written_over_a_file_of_the_mission(cli: Cli, venues_mission: Path,
                                                  service: FakeService, name: str,
                                                  patch: list[str]) -> None:
    service.add_places(PLACES)
    folder = venues_mission.parent
    before = snapshot(folder)
    for force in ([], ["--force"]):
        code, out, err = cli("geocode", venues_mission, "--geocoder", service.url, *patch,
                             "--output", folder / name, *force)
        assert code == 2, out + err
        assert "one of the mission's own files" in err and err.count("\n") == 1
    assert snapshot(folder) == before
    assert service.requests == []  # refused before asking anything


def test_patch_output_needs_force_over_a_foreign_file(cli: Cli, venues_mission: Path,
                                                      service: FakeService,
                                                      tmp_path: Path) -> None:
    service.add_places(PLACES)
    target = tmp_path / "geo.diff"
    target.write_text("my notes\n")
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url, "--patch",
                          "--output", target)
    assert code == 2 and "was not written by `missionctl geocode`" in err
    assert target.read_text() == "my notes\n" and service.requests == []
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url, "--patch",
                          "--output", target, "--force")
    assert code == 0, err
    assert target.read_text().startswith("--- a/venues.yaml")
    # our patch now: replaced without --force
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url, "--patch",
                          "--output", target)
    assert code == 0, err
