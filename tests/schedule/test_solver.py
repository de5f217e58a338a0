"""The solver and the heuristic: the rules of a grid, the objective in its order (checked
against an exhaustive search on small random sessions), and determinism."""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping
from pathlib import Path

import pytest

from missionctl.checks.support.travel import TravelModel
from missionctl.loader import load
from missionctl.schedule import heuristic, solver
from missionctl.schedule.availability import timelines_for
from missionctl.schedule.outcome import measure
from missionctl.schedule.problem import Problem, build
from schedule.scenario import Scenario

ORDER = ("high", "normal", "low")


def problem_of(tmp_path: Path, scenario: Scenario, repair: bool = False) -> Problem:
    loaded = load(scenario.write(tmp_path))
    assert loaded.mission is not None
    mission = loaded.mission
    lines = timelines_for(mission, lambda e: e.b2b == "fair")
    return build(mission, mission.b2b["fair"], lines, TravelModel(mission), own_file=None,
                 previous=(), repair=repair, met_elsewhere={})


def solve(problem: Problem, engine: str = "cp-sat") -> Mapping[int, int]:
    start = heuristic.plan(problem)
    if engine == "heuristic":
        return start
    return solver.solve(problem, start, work=20.0, seconds=120.0).placed


def valid(problem: Problem, placed: Mapping[int, int]) -> bool:
    """Every rule of the grid: a pair where it may meet, one meeting per organisation and
    slot, no more meetings than tables left, max_meetings."""
    per_slot: dict[int, int] = {}
    org_slots: set[tuple[str, int]] = set()
    count: dict[str, int] = {}
    for index, slot in placed.items():
        w = problem.wants[index]
        if slot not in w.slots:
            return False
        per_slot[slot] = per_slot.get(slot, 0) + 1
        for org in (w.a, w.b):
            if (org, slot) in org_slots:
                return False
            org_slots.add((org, slot))
            count[org] = count.get(org, 0) + 1
    if any(n > problem.capacity[s] for s, n in per_slot.items()):
        return False
    return all(left is None or count.get(o, 0) <= left for o, left in problem.left.items())


def key(problem: Problem, placed: Mapping[int, int]) -> tuple[int, ...]:
    """The objective as a tuple to minimise, in its order."""
    m = measure(problem, placed)
    return (-m["high"], -m["normal"], -m["low"], m["breaks"], m["fairness"])


def exhaustive(problem: Problem) -> tuple[int, ...]:
    best: tuple[int, ...] | None = None
    choices = [(None, *w.slots) for w in problem.wants]
    for combo in itertools.product(*choices):
        placed = {i: s for i, s in enumerate(combo) if s is not None}
        if valid(problem, placed):
            k = key(problem, placed)
            best = k if best is None or k < best else best
    assert best is not None
    return best


def random_scenario(rng: random.Random) -> Scenario:
    orgs = ["a", "b", "c", "d", "e"]
    pairs = [p for p in itertools.combinations(orgs, 2)]
    chosen = rng.sample(pairs, rng.randint(3, 6))
    requests = [(a, b, rng.choice(ORDER)) for a, b in chosen]
    events = "".join(
        f"busy-{o}: {{kind: visit, title: Visit, venue: hotel, start: 2027-05-11 "
        f"{rng.choice(('13:00', '14:30', '15:00'))}, duration: {rng.choice((30, 60))}m, "
        f"attendees: [{o}-p]}}\n" for o in orgs if rng.random() < 0.4)
    return Scenario(orgs, requests, tables=rng.choice((1, 2, 3)), events=events,
                    session_extra="    max_meetings: 2\n" if rng.random() < 0.3 else "")


@pytest.mark.parametrize("seed", range(12))
def test_the_solver_finds_the_lexicographic_optimum(tmp_path: Path, seed: int) -> None:
    problem = problem_of(tmp_path, random_scenario(random.Random(seed)))
    start = heuristic.plan(problem)
    outcome = solver.solve(problem, start, work=20.0, seconds=120.0)
    assert valid(problem, outcome.placed) and valid(problem, start)
    assert outcome.proven
    assert key(problem, outcome.placed) == exhaustive(problem)
    assert key(problem, start) >= key(problem, outcome.placed)
    values = {s.name: s.value for s in outcome.stages}
    assert values["breaks"] == measure(problem, outcome.placed)["breaks"]


def test_any_high_request_outweighs_every_normal_one(tmp_path: Path) -> None:
    # `hub` is free at one slot only; two normal requests could use... only one slot anyway:
    # the high one wins, whatever the order of the requests.
    events = """\
    away: {kind: visit, title: Away, venue: hotel, start: 2027-05-11 14:30, end: "16:00",
           attendees: [hub-p]}
    """
    s = Scenario(["hub", "x", "y", "z"], [("x", "hub", "normal"), ("y", "hub", "low"),
                                         ("z", "hub", "high")], events=events)
    problem = problem_of(tmp_path, s)
    for engine in ("cp-sat", "heuristic"):
        placed = solve(problem, engine)
        assert [(problem.wants[i].a, s) for i, s in placed.items()] == [("z", 0)]


