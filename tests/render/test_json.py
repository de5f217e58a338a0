"""JSON: the resolved model with UTC instants, findings and x- data."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionctl.linter import run_checks
from missionctl.model import Mission
from missionctl.render import json_
from missionctl.views import contacts
from missionctl.views.flags import flags_by_event
from missionctl.views.select import Selection, select_events
from views.sample import load_small


@pytest.fixture
def small(tmp_path: Path) -> Mission:
    return load_small(tmp_path)


def doc(m: Mission, sel: Selection | None = None, public: bool = False) -> dict[str, Any]:
    sel = sel or Selection()
    text = json_.itinerary(m, select_events(m, sel), sel, flags_by_event(run_checks(m)), public)
    return dict(json.loads(text))


def test_utc_instants_and_local_times(small: Mission) -> None:
    flight = doc(small)["events"][0]
    assert (flight["start"], flight["end"]) == ("2027-05-10T06:00:00Z", "2027-05-10T08:40:00Z")
    assert flight["local_start"] == "2027-05-10T07:00:00+01:00"
    assert (flight["zone"], flight["end_zone"]) == ("Europe/Lisbon", "Africa/Casablanca")
    assert flight["from"] == "lis" and flight["to"] == "cmn"
    assert flight["taking_part"] == ["ana", "bruno", "carla"]


def test_extension_data_is_carried(small: Mission) -> None:
    d = doc(small)
    assert d["x-source"] == {"owner": "test"}
    assert d["mission"]["x-budget"] == "1200"
    assert d["people"]["carla"]["x-shirt"] == "M"
    assert next(e for e in d["events"] if e["id"] == "visit")["x-bus"] == "2"


def test_findings_groups_and_b2b(small: Mission) -> None:
    d = doc(small)
    clash = next(e for e in d["events"] if e["id"] == "clash")
    assert clash["findings"][0]["code"] == "MC101"
    assert d["groups"]["team"]["people"] == ["ana", "bruno", "carla"]
    assert d["b2b"]["matchmaking"]["slot"] == "PT25M"
    assert d["b2b"]["matchmaking"]["start"] == "2027-05-11T14:00:00Z"


def test_selection_and_public(small: Mission) -> None:
    d = doc(small, Selection(person="samir"), public=True)
    assert d["selection"] == {"person": "samir"}
    assert [e["id"] for e in d["events"]] == ["round-table", "matchmaking.14:30.2"]
    assert "phone" not in d["people"]["bruno"] and "email" not in d["people"]["bruno"]


def test_deterministic(small: Mission) -> None:
    sel = Selection()
    a = json_.itinerary(small, select_events(small, sel), sel, {}, False)
    assert a == json_.itinerary(small, select_events(small, sel), sel, {}, False)
    assert a.endswith("}\n")


def test_contacts(small: Mission) -> None:
    d = json.loads(json_.contacts(contacts.build(small)))
    assert d["duty_contact"]["name"] == "Ana Silva"
    assert d["emergency"]["numbers"][0] == {"service": "police", "number": "19"}
    assert d["embassies"][0]["id"] == "embassy"


def test_iso_duration() -> None:
    from datetime import timedelta

    assert json_.iso_duration(timedelta(minutes=25)) == "PT25M"
    assert json_.iso_duration(timedelta(hours=1, minutes=30)) == "PT1H30M"
    assert json_.iso_duration(timedelta(days=1, hours=2)) == "P1DT2H"
    assert json_.iso_duration(timedelta(0)) == "PT"


@settings(max_examples=300, deadline=None)
@given(st.datetimes(timezones=st.timezones()))
def test_utc_writes_what_strftime_writes(value: datetime) -> None:
    try:
        instant = value.astimezone(UTC)
    except OverflowError:
        return
    assert json_.utc(value) == instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_whole_missions_members_are_made_once_for_every_persons_file(
        small: Mission, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--per-person --format json` writes the mission's organisations, people, groups and
    venues in every person's file: they are made once per mission (and `public`), not once
    per file, and each file is what a file made alone is."""
    from dataclasses import replace

    from missionctl import render
    from missionctl.views import people
    from missionctl.views.select import Programme, per_person

    made = 0
    members = json_._mission_members

    def counting(mission: Mission, public: bool) -> dict[str, Any]:
        nonlocal made
        made += 1
        return members(mission, public)

    monkeypatch.setattr(json_, "_mission_members", counting)
    people.MEMOS.clear()
    whole = Programme(small, Selection())
    ids = per_person(small, Selection())
    files = {pid: render.render("itinerary", "json",
                                replace(whole, selection=Selection(person=pid)),
                                render.Options()) for pid in ids}
    assert len(files) >= 2
    assert made == 1
    for pid, data in files.items():
        people.MEMOS.clear()
        sel = Selection(person=pid)
        alone = json_.itinerary(small, select_events(small, sel), sel, {}, False)
        assert data == alone.encode("utf-8")
    assert made == 1 + len(files)
