"""What a solver gives back, and the measures of a schedule both solvers and the report share.

The objective, in strict order (issue 11; docs/b2b.md, "The objective"):

1. requests met, by priority: high, then normal, then low (three stages, each a count);
2. fewest breaks: a break is a run of idle slots between an organisation's first and last
   meeting; the slots its own programme blocks are left out of its day (they neither make a
   break nor end one), so a visit between two meetings is no break;
3. fairness: the organisation with the most unmet requests has as few as possible;
4. stability (`--repair`, with a previous schedule): fewest meetings moved from where our
   previous run placed them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from missionctl.schedule.problem import Problem

#: The stages in their order, with what each counts.
STAGES = {
    "high": "high-priority requests met",
    "normal": "normal-priority requests met",
    "low": "low-priority requests met",
    "breaks": "breaks",
    "fairness": "most unmet requests of one organisation",
    "moves": "meetings moved",
}


class Stage(NamedTuple):
    """One stage's result: its value, the solver's bound on it, whether it is proven optimal
    (given the stages before it)."""

    name: str
    value: int
    bound: int
    proven: bool
    work: float = 0.0  # the solver's deterministic seconds spent on it


class Outcome(NamedTuple):
    """`placed`: want index -> slot index. `engine`: "cp-sat" or "heuristic". `stopped`:
    "wall" when the wall-clock limit ended a stage (a rerun may then differ), "work" when the
    deterministic work limit did, None when every stage finished."""

    placed: Mapping[int, int]
    stages: tuple[Stage, ...]
    engine: str
    stopped: str | None = None

    @property
    def proven(self) -> bool:
        return self.engine == "cp-sat" and all(s.proven for s in self.stages)


class Progress(NamedTuple):
    """A solver's news for a live display: the stage, the best schedule so far (requests met
    and breaks, when known) and the solver's bound on the stage's value."""

    stage: str
    met: int
    breaks: int | None
    value: int
    bound: int | None
    seconds: float


ProgressHook = Callable[[Progress], None]


def sequences(problem: Problem) -> dict[str, list[int]]:
    """Each organisation's day: the slots it is free in (its own programme's slots left out)."""
    return {o: [i for i, ok in enumerate(free) if ok] for o, free in problem.free.free.items()}


def busy_slots(problem: Problem, placed: Mapping[int, int]) -> dict[str, set[int]]:
    """Organisation -> the slots it meets in: meetings that stay and meetings placed."""
    busy = {o: set(s) for o, s in problem.busy.items()}
    for index, slot in placed.items():
        want = problem.wants[index]
        busy.setdefault(want.a, set()).add(slot)
        busy.setdefault(want.b, set()).add(slot)
    return busy


def breaks_in(day: list[int], meets: set[int]) -> int:
    """The breaks of one organisation: idle runs between its first and last meeting."""
    flags = [i in meets for i in day]
    if True not in flags:
        return 0
    first, last = flags.index(True), len(flags) - 1 - flags[::-1].index(True)
    inner = flags[first:last + 1]
    return sum(1 for i in range(1, len(inner)) if not inner[i] and inner[i - 1])


def breaks(problem: Problem, placed: Mapping[int, int]) -> dict[str, int]:
    busy = busy_slots(problem, placed)
    return {o: breaks_in(day, busy.get(o, set())) for o, day in sequences(problem).items()}


def unmet_by_org(problem: Problem, placed: Mapping[int, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for want in problem.wants:
        if want.n not in placed:
            for org in (want.a, want.b):
                out[org] = out.get(org, 0) + 1
    return out


def moves(problem: Problem, placed: Mapping[int, int]) -> int:
    """Meetings of our previous run not at their slot any more (moved or dropped)."""
    slot_of = {frozenset((w.a, w.b)): placed.get(w.n) for w in problem.wants}
    return sum(1 for pair, (slot, _table) in problem.previous.items()
               if pair in slot_of and slot_of[pair] != slot)


def measure(problem: Problem, placed: Mapping[int, int]) -> dict[str, int]:
    """Every stage's value for a schedule (the heuristic reports these; tests compare)."""
    met = {p: 0 for p in ("high", "normal", "low")}
    for index in placed:
        met[problem.wants[index].priority] += 1
    unmet = unmet_by_org(problem, placed)
    return {**met, "breaks": sum(breaks(problem, placed).values()),
            "fairness": max(unmet.values(), default=0), "moves": moves(problem, placed),
            "early": sum(placed.values())}


class Interrupted(Exception):
    """Ctrl-C during a solve. `progress`: the last news the solver gave, if any. Here, not in
    `solver.py`, so that the command can catch it without importing OR-Tools (the heuristic
    runs without it)."""

    def __init__(self, progress: Progress | None) -> None:
        super().__init__("interrupted")
        self.progress = progress
