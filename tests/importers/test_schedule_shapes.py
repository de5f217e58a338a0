"""`import events` on schedule shapes no packaged real schedule shows (tests/data/README.md):
these files are written here, by hand, in the published frab `schedule.xml` and frab/pretalx
JSON formats (c3voc.de/wiki/schedule), with the faults seen in the wild: an event without a
duration, one id repeated in several rooms (a break), `date`s written in UTC (`Z`), events
after midnight given only by a wall-clock `start`, and a `time_zone_name` that disagrees with
the offsets. Each expected instant is worked out by hand in the test.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from missionctl.loader import load
from missionctl.model import Mission

from .conftest import Cli

MISSION = """\
missionctl: 1
mission:
  id: fair
  title: Fair
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-11
  end: 2027-05-12
include: [imported-events.yaml]
"""

# A fair in Porto: Lisbon's zone is UTC+1 in May (the mission's, Casablanca, is UTC+0).
FRAB_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <version>1.0</version>
  <conference>
    <acronym>mtd27</acronym>
    <title>Manufacturing Technology Days 2027</title>
    <start>2027-05-11</start>
    <end>2027-05-12</end>
    <days>1</days>
    <timeslot_duration>00:15</timeslot_duration>
    <time_zone_name>Europe/Lisbon</time_zone_name>
  </conference>
  <day index="1" date="2027-05-11" start="2027-05-11T09:00:00+01:00"
       end="2027-05-12T03:00:00+01:00">
    <room name="Hall A">
      <event guid="6b0f4c1e-0001-4000-8000-000000000101" id="101">
        <date>2027-05-11T09:30:00+01:00</date>
        <start>09:30</start>
        <duration>00:45</duration>
        <room>Hall A</room>
        <slug>mtd27-101-opening</slug>
        <title>Opening keynote</title>
        <subtitle></subtitle>
        <track>Industry</track>
        <type>Talk</type>
        <language>en</language>
        <abstract>Mould making in 2030.</abstract>
        <persons><person id="7">Ana Martins</person></persons>
        <links><link href="https://example.org/mtd27/101">Talk page</link></links>
      </event>
      <event guid="6b0f4c1e-0001-4000-8000-000000000200" id="200">
        <date>2027-05-11T12:00:00+01:00</date>
        <start>12:00</start>
        <duration>01:00</duration>
        <room>Hall A</room>
        <title>Lunch break</title>
        <type>Break</type>
      </event>
      <event guid="6b0f4c1e-0001-4000-8000-000000000300" id="300">
        <date>2027-05-11T15:00:00+01:00</date>
        <start>15:00</start>
        <room>Hall A</room>
        <title>Panel without a duration</title>
      </event>
      <event guid="6b0f4c1e-0001-4000-8000-000000000400" id="400">
        <start>01:30</start>
        <duration>00:30</duration>
        <room>Hall A</room>
        <title>Night session</title>
      </event>
    </room>
    <room name="Hall B">
      <event guid="6b0f4c1e-0001-4000-8000-000000000200" id="200">
        <date>2027-05-11T12:00:00+01:00</date>
        <start>12:00</start>
        <duration>01:00</duration>
        <room>Hall B</room>
        <title>Lunch break</title>
        <type>Break</type>
      </event>
      <event guid="6b0f4c1e-0001-4000-8000-000000000501" id="501">
        <date>2027-05-11T13:15:00Z</date>
        <start>14:15</start>
        <duration>0:50</duration>
        <room>Hall B</room>
        <title>Automation  in
          practice</title>
        <type>Workshop</type>
      </event>
    </room>
  </day>
</schedule>
"""


def imported(cli: Cli, tmp_path: Path, name: str, text: str) -> tuple[Mission, str]:
    m = tmp_path / "mission.yaml"
    m.write_text(MISSION, encoding="utf-8")
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    code, out, err = cli("import", "events", source, "--mission", m, "--from", "2027-01-01",
                         "--to", "2027-12-31")
    assert code in (0, 1)
    assert "Traceback" not in out + err
    loaded = load(m)
    assert loaded.ok, loaded.findings
    assert loaded.mission is not None
    return loaded.mission, out + err


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_frab_xml_instants_rooms_and_faults(cli: Cli, tmp_path: Path) -> None:
    mission, said = imported(cli, tmp_path, "schedule.xml", FRAB_XML)
    rooms = {r.id: r.name for v in mission.venues.values() for r in v.rooms.values()}
    got = sorted((e.start, e.end - e.start, e.title, rooms[e.room or ""])
                 for e in mission.events.values())
    assert got == [
        (utc("2027-05-11T08:30:00+00:00"), timedelta(minutes=45), "Opening keynote",
         "Hall A"),
        (utc("2027-05-11T11:00:00+00:00"), timedelta(hours=1), "Lunch break", "Hall A"),
        (utc("2027-05-11T11:00:00+00:00"), timedelta(hours=1), "Lunch break", "Hall B"),
        # the `date` in UTC is the instant; its `start` (14:15, Lisbon) agrees
        (utc("2027-05-11T13:15:00+00:00"), timedelta(minutes=50), "Automation in practice",
         "Hall B"),
        # no `date`: 01:30 is before the day's 09:00 start, so it is the next morning
        (utc("2027-05-12T00:30:00+00:00"), timedelta(minutes=30), "Night session", "Hall A"),
    ]
    assert "event 300 'Panel without a duration': it has no duration; not imported" in said
    assert said.count("its UID was already used; imported again under its room") == 1
    keynote = next(e for e in mission.events.values() if e.title == "Opening keynote")
    assert keynote.notes is not None
    assert "Speakers: Ana Martins" in keynote.notes
    assert "https://example.org/mtd27/101" in keynote.notes
    assert mission.venues["mtd27"].timezone == "Europe/Lisbon"
    # the `Z` date is an instant all the same; that its offset is not Lisbon's is said once
    assert said.count("names its zone Europe/Lisbon (time_zone_name) but its times carry the "
                      "offset +00:00") == 1


def test_zone_label_disagreeing_with_offsets_is_said(cli: Cli, tmp_path: Path) -> None:
    """A pretalx-style JSON export whose `time_zone_name` says UTC while every `date` carries
    +01:00: the offsets are imported, and the disagreement is said once."""
    event = {"guid": "c1d2", "id": 1, "date": "2027-05-11T10:00:00+01:00", "start": "10:00",
             "duration": "00:30", "room": "Main", "title": "Welcome", "type": "Talk",
             "persons": [{"public_name": "Rui Costa"}]}
    doc = {"schedule": {"version": "0.1", "base_url": "https://pretalx.example.org/demo/",
                        "conference": {"acronym": "demo", "title": "Demo",
                                       "time_zone_name": "UTC", "rooms": [{"name": "Main"}],
                                       "days": [{"index": 1, "date": "2027-05-11",
                                                 "rooms": {"Main": [event]}}]}}}
    mission, said = imported(cli, tmp_path, "schedule.json", json.dumps(doc))
    assert "names its zone UTC (time_zone_name) but its times carry the offset +01:00" in said
    assert said.count("time_zone_name") == 1
    (welcome,) = mission.events.values()
    assert welcome.start == utc("2027-05-11T09:00:00+00:00")
