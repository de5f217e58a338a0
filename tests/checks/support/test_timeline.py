"""Per-person timelines shared by the people checks (checks/support/timeline.py)."""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from missionctl.checks import Context
from missionctl.checks.support.timeline import adjacent, shared_lists, timelines
from missionctl.linter import Selection, lint_loaded
from missionctl.loader import load
from missionctl.model import Mission

if TYPE_CHECKING:
    from conftest import Write

BODY = """\
include: [a.yaml]
people:
  ana-silva: {name: Ana Silva}
  rui-costa: {name: Rui Costa}
events:
  visit: {kind: visit, title: Visit, start: 2027-05-11 10:00, end: 12:00, attendees: [ana-silva]}
  night: {kind: stay, title: Hotel, start: 2027-05-11 09:00, end: 11:00, attendees: [ana-silva]}
  gone: {kind: visit, title: Gone, start: 2027-05-11 09:00, end: 11:00, status: cancelled, attendees: [ana-silva]}
  early: {kind: meeting, title: Early, start: 2027-05-11 08:00, end: 09:00, attendees: [ana-silva, rui-costa]}
"""
INCLUDED = """\
events:
  also: {kind: meeting, title: Also at ten, start: 2027-05-11 10:00, end: 10:30, attendees: [ana-silva]}
"""


def mission_and_ctx(write: Write) -> tuple[Mission, Context]:
    write(INCLUDED, name="a.yaml")
    loaded = load(write(BODY, header=True), "m.yaml")
    assert loaded.ok, loaded.findings
    assert loaded.mission is not None
    return loaded.mission, Context(loaded.mission)


def test_sorted_by_start_then_file_order_across_includes(write: Write) -> None:
    _, ctx = mission_and_ctx(write)
    busy = timelines(ctx).busy
    # "a.yaml" sorts before "m.yaml" by name, but it is read after it: `also` is later.
    assert [e.id for e in busy["ana-silva"]] == ["early", "visit", "also"]
    assert [e.id for e in busy["rui-costa"]] == ["early"]


def test_built_once_per_run(write: Write) -> None:
    _, ctx = mission_and_ctx(write)
    assert timelines(ctx) is timelines(ctx)


def test_double_booking_across_an_include_points_into_it(write: Write) -> None:
    write(INCLUDED, name="a.yaml")
    report = lint_loaded(load(write(BODY, header=True), "m.yaml"), Selection(select=("MC101",)))
    assert [(f.loc.file, f.loc.line, f.loc.column) for f in report.shown] == [("a.yaml", 2, 3)]


def test_adjacent_pairs_skip_overlaps_and_follow_the_longest(write: Write) -> None:
    mission, _ = mission_and_ctx(write)
    e = mission.events
    events = [e["early"], e["visit"], e["also"]]
    assert [(a.id, b.id) for a, b in adjacent(events)] == [("early", "visit")]


class WalkedSet(frozenset[str]):
    """A set of people that counts how often it is walked person by person."""

    walks = 0

    def __iter__(self) -> Iterator[str]:
        WalkedSet.walks += 1
        return super().__iter__()


def team_mission(write: Write, events: int) -> Mission:
    people = "".join(f"  p{i}: {{name: P{i}}}\n" for i in range(30))
    rows = "".join(
        f"  e{n}: {{kind: meeting, title: E{n}, start: 2027-05-{11 + n // 60} "
        f"{8 + n % 60 // 6:02d}:{n % 6 * 10:02d}, duration: 5m, attendees: [group:team]}}\n"
        for n in range(events))
    text = (f"people:\n{people}groups:\n  team: {{members: [{', '.join(f'p{i}' for i in range(30))}]}}\n"
            f"events:\n{rows}")
    loaded = load(write(text, header=True), "m.yaml")
    assert loaded.ok, loaded.findings[:3]
    assert loaded.mission is not None
    return loaded.mission


def test_a_team_is_walked_once_not_once_per_event(write: Write) -> None:
    # Work counted: the people of each distinct set are walked once, and each event goes
    # into one list per programme, not one per person. Twice the events, the same walks.
    walked = []
    for events in (60, 120):
        mission = team_mission(write, events)
        taking = {eid: WalkedSet(people) for eid, people in mission.taking_part.items()}
        same = next(iter(taking.values()))
        shared = {eid: same for eid in taking}  # one set object, as a group's events share
        for table in (taking, shared):
            WalkedSet.walks = 0
            ordered = sorted(mission.events.values(), key=lambda e: e.start)
            busy = shared_lists(ordered, table)
            assert len(busy) == 30 and len({id(events) for events in busy.values()}) == 1
            assert [e.id for e in busy["p0"]] == [e.id for e in ordered]
            walked.append(WalkedSet.walks)
    assert walked == [1, 1, 1, 1]


def test_sequential_means_no_overlap_anywhere_in_the_list(write: Write) -> None:
    mission, ctx = mission_and_ctx(write)
    lines = timelines(ctx)
    e = mission.events
    assert lines.sequential([e["early"], e["visit"]])  # 08:00-09:00, then 10:00-12:00
    assert not lines.sequential([e["early"], e["visit"], e["also"]])  # 10:00-10:30 in 10-12
    assert lines.sequential([]) and lines.sequential([e["visit"]])
