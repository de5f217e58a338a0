"""Write src/missionctl/data/tz_changes.json: where recent tz releases changed zone rules.

Calendar apps place an event written `TZID=Africa/Casablanca` with their own copy of the tz
database. Those whose copy predates a release that changed a zone show that zone's events at
the wrong instant (MC307 warns; `--times utc` avoids it). This script finds, zone by zone and
exact to the second (glibc's zdump lists where each file changes; zoneinfo gives the
offsets), the periods where an older tz database (the *stale* one: by default the
host's /usr/share/zoneinfo, which on Debian 12 is tz 2025b, what such apps use) and the
pinned `tzdata` package that missionctl reads disagree on the UTC offset, from 2022 to 2040.

Every zone that disagrees must be explained by one of the RELEASES below (written from the
releases' NEWS, each with its announcement), or the script stops: nothing is listed without
its source, and no disagreement is left out. Offsets always come from zoneinfo (both sides);
nothing here is a hand-written offset.

    python tools/tz_changes.py [--stale /usr/share/zoneinfo] > src/missionctl/data/tz_changes.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import zoneinfo
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from missionctl.tz import available_zones, tzdata_version, zone

SPAN = (datetime(2022, 1, 1, tzinfo=UTC), datetime(2041, 1, 1, tzinfo=UTC))

# The releases after the stale one, read from their NEWS (tz: https://github.com/eggert/tz,
# NEWS at each release tag; 2026d-2026f also read in the NEWS.md of the `tzdata` 2026.6
# package on PyPI). `released`: the UTC date of the release.
RELEASES: list[dict[str, Any]] = [
    {"release": "2026a", "released": "2026-03-02",
     "what": "Moldova has used EU transition times since 2022, changing clocks an hour "
             "later at night",
     "zones": ["Europe/Chisinau", "Europe/Tiraspol"]},
    {"release": "2026b", "released": "2026-04-23",
     "what": "British Columbia stays on UTC-7 all year, modelled from 2026-11-01",
     "zones": ["America/Vancouver", "Canada/Pacific"]},
    {"release": "2026c", "released": "2026-07-08",
     "what": "Morocco moves to permanent UTC+0 on 2026-09-20, dropping UTC+1 outside Ramadan",
     "zones": ["Africa/Casablanca", "Africa/El_Aaiun"]},
    {"release": "2026c", "released": "2026-07-08",
     "what": "Alberta stays on UTC-6 all year, modelled from 2026-11-01",
     "zones": ["America/Edmonton", "America/Yellowknife", "Canada/Mountain"]},
    {"release": "2026d", "released": "2026-09-11",
     "what": "Canada's Northwest Territories stay on UTC-6 all year, modelled from "
             "2026-11-01",
     "zones": ["America/Inuvik"]},
    {"release": "2026e", "released": "2026-09-30",
     "what": "Manitoba stays on UTC-5 all year, modelled from 2026-11-01",
     "zones": ["America/Winnipeg", "America/Rainy_River", "Canada/Central"]},
    {"release": "2026f", "released": "2026-10-28",
     "what": "Cuba does not fall back on 2026-11-01 and stays on UTC-4 through 2027-11-07",
     "zones": ["America/Havana", "Cuba"]},
]


def candidates(path: Path) -> set[datetime]:
    """The instants where the zone file at `path` changes, from glibc's zdump (which only
    says where to look: offsets are always asked of zoneinfo)."""
    out = subprocess.run(["zdump", "-v", "-c", f"{SPAN[0].year},{SPAN[1].year}", str(path)],
                         capture_output=True, text=True, check=True).stdout
    found = set()
    for line in out.splitlines():
        head, sep, _ = line.partition(" UT = ")
        if sep:
            text = " ".join(head.split()[-5:])  # 'Sun Sep 20 00:59:59 2026'
            t = datetime.strptime(text, "%a %b %d %H:%M:%S %Y").replace(tzinfo=UTC)
            found |= {t, t + timedelta(seconds=1)}
    return found


def periods(name: str, stale_dir: Path) -> list[list[object]]:
    """[from, until, minutes] where the stale zone's offset differs from the pinned one's;
    minutes = stale - pinned (positive: a stale app shows the event that much early)."""
    with open(stale_dir / name, "rb") as f:
        old = zoneinfo.ZoneInfo.from_file(f, key=name)
    new = zone(name)
    pinned = Path(str(resources.files("tzdata") / "zoneinfo")) / name
    # Between two consecutive candidates neither zone changes, so neither does the difference.
    points = sorted({SPAN[0], *candidates(stale_dir / name), *candidates(pinned)})
    out: list[list[object]] = []
    start: datetime | None = None
    current = timedelta(0)
    for t in (p for p in points if SPAN[0] <= p < SPAN[1]):
        a, b = t.astimezone(old).utcoffset(), t.astimezone(new).utcoffset()
        assert a is not None and b is not None
        d = a - b
        if d != current:
            if current:
                out.append([_iso(start), _iso(t), int(current.total_seconds() // 60)])
            start, current = t, d
    if current:
        out.append([_iso(start), _iso(SPAN[1]), int(current.total_seconds() // 60)])
    return out


def _iso(t: datetime | None) -> str:
    assert t is not None
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stale", type=Path, default=Path("/usr/share/zoneinfo"))
    args = parser.parse_args()
    version = (args.stale / "tzdata.zi").read_text().splitlines()[0].split()[-1]
    explained = {z: r for r in RELEASES for z in r["zones"]}
    changes: list[dict[str, object]] = []
    for release in RELEASES:
        found = {z: periods(z, args.stale) for z in release["zones"]}
        first = next(iter(found.values()))
        assert all(p == first for p in found.values()), release["zones"]
        assert first, f"{release['zones']}: no disagreement found"
        changes.append({**release, "source": f"https://github.com/eggert/tz/blob/"
                        f"{release['release']}/NEWS", "periods": first})
    missing = [z for z in sorted(available_zones()) if z not in explained
               and (args.stale / z).exists() and periods(z, args.stale)]
    if missing:
        sys.exit(f"zones that disagree with tz {version} and no release explains: {missing}")
    head = {
        "about": "Periods where tz data older than these releases places a zone's wall-clock "
                 "times at another instant than the pinned tzdata does (MC307): [from, until, "
                 "minutes], UTC, minutes = stale offset - current offset (positive: shown "
                 "early). Generated by tools/tz_changes.py; do not edit by hand.",
        "stale": version, "current": tzdata_version(),
        "span": [_iso(SPAN[0]), _iso(SPAN[1])],
    }
    sys.stdout.write(_dump(head, changes))
    return 0


def _dump(head: dict[str, object], changes: list[dict[str, object]]) -> str:
    """JSON with one period per line, so that a diff of the file reads."""
    lines = ["{"] + [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in
                     head.items()] + [' "changes": [']
    for i, change in enumerate(changes):
        lines.append("  {")
        for k, v in change.items():
            if k != "periods":
                lines.append(f"   {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
        rows = [f"    {json.dumps(p)}" for p in change["periods"]]  # type: ignore[attr-defined]
        lines += ['   "periods": ['] + [r + "," for r in rows[:-1]] + rows[-1:] + ["   ]"]
        lines.append("  }" + ("," if i < len(changes) - 1 else ""))
    return "\n".join([*lines, " ]", "}"]) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
