"""The canonical form through icalendar: what counts as a change, and unreadable input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missionctl.net.caldav import canonical_ics, ics_tzids, ics_uids
from missionctl.net.caldav.ics import IGNORED, parse

from .bodies import VTIMEZONE, ics, with_tz

CORPUS = Path(__file__).parent / "corpus"


def test_canonical_form_ignores_server_rewrites() -> None:
    ours = ics("u1")
    # what Radicale gave back for a similar event: LF, sorted properties, refolded lines
    theirs = (
        "BEGIN:VCALENDAR\nPRODID:-//missionctl//test//EN\nVERSION:2.0\nBEGIN:VEVENT\n"
        "UID:u1\nDTSTART;TZID=Africa/Casablanca:20270510T090000\n"
        "DTEND;TZID=Africa/Casablanca:20270510T100000\n"
        'ATTENDEE;ROLE=REQ-PARTICIPANT;CN="Doe, Jane":mailto:jane@example.org\n'
        "DESCRIPTION:A long description that the server will certainly fold becaus\n"
        " e it is much longer than seventy-five octets\\, with an escaped comma\n"
        "DTSTAMP:20990101T000000Z\nsummary:Meeting\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    assert canonical_ics(ours) == canonical_ics(theirs)
    assert canonical_ics(ours) != canonical_ics(ics("u1", "Other"))
    assert canonical_ics(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n") is None
    assert ics_uids(ours) == {"u1"}


def add_lines(body: bytes, *lines: str, where: bytes = b"END:VEVENT") -> bytes:
    extra = "".join(line + "\r\n" for line in lines).encode()
    return body.replace(where, extra + where, 1)


def test_what_is_left_out_and_what_is_not() -> None:
    ours = canonical_ics(ics("u1"))
    stamped = add_lines(ics("u1", stamp="20990101T000000Z"), "LAST-MODIFIED:20990101T000000Z",
                        "CREATED:20980101T000000Z", "X-RADICALE-NAME:u1.ics")
    stamped = stamped.replace(b"PRODID:-//missionctl//test//EN", b"PRODID:-//Radicale//EN")
    assert canonical_ics(stamped) == ours
    assert {"DTSTAMP", "PRODID"} <= IGNORED
    # anything else is a change: another X- property, a parameter, a value's case
    assert canonical_ics(add_lines(ics("u1"), "X-OTHER:1")) != ours
    assert canonical_ics(ics("u1").replace(b"ROLE=REQ-", b"ROLE=OPT-")) != ours
    assert canonical_ics(ics("u1").replace(b"SUMMARY:Meeting", b"SUMMARY:meeting")) != ours


def test_spellings_of_one_value_compare_equal() -> None:
    ours = canonical_ics(ics("u1"))
    # a parameter quoted without need, a name in lower case, an extra blank line
    quoted = ics("u1").replace(b"ROLE=REQ-PARTICIPANT", b'role="REQ-PARTICIPANT"')
    assert canonical_ics(quoted) == ours
    assert canonical_ics(ics("u1").replace(b"\r\nEND:VEVENT", b"\r\n\r\nEND:VEVENT")) == ours
    assert canonical_ics(b"\xef\xbb\xbf" + ics("u1")) == ours  # a byte-order mark


def test_vtimezones_we_did_not_send_are_left_out() -> None:
    plain, zoned = ics("u1"), with_tz(ics("u1"))
    assert ics_tzids(zoned) == {"Africa/Casablanca"} and ics_tzids(plain) == frozenset()
    assert canonical_ics(zoned, tzids=frozenset()) == canonical_ics(plain)
    assert canonical_ics(zoned, tzids=ics_tzids(zoned)) != canonical_ics(plain)
    other = VTIMEZONE.replace("Africa/Casablanca", "Europe/Lisbon")
    assert canonical_ics(with_tz(zoned, other), tzids=ics_tzids(zoned)) == canonical_ics(zoned)


def test_uids() -> None:
    two = ics("a") + ics("b")  # two VCALENDARs in one body
    assert ics_uids(two) == {"a", "b"}
    assert ics_uids(with_tz(ics("a"), VTIMEZONE.replace("TZNAME", "UID:tz\r\nTZNAME"))) == {"a"}
    escaped = ics("x").replace(b"UID:x", b"UID:a\\,b")  # TEXT escaping is undone
    assert ics_uids(escaped) == {"a,b"}
    assert ics_uids(None) == frozenset()
    parsed = parse(ics("a"))
    assert parsed is not None and parsed.uids == {"a"}


UNREADABLE = [
    b"",
    b"not a calendar",
    b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n",  # not a VCALENDAR
    b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n",  # never closed
    b"UID:x\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",  # a property outside any component
    b"END:VCALENDAR\r\n",
    ics("x").replace(b"SUMMARY:Meeting", b"this line has no colon"),
    b"\x00\xff\xfe binary",
    b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\n" * 5000 + b"END:VEVENT\r\n" * 5000
    + b"END:VCALENDAR\r\n",
]


@pytest.mark.parametrize("body", UNREADABLE, ids=range(len(UNREADABLE)))
def test_unreadable_data_has_no_form_and_no_uids(body: bytes) -> None:
    assert canonical_ics(body) is None
    assert ics_uids(body) == frozenset() and ics_tzids(body) == frozenset()


SEEDS = [*[p.read_bytes() for p in sorted(CORPUS.rglob("*.ics"))][:6], ics("u1")]
TOKENS = ["", ":", ";", "=", '"', ",", "\\", "BEGIN:", "END:", "BEGIN:VEVENT", "END:VEVENT",
          "END:VCALENDAR", "BEGIN:VTIMEZONE", "DTSTART;TZID=Nowhere:", "DTSTART:garbage",
          "RRULE:FREQ=NEVER", "UID:", " ", "\t", "\x00", "é", "TZID:", "X-:", "DURATION:P"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    lines = draw(st.sampled_from(SEEDS)).decode("utf-8").splitlines()
    for _ in range(draw(st.integers(1, 5))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "cut"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(TOKENS)) + draw(st.text(max_size=10)))
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "\r\n".join(lines).encode("utf-8", "surrogatepass")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_bodies_never_raise(body: bytes) -> None:
    parsed = parse(body)
    assert parsed is None or isinstance(parsed.uids, frozenset)
    assert canonical_ics(body) == (parsed.canon if parsed is not None else None)
