"""Who is free when: each hard rule with a case that would break it, and an oracle.

The oracle is `check` itself: on random programmes, a meeting is put in each slot for each
organisation (with a partner who is always free), and the checks must report an MC101, MC102
or MC103 about that meeting exactly when the availability says the organisation is busy.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from missionctl.checks.support.travel import TravelModel
from missionctl.linter import lint_file
from missionctl.loader import load
from missionctl.model import Mission
from missionctl.schedule.availability import Free, organisations_free, timelines_for
from missionctl.schedule.grid import grid
from schedule.scenario import Scenario

VENUES = """\
near: {name: Near office, city: Casablanca, geo: [33.5790, -7.6330]}
far: {name: Far plant, city: Nouaceur, geo: [33.3670, -7.5850]}
cityonly: {name: Office without geo, city: Casablanca}
elsewhere: {name: Unknown place}
"""


def free_of(mission: Mission) -> Free:
    session = mission.b2b["fair"]
    lines = timelines_for(mission, lambda e: e.b2b == "fair")
    people: dict[str, list[str]] = {}
    for pid in sorted(mission.expand(session.participants)):
        org = mission.people[pid].organisation
        assert org is not None
        people.setdefault(org, []).append(pid)
    return organisations_free(mission, session.venue, grid(session),
                              {o: tuple(p) for o, p in people.items()}, lines,
                              TravelModel(mission))


def mission_of(tmp_path: Path, scenario: Scenario) -> Mission:
    loaded = load(scenario.write(tmp_path))
    assert loaded.mission is not None
    return loaded.mission


def busy(tmp_path: Path, events: str, person_fields: dict[str, str] | None = None,
         extra_people: dict[str, list[str]] | None = None) -> list[bool]:
    """For organisation `a`: per slot (14:00, 14:30, 15:00, 15:30), whether it is busy."""
    s = Scenario(["a", "b"], events=events, venues=VENUES, person_fields=person_fields or {},
                 people=extra_people or {})
    free = free_of(mission_of(tmp_path, s))
    return [not f for f in free.free["a"]]


def test_an_overlapping_event_blocks_mc101(tmp_path: Path) -> None:
    events = """\
    visit: {kind: visit, title: Visit, venue: hotel, start: 2027-05-11 14:20, end: "14:40",
            attendees: [a-p]}
    """
    assert busy(tmp_path, events) == [True, True, False, False]


@pytest.mark.parametrize(("status", "kind", "blocks"), [
    ("tentative", "visit", True), ("cancelled", "visit", False), ("confirmed", "stay", False),
    ("confirmed", "free", False)])
def test_which_events_block(tmp_path: Path, status: str, kind: str, blocks: bool) -> None:
    events = f"""\
    e: {{kind: {kind}, title: E, venue: hotel, start: 2027-05-11 14:00, end: "15:00",
         status: {status}, attendees: [a-p]}}
    """
    assert busy(tmp_path, events) == [blocks, blocks, False, False]


def test_one_busy_person_blocks_the_organisation(tmp_path: Path) -> None:
    events = """\
    call: {kind: meeting, title: Call, venue: hotel, start: 2027-05-11 15:00, end: "15:25",
           attendees: [a-q]}
    """
    assert busy(tmp_path, events, extra_people={"a": ["a-q"]}) == [False, False, True, False]


def test_transfers_before_and_after_mc102(tmp_path: Path) -> None:
    # Far plant: ~27 km straight, 1.3 road factor, 80 km/h: 26 min + 15 min buffer = 41 min.
    events = """\
    before: {kind: visit, title: Plant visit, venue: far, start: 2027-05-11 12:00, end: "14:10",
             attendees: [a-p]}
    after: {kind: visit, title: Late visit, venue: far, start: 2027-05-11 16:20, end: "17:00",
            attendees: [a-p]}
    """
    # 14:00 overlaps; 14:30 leaves 20 min (< 41); 15:00 leaves 50 min; 15:30 ends 15:55, only
    # 25 min before the late visit.
    assert busy(tmp_path, events) == [True, True, False, True]


def test_a_measured_travel_time_wins(tmp_path: Path) -> None:
    events = """\
    before: {kind: visit, title: Plant visit, venue: far, start: 2027-05-11 12:00, end: "14:10",
             attendees: [a-p]}
    """
    s = Scenario(["a", "b"], events=events, venues=VENUES)
    text = s.text() + "travel_times:\n  - {from: far, to: hotel, duration: 5m}\n"
    path = tmp_path / "mission.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    assert loaded.mission is not None
    assert [not f for f in free_of(loaded.mission).free["a"]] == [True, False, False, False]


def test_same_city_without_geo_and_unknown_places(tmp_path: Path) -> None:
    events = """\
    one: {kind: meeting, title: One, venue: cityonly, start: 2027-05-11 13:00, end: "14:20",
          attendees: [a-p]}
    two: {kind: meeting, title: Two, venue: elsewhere, start: 2027-05-11 15:00, end: "15:25",
          attendees: [a-p]}
    """
    # same city, no geo: 30 min + 15 min buffer from 14:20; nothing known about "elsewhere".
    assert busy(tmp_path, events) == [True, True, True, False]


def test_a_travel_leg_is_judged_from_its_ends(tmp_path: Path) -> None:
    events = """\
    coach: {kind: travel, title: Coach, from: far, to: hotel, start: 2027-05-11 13:20,
            end: "14:25", attendees: [a-p]}
    """
    # The leg brings them to the hotel: no transfer after it, only the overlap.
    assert busy(tmp_path, events) == [True, False, False, False]


def test_arrival_and_departure_mc103(tmp_path: Path) -> None:
    fields = {"a-p": ", arrival: 2027-05-11 14:45, departure: 2027-05-11 15:50"}
    assert busy(tmp_path, "", person_fields=fields) == [True, True, False, True]


# --- the oracle: check itself ------------------------------------------------------------

KINDS = ("visit", "meeting", "meal", "travel", "stay", "free", "briefing")
PLACES = ("hotel", "near", "far", "cityonly", "elsewhere")


def random_programme(rng: random.Random, people: list[str]) -> tuple[str, dict[str, str]]:
    """Events that never overlap for one person (so the checks' pairs are unambiguous)."""
    lines, fields = [], {}
    n = 0
    for pid in people:
        t = 12 * 60 + rng.randrange(0, 150, 5)
        for _ in range(rng.randint(0, 3)):
            start, end = t, t + rng.randrange(10, 60, 5)
            kind, place = rng.choice(KINDS), rng.choice(PLACES)
            where = (f"from: {place}, to: {rng.choice(PLACES)}" if kind == "travel"
                     else f"venue: {place}")
            status = rng.choice(("confirmed", "tentative", "cancelled", "confirmed"))
            lines.append(f"e{n}: {{kind: {kind}, title: E{n}, {where}, start: 2027-05-11 "
                         f"{start // 60:02d}:{start % 60:02d}, end: \"{end // 60:02d}:"
                         f"{end % 60:02d}\", status: {status}, attendees: [{pid}]}}\n")
            n += 1
            t = end + rng.randrange(0, 70, 5)
        roll = rng.random()
        if roll < 0.15:
            fields[pid] = f", arrival: 2027-05-11 {rng.choice(('13:50', '14:40', '15:10'))}"
        elif roll < 0.3:
            fields[pid] = f", departure: 2027-05-11 {rng.choice(('14:50', '15:40', '16:30'))}"
    return "".join(lines), fields


def with_meeting_findings(folder: Path, mission: Path, org: str, at: str) -> set[str]:
    """Codes of MC101-MC103 findings about a meeting of `org` with the free partner at `at`."""
    planned = folder / "b2b-meetings.yaml"
    planned.write_text(f'b2b_meetings:\n  fair:\n    - {{at: "{at}", table: 1, '
                       f'between: [{org}, ghost]}}\n', encoding="utf-8")
    report = lint_file(mission)
    return {f.code for f in report.shown if f.code in ("MC101", "MC102", "MC103")
            and any(Path(loc.file).name == planned.name for loc in (f.loc, *f.related))}


@pytest.mark.parametrize("seed", range(10))
def test_availability_agrees_with_check(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    orgs = ["a", "b", "c"]
    people = {o: [f"{o}-q"] for o in orgs if rng.random() < 0.5}
    everyone = [p for o in orgs for p in [f"{o}-p", *people.get(o, [])]]
    events, fields = random_programme(rng, everyone)
    s = Scenario([*orgs, "ghost"], events=events, venues=VENUES, person_fields=fields,
                 people=people, include="b2b-meetings.yaml")
    path = s.write(tmp_path)
    (tmp_path / "b2b-meetings.yaml").write_text("b2b_meetings: {}\n", encoding="utf-8")
    loaded = load(path)
    assert loaded.mission is not None and loaded.findings == ()
    free = free_of(loaded.mission)
    slots = grid(loaded.mission.b2b["fair"])
    for org in orgs:
        for slot in slots:
            found = with_meeting_findings(tmp_path, path, org, slot.at_text)
            assert free.free[org][slot.n] == (not found), (org, slot.at_text, found,
                                                           free.blocks[org][slot.n])