def test_one_meeting_per_pair_even_when_both_ask(tmp_path: Path) -> None:
    s = Scenario(["a", "b"], [("a", "b", "low"), ("b", "a", "high")])
    problem = problem_of(tmp_path, s)
    assert len(problem.wants) == 1 and problem.wants[0].priority == "high"
    assert len(solve(problem)) == 1


def test_tables_limit_each_slot(tmp_path: Path) -> None:
    s = Scenario(["a", "b", "c", "d", "e", "f"], [("a", "b", "high"), ("c", "d", "high"),
                                                 ("e", "f", "high")], tables=1, end="15:00")
    problem = problem_of(tmp_path, s)
    placed = solve(problem)
    assert len(placed) == 2 and sorted(placed.values()) == [0, 1]


def test_max_meetings(tmp_path: Path) -> None:
    s = Scenario(["a", "b", "c", "d"], [("a", "b", "high"), ("a", "c", "high"),
                                       ("a", "d", "high")], session_extra="    max_meetings: 2\n")
    problem = problem_of(tmp_path, s)
    for engine in ("cp-sat", "heuristic"):
        assert len(solve(problem, engine)) == 2


def test_meetings_written_by_hand_are_planned_around(tmp_path: Path) -> None:
    s = Scenario(["a", "b", "c"], [("a", "c", "high"), ("b", "c", "high")], tables=2,
                 end="15:00", meetings=[("14:00", 2, "a", "b")])
    problem = problem_of(tmp_path, s)
    assert problem.capacity == [1, 2] and problem.busy["a"] == {0}
    placed = solve(problem)
    # a and b meet at 14:00 by hand: a-c and b-c share c, so one of them is left out.
    assert sorted(placed.values()) == [1]


def test_breaks_are_avoided_where_the_programme_allows(tmp_path: Path) -> None:
    # a meets b and c; with a free 4-slot afternoon the two meetings sit side by side.
    s = Scenario(["a", "b", "c"], [("a", "b", "low"), ("a", "c", "low")])
    problem = problem_of(tmp_path, s)
    placed = solve(problem)
    assert sorted(placed.values())[1] - sorted(placed.values())[0] == 1
    assert measure(problem, placed)["breaks"] == 0


def test_a_visit_between_meetings_is_no_break(tmp_path: Path) -> None:
    events = """\
    visit: {kind: visit, title: Visit, venue: hotel, start: 2027-05-11 14:30, end: "14:55",
            attendees: [a-p]}
    """
    s = Scenario(["a", "b", "c"], [("a", "b", "low"), ("a", "c", "low")], events=events,
                 end="15:30")
    problem = problem_of(tmp_path, s)
    placed = solve(problem)
    assert sorted(placed.values()) == [0, 2]  # 14:00 and 15:00, around the visit
    assert measure(problem, placed)["breaks"] == 0


def test_the_same_problem_gives_the_same_schedule(tmp_path: Path) -> None:
    scenario = random_scenario(random.Random(99))
    first = solve(problem_of(tmp_path / "1", scenario))
    second = solve(problem_of(tmp_path / "2", scenario))
    assert first == second


@pytest.mark.parametrize("seed", range(4))
def test_the_heuristic_keeps_every_rule_check_knows(tmp_path: Path, seed: int) -> None:
    """Larger random sessions, planned by the heuristic alone: `check` finds no MC101, MC102,
    MC103, MC201 or MC204 in the result."""
    from missionctl.schedule.command import run
    from schedule.scenario import hard_findings, planned

    rng = random.Random(seed)
    orgs = [f"o{i}" for i in range(10)]
    pairs = rng.sample(list(itertools.combinations(orgs, 2)), 22)
    # The plant lists rooms, so visits that name none book nothing (no MC201 of our own).
    venues = ("far: {name: Far plant, city: Nouaceur, geo: [33.3670, -7.5850], "
              "rooms: {hall: {name: Hall}}}\n")
    events = "".join(
        f"e{o}: {{kind: visit, title: Visit, venue: {rng.choice(('hotel', 'far'))}, "
        f"start: 2027-05-11 {rng.choice(('13:10', '14:20', '15:05', '16:40'))}, duration: 40m, "
        f"attendees: [{o}-p]}}\n" for o in orgs if rng.random() < 0.5)
    scenario = Scenario(orgs, [(a, b, rng.choice(ORDER)) for a, b in pairs], tables=3,
                        end="17:00", events=events, venues=venues)
    path = scenario.write(tmp_path)
    report = run(path, engine="heuristic")
    assert report.sessions[0].engine == "heuristic" and not report.sessions[0].proven
    assert len(planned(tmp_path / "b2b-meetings.yaml")) > 10
    assert hard_findings(path) == []
