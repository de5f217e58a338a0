"""Per-run facts that many rules need, worked out once and shared through `ctx.memo`.

A full check runs two dozen rules over the same events; each one filtering out cancelled
events (a property call per event) or converting instants to local time (a zone lookup per
event) would repeat the same work two dozen times. So:

- `live(ctx)`: the events that are not cancelled, in `mission.events` order. Cancelled
  events take part in no conflict check.
- `local_times(ctx)`: each live event's local wall-clock start and end, naive, as
  `event.local_start()` / `local_end()` give them (start in `zone`, end in `end_zone`).
- `local_clock(ctx)`: UTC instants as naive local wall-clock times, zone by zone, each
  worked out once. Events start and end at few distinct instants (a 10k-event mission has
  about 130 (zone, instant) pairs), so a dictionary lookup replaces nearly every conversion.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import cast

from missionctl.checks import Context
from missionctl.model import Event
from missionctl.tz import zone as get_zone

LocalSpan = tuple[datetime, datetime]  # naive local start (in `zone`) and end (`end_zone`)


def live(ctx: Context) -> list[Event]:
    """The non-cancelled events, in mission order (B2B meetings included)."""
    return cast(list[Event], ctx.memo("index.live", lambda: [
        e for e in ctx.mission.events.values() if not e.cancelled]))


class LocalClock:
    """Naive local wall-clock times of UTC instants, memoised per zone.

    `wall(zone, instant)` is `instant.astimezone(zone).replace(tzinfo=None)` (the same object
    for the same question: the result keeps its `fold`). Instants are keys by their UTC value,
    which is all the conversion depends on."""

    def __init__(self) -> None:
        self._zones: dict[str, dict[datetime, datetime]] = {}

    def wall(self, zone: str, instant: datetime) -> datetime:
        local = self.table(zone).get(instant)
        if local is None:
            local = self._zones[zone][instant] = (
                instant.astimezone(get_zone(zone)).replace(tzinfo=None))
        return local

    def table(self, zone: str) -> dict[datetime, datetime]:
        """The zone's answers so far (instant -> wall time), for a caller that looks up many
        instants of one zone without a call each."""
        table = self._zones.get(zone)
        if table is None:
            table = self._zones[zone] = {}
        return table


def local_clock(ctx: Context) -> LocalClock:
    return cast(LocalClock, ctx.memo("index.clock", LocalClock))


def local_times(ctx: Context) -> Mapping[str, LocalSpan]:
    """Event id -> its naive local start and end, for every live event."""
    def build() -> dict[str, LocalSpan]:
        clock = local_clock(ctx)
        wall, table = clock.wall, clock.table
        out: dict[str, LocalSpan] = {}
        zone: str | None = None
        known: dict[datetime, datetime] = {}
        for e in live(ctx):  # `wall` for both ends, its table looked up once per zone met
            if e.zone != zone:
                zone = e.zone
                known = table(zone)
            start = known.get(e.start) or wall(zone, e.start)
            end = known.get(e.end) if e.end_zone == zone else None
            out[e.id] = (start, end or wall(e.end_zone, e.end))
        return out

    return cast(dict[str, LocalSpan], ctx.memo("index.local_times", build))
