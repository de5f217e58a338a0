"""Time zones from the pinned `tzdata` package only, never the host's zone files.

The host's /usr/share/zoneinfo may be older than the rules we need (Morocco's permanent
UTC+0 from 2026-09-20 arrived in tz 2026c), and a check must give the same answer on every
machine, so zoneinfo is pointed at the package before any zone is created.
"""

from __future__ import annotations

import zoneinfo
from functools import cache

zoneinfo.reset_tzpath([])

ZoneInfo = zoneinfo.ZoneInfo


@cache
def zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone called `name`; raises KeyError for an unknown name."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise KeyError(name) from exc


@cache
def available_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def tzdata_version() -> str:
    """The tz database release in use, e.g. '2026f', read from the package's own data."""
    from importlib import resources

    try:
        with resources.files("tzdata").joinpath("zoneinfo/tzdata.zi").open() as fh:
            first = fh.readline().strip()
        if first.startswith("# version "):
            return first.removeprefix("# version ")
    except (OSError, ModuleNotFoundError):
        pass
    from importlib.metadata import version

    return "tzdata " + version("tzdata")
