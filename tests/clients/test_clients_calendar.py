"""Real calendar clients (Debian `khal` and `calcurse`) read our ICS at the right instants."""

from __future__ import annotations

import re
import shutil
import zoneinfo
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest

from export.vtimezone_oracle import verify_vtimezone
from missionctl.export.ics import CalEvent, calendar_bytes
from missionctl.tz import zone

from .harness import (
    Instant,
    calcurse_import,
    calcurse_instants,
    khal_instants,
    package_zoneinfo,
    zic_path,
)

CASA = zone("Africa/Casablanca")
LIS = zone("Europe/Lisbon")
STAMP = datetime(2026, 1, 5, 8, 30, tzinfo=UTC)
SYSTEM_ZONEINFO = Path("/usr/share/zoneinfo")

needs_khal = pytest.mark.skipif(
    shutil.which("khal") is None, reason="khal not installed (Debian package khal)"
)
needs_calcurse = pytest.mark.skipif(
    shutil.which("calcurse") is None, reason="calcurse not installed (Debian package calcurse)"
)
pytestmark = [pytest.mark.clients]

Reader = Callable[..., list[Instant]]
CLIENTS = [
    pytest.param(khal_instants, id="khal", marks=needs_khal),
    pytest.param(calcurse_instants, id="calcurse", marks=needs_calcurse),
]


@pytest.fixture(scope="session")
def package_tzdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `tzdata` package's zones compiled for the clients (`zic -b fat`)."""
    if zic_path() is None:
        pytest.skip("zic not found (Debian package libc-bin)")
    return package_zoneinfo(tmp_path_factory.mktemp("zoneinfo"))


