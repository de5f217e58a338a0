"""The deterministic ICS writer."""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

import icalendar
import pytest
from icalendar.prop import vCategory, vDDDTypes, vGeo, vInt

from missionctl.export.ics import CalEvent, attendee_address, calendar_bytes, one_line
from missionctl.export.vtimezone import DEFAULT_MARGIN
from missionctl.tz import zone

from .props import instant, prop
from .vtimezone_oracle import verify_vtimezone

CASA = zone("Africa/Casablanca")
LIS = zone("Europe/Lisbon")
STAMP = datetime(2026, 1, 5, 8, 30, tzinfo=UTC)


def event(uid: str, start: datetime, end: datetime, **kw: object) -> CalEvent:
    zone_name = str(start.tzinfo)
    fields: dict[str, object] = {
        "uid": uid,
        "summary": uid,
        "start": start,
        "start_zone": zone_name,
        "end": end,
        "end_zone": str(end.tzinfo),
        "location": None,
        "geo": None,
        "description": None,
        "status": "CONFIRMED",
        "attendees": (),
        "categories": (),
        "url": None,
    }
    fields.update(kw)
    return CalEvent(**fields)  # type: ignore[arg-type]


def mission_events() -> list[CalEvent]:
    return [
        event(
            "visit-renault@ma-2026.missionctl",
            datetime(2026, 2, 20, 10, tzinfo=CASA),
            datetime(2026, 2, 20, 11, 30, tzinfo=CASA),
            summary="Visit: Renault\nTanger Med plant",
            location="Renault Group, Tanger Med; Gate 2",
            geo=(35.7595, -5.8340),
            description="Bring passports.\nSafety shoes, provided; hard hats: yes\\no",
            attendees=(
                ("Ana Silva", "ana.silva@example.pt"),
                ("Youssef El Amrani", None),
                ('Rui "Tó" Costa, CEO', "rui+mission@example.pt"),
            ),
            categories=("visit", "automotive"),
            url="https://example.org/missions/ma-2026#visit",
            sequence=2,
        ),
        event(
            "lunch@ma-2026.missionctl",
            datetime(2026, 4, 10, 10, tzinfo=CASA),
            datetime(2026, 4, 10, 11, tzinfo=CASA),
            status="TENTATIVE",
        ),
        event(
            "flight-out@ma-2026.missionctl",
            datetime(2026, 4, 12, 18, 0, tzinfo=LIS),
            datetime(2026, 4, 12, 19, 45, tzinfo=CASA),
            summary="TP1450 Lisbon → Casablanca",
            categories=("travel",),
        ),
        event(
            "cancelled@ma-2026.missionctl",
            datetime(2026, 9, 25, 10, tzinfo=CASA),
            datetime(2026, 9, 25, 11, tzinfo=CASA),
            status="CANCELLED",
        ),
        event(
            "hotel@ma-2026.missionctl",
            datetime(2027, 10, 30, 22, tzinfo=LIS),
            datetime(2027, 10, 31, 3, tzinfo=LIS),
            transparent=True,
        ),
    ]


def lines(data: bytes) -> list[str]:
    """Unfolded content lines."""
    return data.decode().replace("\r\n ", "").split("\r\n")


def test_rfc5545_shape() -> None:
    data = calendar_bytes(mission_events(), name="Morocco 2026", dtstamp=STAMP)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    raw = data.split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in raw)
    assert all(len(line) <= 75 for line in raw), "lines are folded at 75 octets"
    data.decode("utf-8")  # folding never splits a UTF-8 sequence
    for line in raw:
        line.decode("utf-8")
    text = lines(data)
    assert "VERSION:2.0" in text
    assert "PRODID:-//missionctl//missionctl 0.1//EN" in text
    assert "X-WR-CALNAME:Morocco 2026" in text
    assert "CALSCALE:GREGORIAN" in text
    assert "METHOD" not in data.decode()
    assert text.count("BEGIN:VEVENT") == 5
    assert [t for t in text if t.startswith("DTSTAMP")] == ["DTSTAMP:20260105T083000Z"] * 5
    # the VTIMEZONEs come before the events, one per zone, sorted
    assert [t for t in text if t.startswith("TZID:")] == [
        "TZID:Africa/Casablanca",
        "TZID:Europe/Lisbon",
    ]
    assert text.index("END:VTIMEZONE") < text.index("BEGIN:VEVENT")


def test_local_times_with_iana_tzids_and_flights_across_zones() -> None:
    text = lines(calendar_bytes(mission_events(), name="m", dtstamp=STAMP))
    assert "DTSTART;TZID=Africa/Casablanca:20260220T100000" in text
    assert "DTEND;TZID=Africa/Casablanca:20260220T113000" in text
    flight = text.index("UID:flight-out@ma-2026.missionctl")
    block = text[text[:flight].index("BEGIN:VEVENT") : flight]
    assert "DTSTART;TZID=Europe/Lisbon:20260412T180000" in block
    assert "DTEND;TZID=Africa/Casablanca:20260412T194500" in block


