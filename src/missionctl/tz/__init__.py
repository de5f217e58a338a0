"""Time zones from the pinned `tzdata` package only, never the host's zone files.

The host's /usr/share/zoneinfo may be older than the rules we need (Morocco's permanent
UTC+0 from 2026-09-20 arrived in tz 2026c), and a check must give the same answer on every
machine, so zoneinfo is pointed at the package before any zone is created.

The package is also the one place that finds when a zone changes: `transitions(zone, start,
end)` (module `missionctl.tz._transitions`, built on the TZif reader `missionctl.tz._tzif`) is
used both to build VTIMEZONE components (`export/vtimezone.py`) and by MC305
(`practice/transitions.py`). It is loaded on first use (PEP 562): `values.py` imports this
package on every run, and most runs never ask for a transition.
"""

from __future__ import annotations

import os
import zoneinfo
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any


def _package_folder() -> str | None:
    """The `tzdata` package's folder of TZif files, when it is a folder (not in a zip)."""
    try:
        import tzdata
    except ModuleNotFoundError:
        return None
    folder = os.path.join(os.path.dirname(os.path.abspath(tzdata.__file__)), "zoneinfo")
    return folder if os.path.isdir(folder) else None


#: Where zones are read: the pinned package's own files. As a search path rather than
#: zoneinfo's fallback to the package (an empty path): the same files, but the fallback goes
#: through importlib.resources, about 15 ms of imports on every run that reads a zone
#: (every check). Without such a folder, the fallback stays.
TZDATA_FOLDER = _package_folder()
zoneinfo.reset_tzpath([TZDATA_FOLDER] if TZDATA_FOLDER else [])

ZoneInfo = zoneinfo.ZoneInfo

if TYPE_CHECKING:
    from missionctl.tz._transitions import (
        Observance,
        Transition,
        observance,
        offset_fixed_after,
        transitions,
    )

_LAZY = {
    "Observance": "_transitions",
    "Transition": "_transitions",
    "observance": "_transitions",
    "offset_fixed_after": "_transitions",
    "transitions": "_transitions",
}

__all__ = [
    "Observance",
    "Transition",
    "ZoneInfo",
    "available_zones",
    "observance",
    "offset_fixed_after",
    "transitions",
    "tzdata_version",
    "zone",
]


@cache
def zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone called `name`; raises KeyError for an unknown name."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise KeyError(name) from exc


@cache
def available_zones() -> frozenset[str]:
    """Every zone name the package has. Read from its list of them (`tzdata/zones`, one
    name a line, what zoneinfo itself reads first): `zoneinfo.available_timezones()` also
    opens every file of the search path to see whether it is a zone (about 600 of them),
    ~40 ms of every check. The answers are the same (a test compares them)."""
    if TZDATA_FOLDER is not None:
        try:
            with open(os.path.join(os.path.dirname(TZDATA_FOLDER), "zones"),
                      encoding="utf-8") as fh:
                names = frozenset(fh.read().split())
        except OSError:
            names = frozenset()
        if names:
            return names
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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
