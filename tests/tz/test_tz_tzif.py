"""The TZif reader: parsing, and every zone of the tzdata package."""

from __future__ import annotations

import struct

import pytest

from missionctl.tz import _tzif


def tzif_v1(times: list[int]) -> bytes:
    header = struct.pack(">4sc15x6l", b"TZif", b"\x00", 0, 0, 0, len(times), 1, 4)
    body = struct.pack(f">{len(times)}l", *times) + bytes(len(times))
    return header + body + struct.pack(">lBB", 0, 0, 0) + b"UTC\x00"


def test_tzif_reader() -> None:
    assert _tzif.parse(tzif_v1([10, 20])) == _tzif.ZoneFile((10, 20), "")
    with pytest.raises(ValueError):
        _tzif.parse(b"NOPE" + bytes(60))
    with pytest.raises(ValueError):
        _tzif.parse(b"TZif")
    lisbon = _tzif.zone_file("Europe/Lisbon")
    assert lisbon.footer_has_dst and lisbon.footer.startswith("WET0WEST")
    assert not _tzif.zone_file("Africa/Casablanca").footer_has_dst
