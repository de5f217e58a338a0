"""The offline travel model behind MC102 (checks/travel.py)."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from missionctl.checks.support.travel import EARTH_KM, TravelModel, haversine_km

if TYPE_CHECKING:
    from conftest import Load

BODY = """\
venues:
  a: {name: A, city: Casablanca, geo: [0.0, 0.0]}
  near: {name: Near, city: Casablanca, geo: [0.0, 0.134]}
  far: {name: Far, city: Casablanca, geo: [0.0, 0.136]}
  club: {name: Club, city: " casablanca "}
  club2: {name: Club 2, city: CASABLANCA}
  ministry: {name: Ministry, city: Rabat}
  b: {name: B, geo: [1.0, 1.0]}
  c: {name: C, geo: [2.0, 2.0]}
travel_times:
  - {from: a, to: b, duration: 1h}
  - {from: b, to: a, duration: 2h}
  - {from: a, to: c, duration: 3h, oneway: true}
"""


def minutes(t: timedelta | None) -> float:
    assert t is not None
    return t.total_seconds() / 60


@pytest.fixture
def model(loaded: Load) -> TravelModel:
    result = loaded(BODY)
    assert result.ok, result.findings
    assert result.mission is not None
    return TravelModel(result.mission)


def test_haversine() -> None:
    assert haversine_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(2 * math.pi * EARTH_KM / 360)
    assert haversine_km((33.5951, -7.6187), (35.6650, -5.7600)) == pytest.approx(286.16, 0.01)
    assert haversine_km((10.0, 20.0), (10.0, 20.0)) == 0.0


def test_urban_speed_under_15_km_intercity_above(model: TravelModel) -> None:
    # 14.90 km straight: 19.37 km of road at 25 km/h = 46m29s, + 15m buffer.
    near = model.transfer("a", "near")
    assert near is not None
    assert minutes(near.time) == pytest.approx(14.900 * 1.3 / 25 * 60 + 15, abs=0.05)
    # 15.12 km straight: at 80 km/h, so quicker than the shorter trip.
    far = model.transfer("a", "far")
    assert far is not None
    assert minutes(far.time) == pytest.approx(15.123 * 1.3 / 80 * 60 + 15, abs=0.05)
    assert far.how == "about 20 km, 30m by road (with the 15m buffer)"  # 29m45s, rounded up


def test_measured_times_win_and_mirror_unless_an_own_entry_exists(model: TravelModel) -> None:
    ab, ba = model.transfer("a", "b"), model.transfer("b", "a")
    assert ab is not None and ba is not None
    assert (ab.time, ba.time) == (timedelta(hours=1, minutes=15), timedelta(hours=2, minutes=15))
    assert ab.how == "1h measured (travel_times) + 15m buffer"


def test_oneway_is_not_mirrored(model: TravelModel) -> None:
    there, back = model.transfer("a", "c"), model.transfer("c", "a")
    assert there is not None and back is not None
    assert there.time == timedelta(hours=3, minutes=15)
    assert "measured" not in back.how and back.how.startswith("about 409 km")  # 314.5 km x 1.3


def test_same_city_without_geo(model: TravelModel) -> None:
    for pair in (("a", "club"), ("club", "club2")):
        transfer = model.transfer(*pair)
        assert transfer is not None
        assert transfer.time == timedelta(minutes=45)
    assert model.transfer("club", "a").how == (  # type: ignore[union-attr]
        "both in casablanca, 45m allowed (checks.travel.same_city + buffer)")


def test_not_enough_data(model: TravelModel) -> None:
    assert model.transfer("a", "ministry") is None
    assert model.transfer("club", "ministry") is None
    assert model.transfer("b", "club") is None
    assert model.transfer("a", "nowhere") is None


def test_estimates_are_cached(model: TravelModel) -> None:
    assert model.transfer("a", "near") is model.transfer("a", "near")
