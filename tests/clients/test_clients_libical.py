"""Every calendar we write passes libical's parser and its strict restriction check.

libical (Debian `libical3`, 3.0.16 on Debian 12) is the iCalendar library of Evolution and
many servers. Its `icalrestriction_check` holds each property of each component against RFC
5545's tables (how many of each a component may carry); it refused the COMMENT we used to
write directly inside VTIMEZONE, where RFC 5545 3.6.5 allows it only in STANDARD/DAYLIGHT.
There are no Python bindings in Debian 12 (only GObject ones), so the C library is called
through ctypes: parse, check, and read back the `X-LIC-ERROR` properties libical adds to the
component for each problem it finds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
from pathlib import Path

import pytest

from missionctl.cli.app import main

pytestmark = [pytest.mark.clients]

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*/*.ics"))
MISSIONS = sorted((ROOT / "missions").glob("*/mission.yaml"))
_ERROR = re.compile(r"^X-LIC-ERROR[^:]*:(.*)$", re.MULTILINE)


def _libical() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("ical") or "libical.so.3"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    lib.icalparser_parse_string.restype = ctypes.c_void_p
    lib.icalrestriction_check.argtypes = [ctypes.c_void_p]
    lib.icalrestriction_check.restype = ctypes.c_int
    lib.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_free.restype = None
    return lib


LIBICAL = _libical()
needs_libical = pytest.mark.skipif(
    LIBICAL is None, reason="libical not installed (Debian package libical3)")


def libical_errors(data: bytes) -> list[str]:
    """What libical says is wrong with a VCALENDAR: its parse errors and the failures of its
    restriction check, one line each; empty when it accepts the file."""
    assert LIBICAL is not None
    comp = LIBICAL.icalparser_parse_string(data)
    if not comp:
        return ["libical could not parse the file at all"]
    try:
        valid = LIBICAL.icalrestriction_check(comp)
        text = LIBICAL.icalcomponent_as_ical_string(comp).decode("utf-8", "replace")
    finally:
        LIBICAL.icalcomponent_free(comp)
    errors = [m.group(1).strip() for m in _ERROR.finditer(text.replace("\r\n ", ""))]
    if not valid and not errors:
        errors.append("icalrestriction_check failed")
    return errors


@needs_libical
def test_the_check_catches_a_comment_directly_in_vtimezone() -> None:
    """The checker itself: the shape we used to write is refused, the RFC's is accepted."""
    head = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
            b"BEGIN:VTIMEZONE\r\nTZID:Africa/Casablanca\r\n")
    sub = (b"BEGIN:STANDARD\r\nDTSTART:20270503T000000\r\nTZOFFSETFROM:+0000\r\n"
           b"TZOFFSETTO:+0000\r\nTZNAME:+00\r\n")
    tail = (b"END:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:x@t\r\n"
            b"DTSTAMP:20270501T000000Z\r\nDTSTART;TZID=Africa/Casablanca:20270510T100000\r\n"
            b"END:VEVENT\r\nEND:VCALENDAR\r\n")
    comment = b"COMMENT:built by hand\r\n"
    assert libical_errors(head + sub + comment + tail) == []
    errors = libical_errors(head + comment + sub + tail)
    assert errors and "COMMENT" in errors[0]


@needs_libical
@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_calendars_pass_libical(path: Path) -> None:
    assert libical_errors(path.read_bytes()) == []


@needs_libical
@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.parent.name)
def test_every_calendar_the_cli_writes_passes_libical(path: Path, tmp_path: Path) -> None:
    whole = tmp_path / "all.ics"
    assert main(["itinerary", str(path), "--format", "ics", "-o", str(whole)]) == 0
    folder = tmp_path / "people"
    assert main(["itinerary", str(path), "--format", "ics", "--per-person", str(folder)]) == 0
    files = [whole, *sorted(folder.glob("*.ics"))]
    assert len(files) > 2
    problems = {f.name: found for f in files if (found := libical_errors(f.read_bytes()))}
    assert problems == {}


@needs_libical
def test_a_calendar_of_hostile_text_passes_libical(tmp_path: Path) -> None:
    """Control characters of every kind in titles, names, places and notes (issue 9)."""
    from render.test_control_characters import HOSTILE

    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "hostile.ics"
    assert main(["itinerary", str(path), "--format", "ics", "-o", str(out)]) == 0
    assert libical_errors(out.read_bytes()) == []


@needs_libical
def test_a_calendar_of_odd_addresses_passes_libical(tmp_path: Path) -> None:
    """Every e-mail `check` accepts, in ATTENDEEs (issue 9)."""
    from render.test_emails import _mission

    out = tmp_path / "emails.ics"
    assert main(["itinerary", str(_mission(tmp_path)), "--format", "ics", "-o", str(out)]) == 0
    assert libical_errors(out.read_bytes()) == []
