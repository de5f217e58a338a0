"""Fewer breaks on a large session: our own large-neighbourhood search, deterministic.

Why by hand: determinism asks for one CP-SAT worker, and one worker runs one search, without
the LNS workers of CP-SAT's parallel portfolio. On an 80-organisation, 22-slot forum that one
search did not remove a single break of its first schedule in 20 deterministic seconds, and
CP-SAT's deterministic interleaved portfolio (`interleave_search`, 8 workers) did no better in
10 (both measured on benchmarks/schedule.py's forum-80).

Each round frees the meetings of a few organisations that share requests (one drawn at
random and two of the organisations it has requests with), keeps every other pair where it
is (its Booleans fixed in a copy of the model), and lets CP-SAT minimise the breaks of that
much smaller problem, starting from the current schedule. The stages before (requests met by
priority) are constraints of the model, so a round never trades them away. A round that
finds fewer breaks is kept. The rounds draw from a seeded `random.Random` and each has a
deterministic work limit: the same input gives the same schedule on any machine.

It only improves the schedule; the full model, solved after it from its result, gives the
bound and may prove it optimal.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from ortools.sat.python import cp_model

from missionctl.schedule.cpmodel import Model

#: Organisations freed per round, the deterministic seconds a round may take, and how many
#: rounds in a row may find nothing better before the search gives up. Measured on forum-80
#: (52 breaks to begin with, the same work for each): 3 organisations a round end at 36
#: breaks; 8 at 52 (rounds cut short before they find anything); 2 to 12, growing after each
#: round solved to the end and shrinking after each cut short, at 45.
SIZE, ROUND_WORK, STALL, SEED = 3, 0.5, 60, 1
Solve = Callable[[Any, Any], Any]  # (solver, model) -> status, interruptible (solver.py)


def _neighbourhood(model: Model, rng: random.Random, orgs: list[str],
                   partners: dict[str, list[str]], size: int) -> set[int]:
    """The pairs to free: those of a drawn organisation and of some of its partners."""
    first = rng.choice(orgs)
    others = partners[first]
    chosen = {first, *rng.sample(others, min(size - 1, len(others)))}
    return {w.n for w in model.wants if w.a in chosen or w.b in chosen}


def improve(model: Model, placed: dict[int, int], value: int, work: float, solve: Solve,
            seconds_left: Callable[[], float],
            news: Callable[[dict[int, int], int], None] | None = None
            ) -> tuple[dict[int, int], int, float]:
    """A schedule with at most `value` breaks, from `placed`; and the work used. Stops
    when `work` (deterministic seconds) is spent, or the wall clock's `seconds_left` is.
    `news(placed, breaks)` hears of each better schedule (the live display)."""
    expr, _maximise = model.objective("breaks")
    model.cp.minimize(expr)
    partners: dict[str, set[str]] = {}
    for w in model.wants:
        partners.setdefault(w.a, set()).add(w.b)
        partners.setdefault(w.b, set()).add(w.a)
    orgs = sorted(partners)
    ordered = {o: sorted(ps) for o, ps in partners.items()}
    rng = random.Random(SEED)
    used, stalled = 0.0, 0
    while value > 0 and orgs and work - used > 0.01 and stalled < STALL and \
            seconds_left() > 0.05:
        stalled += 1
        free = _neighbourhood(model, rng, orgs, ordered, SIZE)
        model.hint(placed)
        copy = model.cp.clone()
        for (n, slot), var in model.x.items():
            if n not in free:
                fixed = int(placed.get(n) == slot)
                domain = copy.proto.variables[var.index].domain
                domain[0] = domain[1] = fixed  # a Boolean's domain is [0, 1]
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.num_workers = 1
        params.random_seed = SEED
        params.max_deterministic_time = min(ROUND_WORK, work - used)
        params.max_time_in_seconds = seconds_left()
        params.catch_sigint_signal = False
        status = solve(solver, copy)
        used += solver.deterministic_time
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and \
                round(solver.objective_value) < value:
            placed, value = model.read(solver), round(solver.objective_value)
            stalled = 0
            if news is not None:
                news(placed, value)
    return placed, value, used