def _event(uid: str, summary: str, start: datetime, end: datetime, **kw: object) -> CalEvent:
    return CalEvent(
        uid=f"{uid}@ma-2026.missionctl",
        summary=summary,
        start=start,
        start_zone=str(start.tzinfo),
        end=end,
        end_zone=str(end.tzinfo),
        location=kw.pop("location", None),  # type: ignore[arg-type]
        geo=kw.pop("geo", None),  # type: ignore[arg-type]
        description=kw.pop("description", None),  # type: ignore[arg-type]
        status=kw.pop("status", "CONFIRMED"),  # type: ignore[arg-type]
        attendees=kw.pop("attendees", ()),  # type: ignore[arg-type]
        categories=kw.pop("categories", ()),  # type: ignore[arg-type]
        url=kw.pop("url", None),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def mission() -> list[CalEvent]:
    people = (("Ana Silva", "ana.silva@example.pt"), ("Youssef El Amrani", None))
    return [
        _event(
            "ramadan-meeting",
            "Meeting during Ramadan\n(UTC+0)",
            datetime(2026, 2, 20, 10, tzinfo=CASA),
            datetime(2026, 2, 20, 11, tzinfo=CASA),
            location="Casablanca Finance City, Tower 2; floor 5",
            geo=(33.5615, -7.6654),
            description="Agenda:\n1. introductions\n2. visit, questions",
            attendees=people,
            categories=("meeting", "b2b"),
            url="https://example.org/m/ramadan",
        ),
        _event(
            "april-meeting",
            "Meeting in April (UTC+1)",
            datetime(2026, 4, 10, 10, tzinfo=CASA),
            datetime(2026, 4, 10, 11, tzinfo=CASA),
            status="TENTATIVE",
            attendees=people,
        ),
        _event(
            "flight",
            "TP1450 Lisbon → Casablanca",
            datetime(2026, 4, 12, 18, 0, tzinfo=LIS),
            datetime(2026, 4, 12, 19, 45, tzinfo=CASA),
            categories=("travel",),
        ),
        _event(
            "september-meeting",
            "Meeting in September (UTC+0 for good)",
            datetime(2026, 9, 25, 10, tzinfo=CASA),
            datetime(2026, 9, 25, 11, tzinfo=CASA),
            status="CANCELLED",
            sequence=3,
        ),
        _event(
            "lisbon-night",
            "Lisbon, across the end of summer time",
            datetime(2027, 10, 30, 22, tzinfo=LIS),
            datetime(2027, 10, 31, 3, tzinfo=LIS),
            transparent=True,
        ),
    ]


def _fmt(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def expected(events: list[CalEvent]) -> list[Instant]:
    """What zoneinfo (the `tzdata` package) says, in the clients' output form."""
    rows = [(_fmt(e.start), _fmt(e.end), " ".join(e.summary.split())) for e in events]
    return sorted(rows)


def write(tmp_path: Path, events: list[CalEvent], name: str = "mission.ics") -> Path:
    path = tmp_path / name
    path.write_bytes(calendar_bytes(events, name="Morocco 2026", dtstamp=STAMP))
    return path


def test_expectations_are_the_zoneinfo_instants() -> None:
    assert expected(mission()) == [
        ("2026-02-20T10:00", "2026-02-20T11:00", "Meeting during Ramadan (UTC+0)"),
        ("2026-04-10T09:00", "2026-04-10T10:00", "Meeting in April (UTC+1)"),
        ("2026-04-12T17:00", "2026-04-12T18:45", "TP1450 Lisbon → Casablanca"),
        ("2026-09-25T10:00", "2026-09-25T11:00", "Meeting in September (UTC+0 for good)"),
        ("2027-10-30T21:00", "2027-10-31T03:00", "Lisbon, across the end of summer time"),
    ]


@pytest.mark.parametrize("read", CLIENTS)
def test_clients_show_every_event_at_the_zoneinfo_instant(
    read: Reader, tmp_path: Path, package_tzdir: Path
) -> None:
    events = mission()
    assert sorted(read(write(tmp_path, events), tzdir=package_tzdir)) == expected(events)


def _system_zone(name: str) -> zoneinfo.ZoneInfo:
    path = SYSTEM_ZONEINFO / name
    if not path.is_file():
        pytest.skip(f"no system zone file {path}")
    with path.open("rb") as fh:
        return zoneinfo.ZoneInfo.from_file(fh, key=name)


def _system_version() -> str:
    try:
        first = (SYSTEM_ZONEINFO / "tzdata.zi").read_text().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"
    return first.removeprefix("# version ").strip()


@pytest.mark.parametrize("read", CLIENTS)
def test_clients_with_the_system_tz_database(read: Reader, tmp_path: Path) -> None:
    """Both clients resolve an IANA TZID with their own tz database, not our VTIMEZONE: the
    instants they show are the file's local times read with /usr/share/zoneinfo. Where that
    database is older than tz 2026c (Debian 12: 2025b), the September 2026 Casablanca meeting
    shows an hour early."""
    events = mission()
    rows = []
    for e in events:
        start = e.start.astimezone(zone(e.start_zone)).replace(tzinfo=_system_zone(e.start_zone))
        end = e.end.astimezone(zone(e.end_zone)).replace(tzinfo=_system_zone(e.end_zone))
        rows.append((_fmt(start), _fmt(end), " ".join(e.summary.split())))
    shown = read(write(tmp_path, events))
    assert sorted(shown) == sorted(rows)
    september = next(r for r in shown if r[2].startswith("Meeting in September"))
    old = _system_zone("Africa/Casablanca").utcoffset(datetime(2026, 9, 25, 10)) != CASA.utcoffset(
        datetime(2026, 9, 25, 10)
    )
    assert september[0] == ("2026-09-25T09:00" if old else "2026-09-25T10:00"), _system_version()


# --- khal reads the VTIMEZONE for a TZID it does not know ------------------------------------

ALIAS = b"Mission-Casablanca"


def _rename_tzid(data: bytes) -> bytes:
    """Make khal use the VTIMEZONE in the file: give the zone a name no tz database has."""
    return data.replace(b"Africa/Casablanca", ALIAS)


@needs_khal
def test_khal_with_our_vtimezone_is_exact(tmp_path: Path) -> None:
    events = [e for e in mission() if e.start_zone == e.end_zone == "Africa/Casablanca"]
    path = tmp_path / "ours.ics"
    path.write_bytes(_rename_tzid(calendar_bytes(events, name="m", dtstamp=STAMP)))
    assert sorted(khal_instants(path)) == expected(events)


@needs_khal
@pytest.mark.skipif(not hasattr(icalendar.Timezone, "from_tzinfo"), reason="no generator")
def test_khal_with_icalendars_generated_vtimezone(tmp_path: Path) -> None:
    """icalendar's generator, for a February-to-October window, leaves out Ramadan (7.3.2);
    khal then shows the 10:00 Ramadan meeting at 09:00 UTC. The verifier flags that
    component, so calendar_bytes never writes one like it."""
    events = [e for e in mission() if e.start_zone == e.end_zone == "Africa/Casablanca"]
    cal = icalendar.Calendar.from_ical(calendar_bytes(events, name="m", dtstamp=STAMP))
    generated = icalendar.Timezone.from_tzinfo(
        CASA, "Africa/Casablanca", date(2026, 2, 1), date(2026, 10, 1)
    )
    cal.subcomponents = [generated] + [c for c in cal.subcomponents if c.name != "VTIMEZONE"]
    path = tmp_path / "generated.ics"
    path.write_bytes(_rename_tzid(cal.to_ical()))
    shown = sorted(khal_instants(path))
    problems = verify_vtimezone(
        generated,
        "Africa/Casablanca",
        datetime(2026, 2, 1, tzinfo=UTC),
        datetime(2026, 10, 1, tzinfo=UTC),
    )
    if problems:
        assert shown != expected(events)
        ramadan = next(r for r in shown if r[2].startswith("Meeting during Ramadan"))
        assert ramadan[0] == "2026-02-20T09:00"
    else:  # a later icalendar got it right
        assert shown == expected(events)


# --- ambiguous local times ------------------------------------------------------------------

_AMBIGUOUS_ICS = """\
BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:ambiguous@test\r
DTSTAMP:20260101T000000Z\r
SUMMARY:ambiguous\r
DTSTART;TZID=Europe/Lisbon:20271031T013000\r
DTEND;TZID=Europe/Lisbon:20271031T014500\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.mark.parametrize("read", CLIENTS)
def test_clients_read_an_ambiguous_local_time_as_its_second_occurrence(
    read: Reader, tmp_path: Path, package_tzdir: Path
) -> None:
    """RFC 5545 says the first (00:30Z); both clients take the second (01:30Z). This is why
    calendar_bytes writes times in a repeated hour in UTC."""
    path = tmp_path / "ambiguous.ics"
    path.write_bytes(_AMBIGUOUS_ICS.encode())
    assert read(path, tzdir=package_tzdir) == [
        ("2027-10-31T01:30", "2027-10-31T01:45", "ambiguous")
    ]


@pytest.mark.parametrize("read", CLIENTS)
def test_clients_get_both_occurrences_of_a_repeated_hour_from_us(
    read: Reader, tmp_path: Path, package_tzdir: Path
) -> None:
    first = datetime(2027, 10, 31, 1, 30, tzinfo=LIS)
    second = first.replace(fold=1)
    events = [
        _event("first", "first 01:30", first, datetime(2027, 10, 31, 1, 45, tzinfo=LIS)),
        _event("second", "second 01:30", second, datetime(2027, 10, 31, 2, 30, tzinfo=LIS)),
    ]
    assert read(write(tmp_path, events), tzdir=package_tzdir) == [
        ("2027-10-31T00:30", "2027-10-31T00:45", "first 01:30"),
        ("2027-10-31T01:30", "2027-10-31T02:30", "second 01:30"),
    ]


# --- calcurse and newlines in SUMMARY ---------------------------------------------------------


@needs_calcurse
def test_calcurse_skips_a_summary_with_a_newline_and_takes_ours(tmp_path: Path) -> None:
    raw = _AMBIGUOUS_ICS.replace("SUMMARY:ambiguous", "SUMMARY:two\\nlines")
    (tmp_path / "raw.ics").write_text(raw)
    (tmp_path / "a").mkdir()
    report = calcurse_import(tmp_path / "raw.ics", tmp_path / "a")
    assert (report.appointments, report.skipped) == (0, 1)
    assert "line break in summary" in report.log
    ours = write(tmp_path, [mission()[0]])
    assert re.search(rb"SUMMARY:Meeting during Ramadan \(UTC\+0\)\r\n", ours.read_bytes())
    (tmp_path / "b").mkdir()
    report = calcurse_import(ours, tmp_path / "b")
    assert (report.appointments, report.skipped, report.log) == (1, 0, "")


@pytest.mark.parametrize("read", CLIENTS)
def test_clients_accept_an_empty_calendar(read: Reader, tmp_path: Path) -> None:
    assert read(write(tmp_path, [])) == []


# --- --times utc: right whatever the client's tz data ------------------------------------------

UTC_MISSION = """\
missionctl: 1
mission:
  id: utc-times
  title: UTC times
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
people:
  ana: {name: Ana Silva, email: ana@example.org}
venues:
  lisbon-airport: {name: Lisbon airport, city: Lisbon, timezone: Europe/Lisbon}
  cmn: {name: Casablanca airport, city: Casablanca}
  office: {name: Office, city: Casablanca}
events:
  flight:
    kind: travel
    title: Flight Lisbon to Casablanca
    from: lisbon-airport
    to: cmn
    start: 2027-05-10 08:00
    end: 2027-05-10 09:45
    attendees: [ana]
  meeting:
    kind: meeting
    title: Meeting in Casablanca
    venue: office
    start: 2027-05-11 10:00
    end: "11:00"
    attendees: [ana]
"""
# zoneinfo (tz 2026c and later): Casablanca is UTC+0 for good from 2026-09-20, so the
# 10:00 meeting is at 10:00Z; tz data older than 2026c (Debian 12: 2025b) says UTC+1.
UTC_EXPECTED = [
    ("2027-05-10T07:00", "2027-05-10T09:45", "Flight Lisbon to Casablanca"),
    ("2027-05-11T10:00", "2027-05-11T11:00", "Meeting in Casablanca"),
]


def _stale_system_data() -> bool:
    system = _system_zone("Africa/Casablanca")
    moment = datetime(2027, 5, 11, 10)
    return system.utcoffset(moment) != CASA.utcoffset(moment)


@pytest.mark.parametrize("read", CLIENTS)
def test_times_utc_is_right_with_the_clients_own_stale_tz_data(
    read: Reader, tmp_path: Path
) -> None:
    """Issue 9: with the system's tz database (Debian 12's 2025b, older than 2026c), a
    Casablanca event after 2026-09-20 exported with TZIDs shows an hour early; with
    `--times utc` it lands at the right UTC instant, whole or per person."""
    from missionctl.cli.app import main

    mission_file = tmp_path / "m.yaml"
    mission_file.write_text(UTC_MISSION, encoding="utf-8")
    local, utc = tmp_path / "local.ics", tmp_path / "utc.ics"
    assert main(["itinerary", str(mission_file), "--format", "ics", "-o", str(local)]) == 0
    assert main(["itinerary", str(mission_file), "--format", "ics", "--times", "utc",
                 "-o", str(utc)]) == 0
    folder = tmp_path / "people"
    assert main(["itinerary", str(mission_file), "--format", "ics", "--times", "utc",
                 "--per-person", str(folder)]) == 0
    data = utc.read_bytes()
    assert b"TZID" not in data and b"BEGIN:VTIMEZONE" not in data
    assert sorted(read(utc)) == UTC_EXPECTED
    assert sorted(read(folder / "ana.ics")) == UTC_EXPECTED
    meeting = next(r for r in read(local) if r[2] == "Meeting in Casablanca")
    if _stale_system_data():  # the problem `--times utc` answers
        assert meeting[0] == "2027-05-11T09:00", _system_version()
    else:
        assert meeting[0] == "2027-05-11T10:00", _system_version()
