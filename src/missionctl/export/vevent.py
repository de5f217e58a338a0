"""VEVENT content lines written directly: RFC 5545 TEXT escaping, parameter quoting, folding.

Why by hand (issue 10): building each property as an icalendar object (a `vText`, a
`Parameters` dict, a `Contentline`) and folding it character by character cost about two
thirds of a 10k-event ICS export under cProfile (`_foldline` alone 15 s of 49 s, `Parameters`
6 s). An event has a dozen properties of five simple types, so they are written here as plain
strings. icalendar still writes everything else (the VCALENDAR, its properties and every
VTIMEZONE), and the tests hold this writer to icalendar's: the same bytes as icalendar 7.3's
serialisation of the same VEVENT, and the same properties and values read back by icalendar's
own parser, on every golden file and on random text (Hypothesis).

Byte for byte means icalendar's choices are kept: properties in its canonical order (SUMMARY,
DTSTART, DTEND, DTSTAMP, UID, SEQUENCE, then by name), `\\N` read as a line break before
escaping, CN quoted when it holds a space or `'`, RFC 6868 `^` escapes in parameters, and lines
folded before they reach 75 octets (at most 74, never inside a UTF-8 sequence, and never
right after a `\\` or `^`, which moves to the next line with the character it escapes).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import datetime

__all__ = ["datetime_value", "fold", "param", "text", "value", "vevent_bytes"]

_FOLD = 75  # a line is folded before it reaches this many octets
_QUOTABLE = re.compile("[,;:’]")  # icalendar quotes on U+2019 too
_SPECIAL = re.compile(r"[\\;,\r\n]")  # what `text` escapes
_RFC6868 = re.compile(r'\^|\r\n|\r|\n|"')
_RFC6868_BY = {"^": "^^", "\n": "^n", "\r": "^n", "\r\n": "^n", '"': "^'"}

# The properties written after SEQUENCE, in icalendar's order (by name).
SORTED_AFTER = ("ATTENDEE", "CATEGORIES", "DESCRIPTION", "GEO", "LAST-MODIFIED", "LOCATION",
                "STATUS", "TRANSP", "URL")


def text(value: str) -> str:
    """An RFC 5545 TEXT value (3.3.11): `\\`, `;`, `,` and line breaks escaped."""
    if _SPECIAL.search(value) is None:  # most values: nothing to escape
        return value
    return (value.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;")
            .replace(",", r"\,").replace("\r\n", r"\n").replace("\n", r"\n")
            .replace("\r", r"\n"))


def value(written: str) -> str:
    """A property value as icalendar writes it: without one leading U+FEFF (it decodes each
    value as UTF-8 with a byte-order mark, which drops it)."""
    return written[1:] if written.startswith("\ufeff") else written


def param(name: str, value: str, always_quote: bool = False) -> str:
    """`;NAME=value`: RFC 6868 escapes, double quotes where RFC 5545 needs them (or asked)."""
    if '"' in value or "^" in value or "\n" in value or "\r" in value:
        value = _RFC6868.sub(lambda m: _RFC6868_BY[m.group(0)], value)
    if always_quote or _QUOTABLE.search(value):
        return f';{name}="{value}"'
    return f";{name}={value}"


def cn(name: str) -> str:
    """The CN parameter: quoted when the name holds a space or an apostrophe."""
    return param("CN", name, always_quote=" " in name or "'" in name)


def datetime_value(value: datetime, utc: bool) -> str:
    """`YYYYMMDDTHHMMSS`, with a `Z` for a UTC instant (the seconds are written as given)."""
    return (f"{value.year:04}{value.month:02}{value.day:02}"
            f"T{value.hour:02}{value.minute:02}{value.second:02}" + ("Z" if utc else ""))


def fold(line: bytes) -> bytes:
    """One content line folded with CRLF + space before it reaches 75 octets (RFC 5545 3.1).

    Cut by octets, backed off to the start of a UTF-8 character; a `\\` or `^` that would end
    a line moves to the next one, so an escape pair is never split (icalendar does the same).
    """
    if len(line) < _FOLD:
        return line
    pieces = []
    start, end_all = 0, len(line)
    while end_all - start >= _FOLD:
        cut = start + _FOLD - 1
        while line[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: not a boundary
            cut -= 1
        if cut - start > 1 and line[cut - 1] in b"\\^":
            cut -= 1
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return b"\r\n ".join(pieces)


@functools.lru_cache(maxsize=65536)  # most lines repeat (attendees, times, places, status)
def _folded(line: str) -> bytes:
    return fold(line.encode("utf-8"))


def vevent_bytes(lines: Iterable[str]) -> bytes:
    """`BEGIN:VEVENT`, the given unfolded content lines folded, `END:VEVENT`, CRLF each."""
    out = [b"BEGIN:VEVENT"]
    out.extend(map(_folded, lines))
    out.append(b"END:VEVENT\r\n")
    return b"\r\n".join(out)
