"""`missionctl changes --format json` on a real git repository with several commits: every kind
of change, renames, reformatting, includes, a group change, a B2B meeting moved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from missionctl.cli.app import main

from .history import History, start

Changes = dict[str, list[dict[str, Any]]]


@pytest.fixture
def h(tmp_path: Path) -> History:
    return start(tmp_path / "repo")


def changes(h: History, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["changes", str(h.mission), *args, "--format", "json"]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


def kinds(doc: dict[str, Any]) -> dict[str, list[tuple[str | None, str]]]:
    """person -> [(event, change)]."""
    return {p: [(e["event"], e["change"]) for e in entries]
            for p, entries in doc["people"].items()}


def test_moved_in_time_in_local_time(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("mission.yaml", "start: 2027-05-10 14:00\n    end: \"16:00\"",
           "start: 2027-05-10 15:00\n    end: \"17:00\"")
    doc = changes(h, capsys, "--since", "HEAD")
    assert doc["version"] == 1 and doc["from"] == "HEAD" and doc["to"] == "working tree"
    assert kinds(doc) == {p: [("visit", "time")] for p in ("ana", "bruno", "youssef")}
    entry = doc["people"]["ana"][0]
    assert entry["before"] == {"start": "2027-05-10T14:00:00+00:00",
                               "end": "2027-05-10T16:00:00+00:00", "zone": "Africa/Casablanca"}
    assert entry["after"]["start"] == "2027-05-10T15:00:00+00:00"


def test_a_flight_in_lisbon_time(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("mission.yaml", "start: 2027-05-10 08:00", "start: 2027-05-10 07:30")
    entry = changes(h, capsys, "--since", "HEAD")["people"]["ana"][0]
    assert entry["change"] == "time"
    assert entry["before"]["start"] == "2027-05-10T08:00:00+01:00"  # Lisbon, summer time
    assert entry["after"] == {"start": "2027-05-10T07:30:00+01:00",
                              "end": "2027-05-10T09:40:00+00:00", "zone": "Europe/Lisbon",
                              "end_zone": "Africa/Casablanca"}


def test_cancelled_then_reinstated(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("mission.yaml", "    room: salon\n", "    room: salon\n    status: cancelled\n")
    h.commit("cancel the dinner")
    doc = changes(h, capsys, "--since", "HEAD~1")
    assert kinds(doc) == {p: [("dinner", "cancelled")] for p in ("ana", "bruno")}
    assert doc["people"]["ana"][0]["after"] == {"status": "cancelled"}
    h.edit("mission.yaml", "    status: cancelled\n", "")
    h.commit("the dinner is back")
    assert kinds(changes(h, capsys, "--since", "HEAD~1")) == {
        p: [("dinner", "reinstated")] for p in ("ana", "bruno")}
    assert changes(h, capsys, "--since", "HEAD~2")["people"] == {}  # as it was


def test_added_and_removed(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("mission.yaml", "  dinner:\n", "  lunch:\n    kind: meal\n    title: Lunch\n"
           "    venue: hotel\n    start: 2027-05-10 12:00\n    end: \"12:45\"\n"
           "    attendees: [ana]\n  dinner:\n")
    h.edit("mission.yaml", "  coach:\n    kind: travel\n    title: Coach to the plant\n",
           "  coach:\n    kind: travel\n    title: Coach to the plant\n    x-gone: 1\n")
    text = h.mission.read_text(encoding="utf-8")
    start_, end_ = text.index("  coach:\n"), text.index("  visit:\n")
    h.write("mission.yaml", text[:start_] + text[end_:])
    doc = changes(h, capsys, "--since", "HEAD")
    assert kinds(doc) == {"ana": [("lunch", "added"), ("coach", "removed")],  # in time order
                          "bruno": [("coach", "removed")]}
    added = doc["people"]["ana"][0]
    assert added["before"] == {} and added["after"]["title"] == "Lunch"
    assert added["after"]["venue"] == "hotel"


def test_moved_in_place(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("mission.yaml", "room: salon", "room: hall")
    h.edit("mission.yaml", "from: hotel\n    to: plant", "from: cmn\n    to: plant")
    doc = changes(h, capsys, "--since", "HEAD")
    assert kinds(doc)["ana"] == [("coach", "place"), ("dinner", "place")]
    dinner = doc["people"]["ana"][1]
    assert dinner["before"] == {"venue": "hotel", "room": "salon"}
    assert dinner["after"] == {"venue": "hotel", "room": "hall"}


def test_details(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("mission.yaml", "title: Plant visit", "title: Visit of the Acme plant")
    h.edit("mission.yaml", "hosts: [youssef]", "hosts: [youssef]\n    notes: Safety shoes")
    h.edit("mission.yaml", "mode: coach", "mode: coach\n    carrier: Casa Autocars")
    doc = changes(h, capsys, "--since", "HEAD")
    assert kinds(doc)["bruno"] == [("coach", "details"), ("visit", "details")]
    visit = doc["people"]["bruno"][1]
    assert visit["before"] == {"title": "Plant visit", "notes": None}
    assert visit["after"] == {"title": "Visit of the Acme plant", "notes": "Safety shoes"}


def test_hosts_changed_each_sees_their_part(h: History,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("mission.yaml", "hosts: [youssef]", "hosts: [carla]")
    doc = changes(h, capsys, "--since", "HEAD")
    assert kinds(doc) == {"ana": [("visit", "details")], "bruno": [("visit", "details")],
                          "carla": [("visit", "people")], "youssef": [("visit", "people")]}
    assert doc["people"]["ana"][0]["after"] == {"hosts": ["carla"]}
    assert doc["people"]["youssef"][0]["after"] == {"taking_part": False}
    assert doc["people"]["carla"][0]["after"]["taking_part"] is True


def test_a_person_added_to_a_group(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("people.yaml", "carla: {name: Carla Dias, organisation: cluster,",
           "carla: {name: Carla Dias, organisation: cluster, groups: [team],")
    h.commit("Carla joins the team")
    doc = changes(h, capsys, "--since", "HEAD~1", "--until", "HEAD")
    assert doc["to"] == "HEAD"
    assert kinds(doc) == {"carla": [(e, "people") for e in
                                    ("flight", "coach", "visit", "dinner", "night")]}


def test_include_file_arrival_and_hotel(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("people.yaml", "arrival: 2027-05-10 09:40", "arrival: 2027-05-10 10:40")
    h.edit("mission.yaml", "start: 2027-05-10 22:00", "start: 2027-05-10 23:00")
    doc = changes(h, capsys, "--since", "HEAD")
    assert kinds(doc)["ana"] == [("night", "time"), (None, "time")] or \
        kinds(doc)["ana"] == [(None, "time"), ("night", "time")]
    arrival = next(e for e in doc["people"]["ana"] if e["event"] is None)
    assert arrival["about"] == "arrival"
    assert arrival["after"]["arrival"] == "2027-05-10T10:40:00+00:00"
    assert kinds(doc)["bruno"] == [("night", "time")]


def test_renamed_is_one_change_not_two(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("mission.yaml", "  dinner:\n", "  welcome-dinner:\n")
    doc = changes(h, capsys, "--since", "HEAD")
    assert doc["people"] == {}
    assert doc["renamed"] == {"dinner": "welcome-dinner"}


def test_renamed_and_moved_is_removed_and_added(h: History,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    h.edit("mission.yaml", "  dinner:\n", "  welcome-dinner:\n")
    h.edit("mission.yaml", "start: 2027-05-10 20:00", "start: 2027-05-10 20:30")
    assert kinds(changes(h, capsys, "--since", "HEAD"))["ana"] == [
        ("dinner", "removed"), ("welcome-dinner", "added")]


def test_reformatting_changes_nothing(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    from .history import MISSION

    text = MISSION
    # the dinner moves into an include, in flow style and another key order; the group is
    # written out as its members; a comment and blank lines are added
    dinner = text[text.index("  dinner:\n"):text.index("  night:\n")]
    text = text.replace(dinner, "").replace("include: [people.yaml]",
                                            "# the programme\ninclude: [people.yaml, more.yaml]")
    text = text.replace("attendees: [group:team]\n    hosts", "attendees: [bruno, ana]\n    hosts")
    h.write("mission.yaml", text)
    h.write("more.yaml", "events:\n  dinner: {end: '21:30', start: 2027-05-10 20:00, "
            "attendees: [group:team], room: salon, venue: hotel, title: Dinner, kind: meal}\n")
    h.commit("reformat")
    doc = changes(h, capsys, "--since", "HEAD~1", "--until", "HEAD")
    assert doc["people"] == {} and doc["renamed"] == {}


def test_b2b_meeting_moved_by_a_repair(h: History, capsys: pytest.CaptureFixture[str]) -> None:
    # what `schedule --repair` does to a meeting: another slot, another table (its id, which
    # holds both, changes with them)
    h.edit("mission.yaml", '{at: "14:00", table: 1, between: [cluster, acme]}',
           '{at: "14:30", table: 2, between: [acme, cluster]}')
    doc = changes(h, capsys, "--since", "HEAD")
    assert kinds(doc) == {p: [("fair.14:30.2", "time"), ("fair.14:30.2", "place")]
                          for p in ("ana", "youssef")}
    place = doc["people"]["ana"][1]
    assert place["before"]["table"] == 1 and place["after"]["table"] == 2


def test_two_files(h: History, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old = tmp_path / "old"
    old.mkdir()
    for name in ("mission.yaml", "people.yaml"):
        (old / name).write_bytes((h.folder / name).read_bytes())
    h.edit("mission.yaml", "room: salon", "room: hall")
    capsys.readouterr()
    assert main(["changes", str(old / "mission.yaml"), str(h.mission), "-f", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["from"] == str(old / "mission.yaml") and doc["to"] == str(h.mission)
    assert kinds(doc) == {p: [("dinner", "place")] for p in ("ana", "bruno")}


@pytest.mark.parametrize(("option", "value", "people"), [
    ("--person", "youssef", {"youssef"}), ("--org", "cluster", {"ana", "bruno"}),
    ("--group", "team", {"ana", "bruno"}), ("--org", "acme", {"youssef"})])
def test_selection(h: History, capsys: pytest.CaptureFixture[str], option: str, value: str,
                   people: set[str]) -> None:
    h.edit("mission.yaml", "start: 2027-05-10 14:00", "start: 2027-05-10 13:45")
    assert set(changes(h, capsys, "--since", "HEAD", option, value)["people"]) == people
