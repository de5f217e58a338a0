"""The offline travel model (contract section 8): how long a transfer between two venues takes.

In order of preference:

1. a `travel_times` entry (measured or routed), in both directions unless `oneway: true`;
   an entry written for the exact direction wins over the mirror of another one;
2. both venues with `geo`: straight-line (haversine) km x `road_factor`, at `urban_kmh` when
   the straight line is under 15 km, else at `intercity_kmh`;
3. the same city (compared case-insensitively, trimmed), either venue without `geo`:
   `same_city`;
4. otherwise no estimate: the checks say nothing rather than guess (no false alarms).

`buffer` is added to each of 1-3. Estimates are cached per venue pair and the model is
shared through `ctx.memo`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from typing import NamedTuple, cast

from missionctl.checks import Context
from missionctl.model import Mission, TravelSettings, Venue
from missionctl.wording import minutes_text

EARTH_KM = 6371.0088  # mean Earth radius (IUGG)
URBAN_UNDER_KM = 15.0


class Transfer(NamedTuple):
    """A transfer's time, buffer included, and how it was worked out (for messages).

    The words are only put together when asked for: most transfers are estimated to be
    compared with a gap and never make it into a message. A NamedTuple (not a frozen
    dataclass, whose __init__ sets each field through object.__setattr__): one is made per
    pair of venues a programme moves between, thousands in a large mission."""

    time: timedelta
    words: Callable[[], str]

    @property
    def how(self) -> str:
        return self.words()


#: Stands for "not estimated yet" in the model's cache (None there is "no estimate").
_UNKNOWN = Transfer(timedelta(0), str)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two [latitude, longitude] points, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _km_text(km: float) -> str:
    return f"{km:.1f}" if km < 10 else f"{km:.0f}"


def _buffer_text(settings: TravelSettings) -> str:
    if not settings.buffer:
        return ""
    return f" (with the {minutes_text(settings.buffer)} buffer)"


class TravelModel:
    def __init__(self, mission: Mission) -> None:
        self.venues = mission.venues
        self.settings = mission.checks.travel
        self.measured = _measured(mission)
        self._cache: dict[tuple[str, str], Transfer | None] = {}

    def transfer(self, origin: str, destination: str) -> Transfer | None:
        """Time to go from venue `origin` to venue `destination`; None when unknown."""
        key = (origin, destination)
        found = self._cache.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._cache[key] = self._estimate(origin, destination)
        return found

    def _estimate(self, origin: str, destination: str) -> Transfer | None:
        measured = self.measured.get((origin, destination))
        if measured is not None:
            return self._measured(measured)
        a, b = self.venues.get(origin), self.venues.get(destination)
        if a is None or b is None:
            return None
        if a.geo is not None and b.geo is not None:
            return self._modelled(haversine_km(a.geo, b.geo))
        if _same_city(a, b):
            return self._same_city(a)
        return None

    def _measured(self, duration: timedelta) -> Transfer:
        s = self.settings

        def how() -> str:
            text = f"{minutes_text(duration)} measured (travel_times)"
            if s.buffer:
                text += f" + {minutes_text(s.buffer)} buffer"
            return text

        return Transfer(duration + s.buffer, how)

    def _modelled(self, straight_km: float) -> Transfer:
        s = self.settings
        kmh = s.urban_kmh if straight_km < URBAN_UNDER_KM else s.intercity_kmh
        road_km = straight_km * s.road_factor
        total = timedelta(hours=road_km / kmh) + s.buffer
        return Transfer(total, lambda: (
            f"about {_km_text(road_km)} km, {minutes_text(total, round_up=True)} by road"
            f"{_buffer_text(s)}"))

    def _same_city(self, venue: Venue) -> Transfer:
        s = self.settings
        total = s.same_city + s.buffer
        return Transfer(total, lambda: (
            f"both in {venue.city}, {minutes_text(total, round_up=True)} allowed "
            f"(checks.travel.same_city{' + buffer' if s.buffer else ''})"))


def _measured(mission: Mission) -> dict[tuple[str, str], timedelta]:
    """travel_times as a lookup: entries for the exact direction first, then mirrors of the
    two-way entries where that direction has no entry of its own."""
    exact = {(t.from_, t.to): t.duration for t in mission.travel_times}
    mirrored = {(t.to, t.from_): t.duration for t in mission.travel_times if not t.oneway}
    return {**mirrored, **exact}


def _same_city(a: Venue, b: Venue) -> bool:
    if not a.city or not b.city:
        return False
    return a.city.strip().casefold() == b.city.strip().casefold()


def travel_model(ctx: Context) -> TravelModel:
    return cast(TravelModel, ctx.memo("travel.model", lambda: TravelModel(ctx.mission)))