def test_events_sorted_by_start_instant_then_uid() -> None:
    a = event("b", datetime(2026, 4, 10, 10, tzinfo=CASA), datetime(2026, 4, 10, 11, tzinfo=CASA))
    b = event("a", datetime(2026, 4, 10, 9, tzinfo=UTC), datetime(2026, 4, 10, 11, tzinfo=UTC))
    c = event("c", datetime(2026, 4, 10, 8, tzinfo=UTC), datetime(2026, 4, 10, 9, tzinfo=UTC))
    text = lines(calendar_bytes([a, b, c], name="m", dtstamp=STAMP))
    # 10:00 Casablanca (UTC+1) is 09:00Z, the same instant as "a": UID breaks the tie
    assert [t for t in text if t.startswith("UID:")] == ["UID:c", "UID:a", "UID:b"]


def test_byte_identical_for_identical_input() -> None:
    events = mission_events()
    first = calendar_bytes(events, name="Morocco 2026", dtstamp=STAMP)
    assert calendar_bytes(events, name="Morocco 2026", dtstamp=STAMP) == first
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    assert calendar_bytes(shuffled, name="Morocco 2026", dtstamp=STAMP) == first
    # the same instants through other tzinfo objects, the stamp in another zone
    moved = [
        dataclasses.replace(
            e,
            start=e.start.astimezone(timezone(timedelta(hours=5))),
            end=e.end.astimezone(zone("Asia/Tokyo")),
        )
        for e in events
    ]
    stamp = STAMP.astimezone(zone("America/New_York"))
    assert calendar_bytes(moved, name="Morocco 2026", dtstamp=stamp) == first
    # in a fresh interpreter too (no hash or set ordering leaks)
    code = (
        "import sys, pickle; from missionctl.export.ics import calendar_bytes; "
        "ev, st = pickle.loads(sys.stdin.buffer.read()); "
        "sys.stdout.buffer.write(calendar_bytes(ev, name='Morocco 2026', dtstamp=st))"
    )
    import pickle

    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            input=pickle.dumps((events, STAMP)),
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout
        assert out == first


def _times_written(events: list[CalEvent], name: str) -> list[datetime]:
    """The instants written with TZID `name` (every DTSTART/DTEND in that zone)."""
    return [t.astimezone(UTC) for e in events
            for t, z in ((e.start, e.start_zone), (e.end, e.end_zone)) if z == name]


def test_every_vtimezone_written_is_exact_around_every_time_written() -> None:
    events = mission_events()
    data = calendar_bytes(events, name="m", dtstamp=STAMP)
    for name in ("Africa/Casablanca", "Europe/Lisbon"):
        for t in _times_written(events, name):
            # in UTC: aware arithmetic in a zone is wall-clock arithmetic
            start = (t - DEFAULT_MARGIN).replace(minute=0, second=0)
            assert verify_vtimezone(data, name, start, t + DEFAULT_MARGIN, names=True) == []


