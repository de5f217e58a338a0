"""The large-neighbourhood search on the breaks (`schedule/lns.py`): it never loses a request
the stages before won, never breaks a rule of the grid, only removes breaks, and gives the
same schedule twice; checked against the rules and the exhaustive search of test_solver."""

from __future__ import annotations

import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from missionctl.schedule import heuristic, lns
from missionctl.schedule.cpmodel import Model
from missionctl.schedule.outcome import measure
from missionctl.schedule.problem import Problem
from schedule.scenario import Scenario
from schedule.test_solver import exhaustive, key, problem_of, random_scenario, valid


def plain(solver: Any, cp: Any) -> Any:
    return solver.solve(cp)


def improve(problem: Problem, placed: Mapping[int, int], work: float = 5.0,
            heard: list[int] | None = None) -> tuple[dict[int, int], int, float]:
    """`lns.improve` after the requests stage: the counts of `placed` are constraints."""
    model = Model(problem)
    got = measure(problem, placed)
    for priority, count in model.counts.items():
        model.cp.add(count >= got[priority])
    news = None if heard is None else (lambda _placed, breaks: heard.append(breaks))
    return lns.improve(model, dict(placed), got["breaks"], work, plain, lambda: 60.0, news)


def test_a_break_is_removed_and_no_request_lost(tmp_path: Path) -> None:
    # a meets b at 14:00 and c at 15:00 (slots 0 and 2): one break; b and c are free all
    # afternoon, so c can come at 14:30.
    s = Scenario(["a", "b", "c"], [("a", "b", "high"), ("a", "c", "low")])
    problem = problem_of(tmp_path, s)
    start = {0: 0, 1: 2}
    assert valid(problem, start) and measure(problem, start)["breaks"] == 1
    heard: list[int] = []
    placed, value, used = improve(problem, start, heard=heard)
    assert valid(problem, placed) and value == 0 == measure(problem, placed)["breaks"]
    assert heard == [0]  # the live display hears of the better schedule
    assert sorted(placed) == [0, 1] and 0 < used <= 5.0


@pytest.mark.parametrize("seed", range(8))
def test_never_worse_never_invalid_same_twice(tmp_path: Path, seed: int) -> None:
    problem = problem_of(tmp_path, random_scenario(random.Random(seed)))
    rng = random.Random(seed)
    # A poor start: the heuristic's meetings, each moved to a random slot where it still fits.
    start = dict(heuristic.plan(problem))
    for index in sorted(start):
        trial = {**start, index: rng.choice(problem.wants[index].slots)}
        if valid(problem, trial):
            start = trial
    placed, value, _used = improve(problem, start)
    again, _v, _u = improve(problem, start)
    assert placed == again
    assert valid(problem, placed) and value == measure(problem, placed)["breaks"]
    before, after = measure(problem, start), measure(problem, placed)
    assert all(after[p] >= before[p] for p in ("high", "normal", "low"))
    assert after["breaks"] <= before["breaks"]
    # Never better than the true optimum on breaks given those requests met.
    best = exhaustive(problem)
    assert key(problem, placed)[:4] >= best[:4]
