"""Read the transition instants of a zone from its TZif file in the `tzdata` package.

zoneinfo keeps the transitions to itself, so we read the same bytes it reads (the `tzdata`
package; `missionctl.tz` points zoneinfo at nothing else) and use only two things from them:
the list of explicit transition times, and the footer TZ string (RFC 8536 section 3.3) that
governs every instant after the last explicit transition. Offsets themselves are always asked
of zoneinfo, so this reader cannot disagree with the rest of the program about what an offset
is; it only says *where to look* (`missionctl.tz._transitions`).

Written by hand because no library we have exposes this: zoneinfo keeps its transition list
private, and dateutil's `tzfile` reads only the 32-bit version 1 block (no footer, nothing
after 2037).
"""

from __future__ import annotations

import os
import struct
from functools import cache
from typing import NamedTuple

# magic, version, 15 unused bytes, then isutcnt isstdcnt leapcnt timecnt typecnt charcnt.
_HEADER = struct.Struct(">4sc15x6l")


class ZoneFile(NamedTuple):
    transitions: tuple[int, ...]
    """Explicit transition instants, POSIX seconds, ascending."""
    footer: str
    """The TZ string for instants after the last transition ('' in a version 1 file)."""

    @property
    def footer_has_dst(self) -> bool:
        # A POSIX TZ string has a comma only when it carries DST start/end rules; without
        # them ("<+00>0", "WET0") the offset after the last transition never changes.
        return "," in self.footer


def _block_size(time_size: int, counts: tuple[int, ...]) -> int:
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
    return (
        timecnt * time_size
        + timecnt
        + typecnt * 6
        + charcnt
        + leapcnt * (time_size + 4)
        + isstdcnt
        + isutcnt
    )


def parse(data: bytes) -> ZoneFile:
    """Transitions and footer of a TZif file (versions 1 to 4). Raises ValueError if `data`
    is not TZif."""
    if len(data) < _HEADER.size:
        raise ValueError("not a TZif file (too short)")
    magic, version, *counts = _HEADER.unpack_from(data, 0)
    if magic != b"TZif":
        raise ValueError("not a TZif file (bad magic)")
    if version == b"\x00":
        # Version 1: 32-bit times, no footer.
        timecnt = counts[3]
        times = struct.unpack_from(f">{timecnt}l", data, _HEADER.size)
        return ZoneFile(tuple(times), "")
    # Version 2+: skip the 32-bit block, read the 64-bit one, then the footer.
    offset = _HEADER.size + _block_size(4, tuple(counts))
    magic, _, *counts = _HEADER.unpack_from(data, offset)
    if magic != b"TZif":
        raise ValueError("not a TZif file (bad second header)")
    offset += _HEADER.size
    timecnt = counts[3]
    times = struct.unpack_from(f">{timecnt}q", data, offset)
    offset += _block_size(8, tuple(counts))
    footer = data[offset:].decode("ascii", "replace").strip("\n")
    return ZoneFile(tuple(times), footer)


@cache
def zone_file(name: str) -> ZoneFile:
    """The parsed TZif file of zone `name` from the `tzdata` package; KeyError if absent.

    The file zoneinfo reads for that key: in the package's folder (`TZDATA_FOLDER`), else
    the package's resource `tzdata.zoneinfo`, path parts of the key as resource path parts."""
    from missionctl.tz import TZDATA_FOLDER

    parts = name.split("/")
    if not name or any(p in ("", ".", "..") for p in parts):
        raise KeyError(name)
    try:
        if TZDATA_FOLDER is not None:
            with open(os.path.join(TZDATA_FOLDER, *parts), "rb") as fh:
                data = fh.read()
        else:
            # Imported here: the module costs ~15 ms and only this look-up needs it.
            from importlib import resources

            data = resources.files("tzdata.zoneinfo").joinpath(*parts).read_bytes()
    except (OSError, ModuleNotFoundError) as exc:
        raise KeyError(name) from exc
    try:
        return parse(data)
    except (ValueError, struct.error) as exc:
        raise KeyError(name) from exc
