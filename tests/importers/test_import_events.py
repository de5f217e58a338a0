"""`missionctl import events` behaviours: re-import by UID, the author's events and venues,
rooms, local times across a clock change, bad files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from missionctl.loader import load

from .conftest import Cli

MISSION = """\
missionctl: 1
mission:
  id: fair
  title: Trade fair
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
include: [imported-events.yaml]
venues:
  expo:
    name: Casablanca expo centre
    timezone: Africa/Casablanca
    rooms:
      hall-a: {name: Hall A}
      hall-b: {name: Hall B}
"""
ICS = """\
BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//missionctl//EN\r
BEGIN:VEVENT\r
UID:opening@fair\r
DTSTART:20270510T083000Z\r
DTEND:20270510T093000Z\r
SUMMARY:Opening keynote\r
LOCATION:Hall A\r
CATEGORIES:Keynote\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:workshop@fair\r
DTSTART;TZID=Europe/Lisbon:20270511T140000\r
DTEND;TZID=Europe/Lisbon:20270511T160000\r
SUMMARY:Robot cell workshop\r
LOCATION:Room 7\r
STATUS:TENTATIVE\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:outside@fair\r
DTSTART:20270601T083000Z\r
DTEND:20270601T093000Z\r
SUMMARY:After the mission\r
END:VEVENT\r
END:VCALENDAR\r
"""


def write(tmp_path: Path, ics: str = ICS, mission: str = MISSION) -> tuple[Path, Path]:
    m = tmp_path / "mission.yaml"
    m.write_text(mission, encoding="utf-8")
    source = tmp_path / "fair.ics"
    source.write_text(ics, encoding="utf-8", newline="")
    return m, source


def generated(m: Path) -> dict[str, dict[str, str]]:
    doc = yaml.load((m.parent / "imported-events.yaml").read_text(encoding="utf-8"),
                    Loader=yaml.BaseLoader)
    assert isinstance(doc, dict)
    return doc["events"]


def test_events_at_the_authors_venue_with_its_rooms(cli: Cli, tmp_path: Path) -> None:
    m, source = write(tmp_path)
    code, out, _ = cli("import", "events", source, "--mission", m, "--venue", "expo")
    assert code == 0, out
    events = generated(m)
    # Casablanca is on UTC+0 for good from 2026-09-20 (tz 2026c); Lisbon is UTC+1 in May
    assert events["opening-keynote"] == {
        "kind": "presentation", "title": "Opening keynote", "start": "2027-05-10 08:30",
        "end": "09:30", "venue": "expo", "room": "hall-a", "x-uid": "opening@fair"}
    workshop = events["robot-cell-workshop"]
    assert (workshop["start"], workshop["end"], workshop["status"]) == (
        "2027-05-11 13:00", "15:00", "tentative")
    assert "room" not in workshop and workshop["notes"] == "Location: Room 7"
    assert "1 event(s) outside 2027-05-10..2027-05-14 left out" in out
    assert load(m).ok


def test_reimport_updates_by_uid_and_keeps_ids(cli: Cli, tmp_path: Path) -> None:
    m, source = write(tmp_path)
    cli("import", "events", source, "--mission", m, "--venue", "expo")
    source.write_text(ICS.replace("SUMMARY:Opening keynote", "SUMMARY:Opening session")
                      .replace("20270510T083000Z", "20270510T090000Z"), encoding="utf-8",
                      newline="")
    code, out, _ = cli("import", "events", source, "--mission", m, "--venue", "expo",
                       "--dry-run")
    assert code == 0
    assert "Events would be changed (1): opening-keynote (title, start)" in out
    cli("import", "events", source, "--mission", m, "--venue", "expo")
    assert generated(m)["opening-keynote"]["title"] == "Opening session"
    assert generated(m)["opening-keynote"]["start"] == "2027-05-10 09:00"


def test_an_event_the_author_took_over_is_left_alone(cli: Cli, tmp_path: Path) -> None:
    mine = MISSION + """\
events:
  keynote:
    kind: presentation
    title: Opening keynote (we attend)
    start: 2027-05-10 09:30
    end: "10:30"
    venue: expo
    attendees: [ana]
    x-uid: opening@fair