def test_a_vtimezone_holds_what_the_times_written_need_not_every_change_between(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 9: one event lasting until 2999 made a VTIMEZONE over the whole span (about 1,900
    sub-components, 58 s and 814 MB). It needs the observances around its two times only."""
    from missionctl.export import vtimezone as vtz_module

    asked: list[timedelta] = []
    real = vtz_module.transitions

    def counting(name: str, start: datetime, end: datetime) -> list[object]:
        asked.append(end - start)
        return real(name, start, end)  # type: ignore[return-value]

    monkeypatch.setattr(vtz_module, "transitions", counting)
    start, end = datetime(2027, 5, 10, 10, tzinfo=LIS), datetime(2999, 11, 10, 10, tzinfo=LIS)
    forever = event("forever", start, end)
    data = calendar_bytes([forever], name="m", dtstamp=STAMP)
    # the work: zone changes looked for over two windows of 2 x margin, not 972 years
    assert len(asked) == 2
    assert sum(asked, timedelta(0)) <= 2 * (2 * DEFAULT_MARGIN + timedelta(hours=1))
    text = lines(data)
    subs = [t for t in text if t in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT")]
    assert subs == ["BEGIN:DAYLIGHT", "BEGIN:STANDARD"]  # WEST in May, WET in November
    for t in _times_written([forever], "Europe/Lisbon"):
        span_start = (t - DEFAULT_MARGIN).replace(minute=0, second=0)
        assert verify_vtimezone(data, "Europe/Lisbon", span_start, t + DEFAULT_MARGIN,
                                names=True) == []
    cal = icalendar.Calendar.from_ical(data)
    (vevent,) = cal.walk("VEVENT")
    assert instant(vevent, "DTEND") == end


def test_times_at_the_edge_of_the_calendar_are_written_without_overflow() -> None:
    """A local time past 9999-12-31 cannot be written as one: it is written in UTC; a margin
    that would leave the years 1-9999 is cut short."""
    tokyo = zone("Asia/Tokyo")
    last = event("last", datetime(2027, 5, 10, 10, tzinfo=tokyo),
                 datetime(9999, 12, 31, 23, 30, tzinfo=UTC), end_zone="Asia/Tokyo")
    first = event("first", datetime(1, 1, 1, 0, 30, tzinfo=UTC),
                  datetime(2027, 1, 1, 10, tzinfo=LIS), start_zone="America/New_York")
    text = lines(calendar_bytes([last, first], name="m", dtstamp=STAMP))
    assert "DTEND:99991231T233000Z" in text
    assert "DTSTART:00010101T003000Z" in text
    with pytest.raises(ValueError, match="years 1-9999"):
        event("x", datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=5))),
              datetime(2027, 1, 1, tzinfo=UTC), start_zone="UTC")


def test_round_trip_through_icalendar_gives_the_same_instants_and_text() -> None:
    events = mission_events()
    cal = icalendar.Calendar.from_ical(calendar_bytes(events, name="m", dtstamp=STAMP))
    parsed = {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}
    for e in events:
        got = parsed[e.uid]
        assert prop(got, "DTSTART", vDDDTypes).dt == e.start
        assert prop(got, "DTEND", vDDDTypes).dt == e.end
        assert str(got["STATUS"]) == e.status
        assert str(got["SUMMARY"]) == one_line(e.summary)
        assert int(prop(got, "SEQUENCE", vInt)) == e.sequence
    visit = parsed["visit-renault@ma-2026.missionctl"]
    original = events[0]
    assert str(visit["DESCRIPTION"]) == original.description
    assert str(visit["LOCATION"]) == original.location
    geo = prop(visit, "GEO", vGeo)
    assert (geo.latitude, geo.longitude) == original.geo
    assert [str(c) for c in prop(visit, "CATEGORIES", vCategory).cats] == ["visit", "automotive"]
    assert str(visit["URL"]) == original.url
    attendees = prop(visit, "ATTENDEE", list)
    assert [str(a) for a in attendees] == [
        "mailto:ana.silva@example.pt",
        attendee_address("Youssef El Amrani", None),
        "mailto:rui+mission@example.pt",
    ]
    assert [a.params["CN"] for a in attendees] == [
        "Ana Silva",
        "Youssef El Amrani",
        'Rui "Tó" Costa, CEO',
    ]
    assert str(parsed["hotel@ma-2026.missionctl"]["TRANSP"]) == "TRANSPARENT"
    assert "TRANSP" not in parsed["lunch@ma-2026.missionctl"]


def test_escaping_and_summary_on_one_line() -> None:
    text = lines(calendar_bytes(mission_events(), name="m", dtstamp=STAMP))
    assert "SUMMARY:Visit: Renault Tanger Med plant" in text
    assert "LOCATION:Renault Group\\, Tanger Med\\; Gate 2" in text
    assert "DESCRIPTION:Bring passports.\\nSafety shoes\\, provided\\; hard hats: yes\\\\no" in text
    assert "GEO:35.7595;-5.834" in text
    assert "CATEGORIES:visit,automotive" in text
    assert "STATUS:CANCELLED" in text
    assert "SEQUENCE:2" in text
    assert one_line("a\r\nb\u2028c \n\n d\t e") == "a b c d e"


def test_attendee_addresses() -> None:
    text = lines(calendar_bytes(mission_events(), name="m", dtstamp=STAMP))
    attendees = [t for t in text if t.startswith("ATTENDEE")]
    assert attendees[0] == 'ATTENDEE;CN="Ana Silva":mailto:ana.silva@example.pt'
    assert attendees[1].startswith('ATTENDEE;CN="Youssef El Amrani":urn:uuid:')
    assert attendees[2] == "ATTENDEE;CN=\"Rui ^'Tó^' Costa, CEO\":mailto:rui+mission@example.pt"
    # stable: the same name always gets the same URN, a different name another one
    assert attendee_address("Youssef El Amrani", None) == attendee_address(
        "Youssef El Amrani", None
    )
    assert attendee_address("A", None) != attendee_address("B", None)
    assert attendee_address("A", None).startswith("urn:uuid:")


def test_ambiguous_local_times_and_utc_are_written_in_utc() -> None:
    first = datetime(2027, 10, 31, 1, 30, tzinfo=LIS)  # 00:30Z (WEST)
    second = first.replace(fold=1)  # 01:30Z (WET)
    assert first.astimezone(UTC).hour == 0 and second.astimezone(UTC).hour == 1
    events = [
        event("first", first, first + timedelta(minutes=15)),
        event("second", second, datetime(2027, 10, 31, 2, 30, tzinfo=LIS)),
        event(
            "utc",
            datetime(2027, 11, 1, 9, tzinfo=zone("UTC")),
            datetime(2027, 11, 1, 10, tzinfo=zone("UTC")),
        ),
    ]
    data = calendar_bytes(events, name="m", dtstamp=STAMP)
    text = lines(data)
    assert "DTSTART:20271031T003000Z" in text
    assert "DTEND:20271031T004500Z" in text
    assert "DTSTART:20271031T013000Z" in text
    assert "DTEND;TZID=Europe/Lisbon:20271031T023000" in text
    assert "DTSTART:20271101T090000Z" in text
    assert [t for t in text if t.startswith("TZID:")] == ["TZID:Europe/Lisbon"]
    cal = icalendar.Calendar.from_ical(data)
    got = {str(e["UID"]): instant(e, "DTSTART") for e in cal.walk("VEVENT")}
    # (compared in UTC: PEP 495 makes an ambiguous time unequal to every other zone's)
    assert got["first"].astimezone(UTC) == first.astimezone(UTC)
    assert got["second"].astimezone(UTC) == second.astimezone(UTC)


def test_empty_calendar() -> None:
    text = lines(calendar_bytes([], name="nothing yet", dtstamp=STAMP))
    assert "X-WR-CALNAME:nothing yet" in text
    assert "BEGIN:VTIMEZONE" not in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": datetime(2026, 4, 10, 10)}, "aware"),
        ({"end": datetime(2026, 4, 10, 9, tzinfo=CASA)}, "not after start"),
        ({"end": datetime(2026, 4, 10, 10, tzinfo=CASA)}, "not after start"),
        ({"status": "confirmed"}, "status"),
        ({"geo": (95.0, 0.0)}, "geo"),
        ({"sequence": -1}, "sequence"),
        ({"uid": ""}, "UID"),
        ({"uid": "a\nb"}, "UID"),
        ({"attendees": (("X", "not an address"),)}, "e-mail"),
    ],
)
def test_invalid_events_are_refused(change: dict[str, object], message: str) -> None:
    base = event(
        "x", datetime(2026, 4, 10, 10, tzinfo=CASA), datetime(2026, 4, 10, 11, tzinfo=CASA)
    )
    with pytest.raises(ValueError, match=message):
        dataclasses.replace(base, **change)  # type: ignore[arg-type]


def test_unknown_zone_duplicate_uid_and_naive_stamp_are_refused() -> None:
    base = event(
        "x", datetime(2026, 4, 10, 10, tzinfo=CASA), datetime(2026, 4, 10, 11, tzinfo=CASA)
    )
    with pytest.raises(KeyError):
        dataclasses.replace(base, end_zone="Africa/Atlantis")
    other = dataclasses.replace(
        base, start=base.start + timedelta(days=1), end=base.end + timedelta(days=1)
    )
    with pytest.raises(ValueError, match="two events"):
        calendar_bytes([base, other], name="m", dtstamp=STAMP)
    with pytest.raises(ValueError, match="dtstamp"):
        calendar_bytes([base], name="m", dtstamp=datetime(2026, 1, 1))


def test_icalendar_is_not_imported_at_start_up() -> None:
    code = (
        "import sys, missionctl, missionctl.export, missionctl.tz; "
        "assert 'icalendar' not in sys.modules, 'icalendar imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_times_utc_writes_utc_instants_and_no_vtimezone() -> None:
    events = mission_events()
    data = calendar_bytes(events, name="m", dtstamp=STAMP, times="utc")
    text = lines(data)
    assert "BEGIN:VTIMEZONE" not in text
    assert not [t for t in text if "TZID" in t]
    assert "DTSTART:20260412T170000Z" in text  # the flight: 18:00 in Lisbon
    assert "DTEND:20260412T184500Z" in text  # 19:45 in Casablanca (UTC+1 in April 2026)
    assert "DTSTART:20260925T100000Z" in text  # Casablanca, UTC+0 for good
    cal = icalendar.Calendar.from_ical(data)
    got = {str(e["UID"]): (instant(e, "DTSTART"), instant(e, "DTEND"))
           for e in cal.walk("VEVENT")}
    assert got == {e.uid: (e.start, e.end) for e in events}
    assert calendar_bytes(events, name="m", dtstamp=STAMP, times="utc") == data
    with pytest.raises(ValueError, match="times"):
        calendar_bytes(events, name="m", dtstamp=STAMP, times="floating")  # type: ignore[arg-type]
