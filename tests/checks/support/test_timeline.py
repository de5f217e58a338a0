"""Per-person timelines shared by the people checks (checks/support/timeline.py)."""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.checks import Context
from missionctl.checks.support.timeline import adjacent, timelines
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
