"""The `checks:` section's values: the travel model's speeds and road factor are bounded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from missionctl.cli.app import main
from missionctl.loader import Loaded

VENUES = """\
people:
  ana: {name: Ana, email: ana@example.org}
venues:
  v1: {name: V1, city: Rabat, geo: [34.0, -6.8]}
  v2: {name: V2, city: Tangier, geo: [35.7, -5.8]}
events:
  e: {kind: visit, title: V, start: 2027-05-11 10:00, end: '11:00', attendees: [ana], venue: v1}
  f: {kind: visit, title: W, start: 2027-05-11 11:10, end: '12:00', attendees: [ana], venue: v2}
"""


def mc003(result: Loaded) -> list[tuple[int, int, str]]:
    return [(f.loc.line, f.loc.column, f.message) for f in result.findings if f.code == "MC003"]


@pytest.mark.parametrize(("written", "col", "message"), [
    ("intercity_kmh: 1e-300", 34, "a speed is between 1 and 1000 km/h, not 1e-300"),
    ("urban_kmh: 0.5", 30, "a speed is between 1 and 1000 km/h, not 0.5"),
    ("urban_kmh: 0", 30, "a speed is between 1 and 1000 km/h, not 0"),
    ("intercity_kmh: 1e300", 34, "a speed is between 1 and 1000 km/h, not 1e300"),
    ("road_factor: 1e300", 32, "a road factor is between 1 (roads are never shorter than a "
                               "line) and 10, not 1e300"),
    ("road_factor: 0.9", 32, "a road factor is between 1 (roads are never shorter than a "
                             "line) and 10, not 0.9"),
])
def test_travel_model_values_out_of_bounds_are_mc003(
    loaded: Callable[..., Loaded], written: str, col: int, message: str
) -> None:
    assert mc003(loaded(VENUES + f"checks: {{travel: {{{written}}}}}\n")) == [(17, col, message)]


@pytest.mark.parametrize("written", ["urban_kmh: 1", "intercity_kmh: 1000", "road_factor: 10",
                                     "road_factor: 1"])
def test_travel_model_values_at_the_bounds_are_read(
    loaded: Callable[..., Loaded], written: str
) -> None:
    assert mc003(loaded(VENUES + f"checks: {{travel: {{{written}}}}}\n")) == []


@pytest.mark.parametrize("written", ["road_factor: 1e300", "intercity_kmh: 1e-300"])
def test_absurd_travel_values_are_findings_through_check(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str], written: str
) -> None:
    path = write(VENUES + f"checks: {{travel: {{{written}}}}}\n", header=True)
    assert main(["check", str(path)]) == 1
    assert "internal error" not in capsys.readouterr().err