people:
  ana: {name: Ana Silva, email: ana@example.org}
"""
    m, source = write(tmp_path, mission=mine)
    code, out, _ = cli("import", "events", source, "--mission", m, "--venue", "expo")
    assert code == 0
    assert re.search(r"'Opening keynote' is keynote, defined by hand at \S*mission\.yaml:18:3:"
                     r" left alone", out), out
    assert all(e.get("x-uid") != "opening@fair" for e in generated(m).values())
    assert load(m).ok


def test_a_repeated_hour_is_written_with_its_offset(cli: Cli, tmp_path: Path) -> None:
    """Lisbon repeats 01:00-02:00 on 31 October 2027: the second 01:30 needs its offset."""
    ics = ICS.replace("DTSTART:20270510T083000Z", "DTSTART:20271031T013000Z").replace(
        "DTEND:20270510T093000Z", "DTEND:20271031T020000Z")
    mission = MISSION.replace("Africa/Casablanca\n  start: 2027-05-10\n  end: 2027-05-14",
                              "Europe/Lisbon\n  start: 2027-10-29\n  end: 2027-11-02")
    m, source = write(tmp_path, ics, mission.replace("timezone: Africa/Casablanca",
                                                      "timezone: Europe/Lisbon"))
    cli("import", "events", source, "--mission", m)
    opening = generated(m)["opening-keynote"]
    assert (opening["start"], opening["end"]) == ("2027-10-31 01:30+00:00",
                                                  "2027-10-31 02:00")
    loaded = load(m)
    assert loaded.ok and loaded.mission is not None
    event = loaded.mission.events["opening-keynote"]
    assert event.start.isoformat() == "2027-10-31T01:30:00+00:00"


def test_a_schedule_writes_its_venue_and_rooms(cli: Cli, tmp_path: Path) -> None:
    m, _ = write(tmp_path, mission=MISSION.replace("2027-05-", "2021-05-"))
    data = Path(__file__).resolve().parent.parent / "data" / "schedules"
    code, _out, _ = cli("import", "events", data / "rc3-2020-frab.json", "--mission", m,
                       "--from", "2020-12-27", "--to", "2020-12-27")
    text = (m.parent / "imported-events.yaml").read_text(encoding="utf-8")
    assert ("venues:\n  rc3:\n    name: Remote Chaos Experience\n"
            "    timezone: Europe/Berlin\n    rooms:\n      rc1: {name: rC1}\n") in text
    assert code == 0 and load(m).ok


@pytest.mark.parametrize(("option", "day", "says"), [
    ("--from", "2025-05-09", "--from 2025-05-09 is more than two years before the mission "
     "starts (2027-05-10); import from 2025-05-10 on"),
    ("--to", "2029-05-14", "--to 2029-05-14 is more than two years after the mission ends "
     "(2027-05-14); import up to 2029-05-13")])
def test_a_window_the_mission_cannot_hold_is_one_line(cli: Cli, tmp_path: Path, option: str,
                                                      day: str, says: str) -> None:
    """`check` refuses events more than two years from the mission's dates (MC003): the
    import says so before it reads anything, and writes nothing."""
    m, source = write(tmp_path)
    code, out, err = cli("import", "events", source, "--mission", m, option, day)
    assert (code, out, err.strip()) == (2, "", f"missionctl: {says}")
    assert not (m.parent / "imported-events.yaml").exists()
    edge = "2025-05-10" if option == "--from" else "2029-05-13"
    assert cli("import", "events", source, "--mission", m, option, edge)[0] == 0
    assert load(m).ok


@pytest.mark.parametrize(("content", "says"), [
    (b"", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "is not a calendar or a schedule"),
    (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "is an ICS calendar with no events"),
    (b"<html><body>programme</body></html>", "is XML but not a frab schedule"),
    (b'{"rooms": []}', "is JSON but not a frab or pretalx schedule"),
    (b"<schedule><day date='x'>", "is not readable XML"),
    (b'<!DOCTYPE s [<!ENTITY a "aaaa">]><schedule>&a;</schedule>', "declares XML entities")])
def test_each_bad_file_is_one_line(cli: Cli, tmp_path: Path, content: bytes,
                                   says: str) -> None:
    m, _ = write(tmp_path)
    bad = tmp_path / "programme.ics"
    bad.write_bytes(content)
    code, out, err = cli("import", "events", bad, "--mission", m)
    assert code == 2, out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], err
    assert not (m.parent / "imported-events.yaml").exists()


def test_a_file_missionctl_did_not_write_is_left_alone(cli: Cli, tmp_path: Path) -> None:
    m, source = write(tmp_path)
    mine = m.parent / "imported-events.yaml"
    mine.write_text("events: {}\n", encoding="utf-8")
    code, _, err = cli("import", "events", source, "--mission", m)
    assert code == 2 and "was not written by `missionctl import events`" in err
    assert mine.read_text(encoding="utf-8") == "events: {}\n"


def test_a_broken_event_is_reported_and_the_others_imported(cli: Cli, tmp_path: Path) -> None:
    broken = ICS.replace("BEGIN:VEVENT\r\nUID:outside@fair", "BEGIN:VEVENT\r\nUID:bad@fair\r\n"
                         "SUMMARY:Broken\r\nDTSTART:garbage\r\nEND:VEVENT\r\n"
                         "BEGIN:VEVENT\r\nUID:outside@fair")
    m, source = write(tmp_path, broken)
    code, _out, err = cli("import", "events", source, "--mission", m)
    assert code == 1
    assert err.strip() == ("fair.ics, event 'Broken' (UID bad@fair): it cannot be read "
                           "(DTSTART: Expected time, got: garbage); not imported")
    assert set(generated(m)) == {"opening-keynote", "robot-cell-workshop"}


def test_force_replaces_a_foreign_file_but_never_the_missions_own(cli: Cli,
                                                                 tmp_path: Path) -> None:
    m, source = write(tmp_path, mission=MISSION.replace("include: [imported-events.yaml]\n", ""))
    foreign = m.parent / "programme.yaml"  # not one the mission reads
    foreign.write_text("events: {}\n", encoding="utf-8")
    code, _, err = cli("import", "events", source, "--mission", m, "--output", foreign)
    assert code == 2 and "was not written by `missionctl import events`" in err
    code, _, _ = cli("import", "events", source, "--mission", m, "--output", foreign, "--force")
    assert code == 0 and foreign.read_text(encoding="utf-8").startswith(
        "# Generated by `missionctl import events`")
    # the file the mission includes holds the author's own YAML: never written
    m.write_text(MISSION, encoding="utf-8")
    included = m.parent / "imported-events.yaml"
    included.write_text("events: {}\n", encoding="utf-8")
    code, _, err = cli("import", "events", source, "--mission", m, "--force")
    assert code == 2 and "one of the mission's own files" in err
    assert included.read_text(encoding="utf-8") == "events: {}\n"
    before = m.read_bytes()
    code, _, err = cli("import", "events", source, "--mission", m, "--output", m, "--force")
    assert code == 2 and "one of the mission's own files" in err
    assert m.read_bytes() == before


@pytest.mark.parametrize(("option", "says"), [
    (["--kind", "party"], "--kind 'party': use one of visit, meeting"),
    (["--from", "2027-13-01"], "--from/--to: '2027-13-01' is not a real date"),
    (["--from", "2027-05-12", "--to", "2027-05-11"], "--to 2027-05-11 is before --from"),
    (["--venue", "not an id"], "--venue: 'not an id' is not a valid id")])
def test_bad_options_are_one_line(cli: Cli, tmp_path: Path, option: list[str],
                                  says: str) -> None:
    m, source = write(tmp_path)
    code, _, err = cli("import", "events", source, "--mission", m, *option)
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1, err


def test_kind_for_events_whose_type_says_none(cli: Cli, tmp_path: Path) -> None:
    m, source = write(tmp_path)
    cli("import", "events", source, "--mission", m, "--kind", "visit")
    events = generated(m)
    assert events["robot-cell-workshop"]["kind"] == "workshop"  # its title says
    assert events["opening-keynote"]["kind"] == "presentation"  # its category says
    cli("import", "events", source, "--mission", m, "--from", "2027-06-01", "--to",
        "2027-06-01", "--kind", "visit")
    assert generated(m)["after-the-mission"]["kind"] == "visit"  # nothing says: --kind
