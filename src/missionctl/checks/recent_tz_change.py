"""MC307 recent-tz-change: events where a recent tz release changed their zone's rules.

Most calendar apps place an event written `TZID=Africa/Casablanca` with their own copy of the
tz database and ignore the VTIMEZONE sent with it (khal, calcurse and icalendar with the
system zones do; ical.js, libical and dateutil's tzical read the VTIMEZONE). An app whose copy
predates the release that changed a zone's rules shows that zone's events at the wrong time:
with tz data older than 2026c (Debian 12 ships 2025b), every Casablanca event after 2026-09-20
shows an hour early. `--times utc` on `itinerary --format ics` and `publish` writes UTC
instants instead, which every app places right whatever its tz data.

The recent changes are data, `missionctl/data/tz_changes.json`, with their sources: for each
change, the release, its date, what changed, the announcement (the release's NEWS) and the
periods, exact to the second, where tz data from before the release (2025b, what Debian 12
ships) and the pinned tzdata disagree, with by how much. `tools/tz_changes.py` writes it
from the two databases and refuses to leave a disagreeing zone unexplained.

An event falls in such a period when its start, in its zone, or its end, in its end zone (a
flight's destination), does: those are the wall-clock times a calendar app converts.
Cancelled events are skipped.

Where it points, once per zone: for the mission's zone, at the value of `mission.timezone`
(the first such event in `related`); for another zone, at the first such event (time order).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterator
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import NamedTuple

from missionctl.checks import EVENT, MISSION, Check, Context
from missionctl.checks.support.index import live
from missionctl.checks.support.timeline import Rank, timelines
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.wording import and_list, event_ref, minutes_text, stamp_in

CODE = "MC307"
OPTION = ("--times utc (itinerary --format ics --times utc, publish --times utc), which "
          "writes UTC times every app places right")


class Change(NamedTuple):
    release: str
    released: str  # the release's date
    what: str
    source: str  # the announcement


class Period(NamedTuple):
    start: datetime  # UTC
    end: datetime  # UTC, exclusive
    minutes: int  # stale offset - current offset: positive, shown early by an older app
    change: Change


class Data(NamedTuple):
    stale: str  # the tz release the periods are measured against
    zones: dict[str, tuple[list[datetime], list[Period]]]  # zone -> (starts, periods), sorted


@cache
def recent_changes() -> Data:
    """The data file, read once per process (beside the package's modules, as the package
    is installed: through importlib.resources it cost ~15 ms of imports on every check)."""
    text = (Path(__file__).parents[1] / "data" / "tz_changes.json").read_text("utf-8")
    raw = json.loads(text)
    zones: dict[str, list[Period]] = {}
    for c in raw["changes"]:
        change = Change(c["release"], c["released"], c["what"], c["source"])
        periods = [Period(_utc(a), _utc(b), int(m), change) for a, b, m in c["periods"]]
        for name in c["zones"]:
            zones.setdefault(name, []).extend(periods)
    out = {}
    for name, periods in zones.items():
        periods.sort()
        out[name] = ([p.start for p in periods], periods)
    return Data(raw["stale"], out)


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def period_at(data: Data, zone: str, instant: datetime) -> Period | None:
    found = data.zones.get(zone)
    if found is None:
        return None
    starts, periods = found
    i = bisect_right(starts, instant) - 1
    return periods[i] if i >= 0 and instant < periods[i].end else None


class _Zone:
    """What one zone gathers in the sweep: a count, the first event, the periods met."""

    __slots__ = ("count", "first", "key", "periods")

    def __init__(self) -> None:
        self.count = 0
        self.first: Event | None = None
        self.key: tuple[datetime, Rank] | None = None
        self.periods: dict[tuple[Change, int], None] = {}  # (change, minutes), in order met


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    data = recent_changes()
    zones = data.zones
    used = {e.zone for e in live(ctx)} | {e.end_zone for e in live(ctx)}
    if used.isdisjoint(zones):  # the usual case, for most zones: nothing to look at
        return
    rank = timelines(ctx).rank
    found: dict[str, _Zone] = {}
    for event in live(ctx):
        seen = None
        for instant, zone in ((event.start, event.zone), (event.end, event.end_zone)):
            if zone not in zones or zone == seen:
                continue
            period = period_at(data, zone, instant)
            if period is None:
                continue
            seen = zone
            z = found.setdefault(zone, _Zone())
            z.count += 1
            z.periods[(period.change, period.minutes)] = None
            # (start, file order) < z.key, the file order looked up only on a tie
            if z.key is None or event.start < z.key[0] or (
                    event.start == z.key[0] and rank[event.id] < z.key[1]):
                z.first, z.key = event, (event.start, rank[event.id])
    for zone, z in sorted(found.items()):
        first = z.first
        assert first is not None
        text = message(data, zone, first, z.count, list(z.periods))
        if zone == mission.info.timezone and "timezone" in mission.info.locs:
            yield Finding(CODE, text, mission.info.locs["timezone"], (first.loc,))
        else:
            yield Finding(CODE, text, first.loc, subject=first.id)


def message(data: Data, zone: str, first: Event, n: int,
            met: list[tuple[Change, int]]) -> str:
    changes = sorted({change for change, _ in met}, key=lambda c: (c.release, c.what))
    releases = and_list([f"tz {c.release} (released {c.released}: {c.what})" for c in changes])
    newest = max(c.release for c in changes)
    them = "them" if n > 1 else "it"
    events = f"{n} events" if n > 1 else "1 event"
    start = stamp_in(first.start, first.zone)
    return (f"{events} in {zone} fall where its rules changed in {releases}, the first "
            f"{event_ref(first, start)}: calendar apps with tz data older than {newest} "
            f"({data.stale}, for one) show {them} {_shift({m for _, m in met})}; export "
            f"calendars with {OPTION}")


def _shift(shifts: set[int]) -> str:
    if len(shifts) == 1:
        [m] = shifts
        return f"{minutes_text(timedelta(minutes=abs(m)))} {'early' if m > 0 else 'late'}"
    worst = max(abs(m) for m in shifts)
    return f"up to {minutes_text(timedelta(minutes=worst))} early or late"


WHY = __doc__.split("\n\n", 1)[1].strip() if __doc__ else ""

BAD = """\
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00      # Casablanca: UTC+0 since tz 2026c, UTC+1 before
    end: 12:00"""

FIX = ("Export and publish calendars with `--times utc` (`itinerary --format ics --times utc`, "
       "`publish --times utc`), or make sure everyone's calendar app has tz data from the "
       "release named or later; then waive it for the mission "
       "(`checks.waive: {MC307: \"calendars are published in UTC\"}`).")

RULE = Check(CODE, WHY, BAD, FIX, run, EVENT | MISSION)
