"""The built-in planner, when OR-Tools is not installed (and the solver's first hint).

It keeps every hard rule the solver keeps (a pair meets where `Want.slots` allows, one
meeting per organisation and slot, no more meetings than tables, `max_meetings`), so its
schedule is as conflict-free as the solver's; it only cannot prove how good it is.

1. Greedy: pairs in priority order, the most constrained first (fewest slots left), each in
   the slot that adds the fewest breaks to its two organisations (the earliest on a tie).
2. Make room: each pair left out tries each of its slots again, moving the one or two
   meetings in its way to another slot where they fit.
3. Fewer breaks: each meeting moves to the slot where its organisations' breaks are fewest,
   and two meetings of one organisation trade slots when their partners have fewer breaks
   so, until no move helps (a bounded number of rounds); then a fixed number of "kicks"
   (iterated local search: an organisation with breaks has its meetings placed anew).

Everything is in a fixed order (priority, then the pair's order in the requests), so the
result is the same on every run.
"""

from __future__ import annotations

from collections.abc import Mapping

from missionctl.schedule.outcome import Outcome, Stage, breaks_in, measure, sequences
from missionctl.schedule.problem import PRIORITIES, Problem, Want

ROUNDS = 5
KICKS = 40
SEED = 1


class State:
    """A schedule being built: where each pair meets and what that takes."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.placed: dict[int, int] = {}
        self.meets = {o: set(s) for o, s in problem.busy.items()}
        self.at: list[set[int]] = [set() for _ in problem.slots]  # slot -> wants placed
        self.count = {o: 0 for o in problem.left}
        self.days = sequences(problem)

    def room(self, org: str) -> bool:
        left = self.problem.left.get(org)
        return left is None or self.count[org] < left

    def fits(self, w: Want, s: int) -> bool:
        if len(self.at[s]) >= self.problem.capacity[s]:
            return False
        if s in self.meets[w.a] or s in self.meets[w.b]:
            return False
        return self.room(w.a) and self.room(w.b)

    def cost(self, w: Want, s: int) -> int:
        """Breaks the two organisations gain (or lose, negative) with `w` in slot `s`."""
        total = 0
        for org in (w.a, w.b):
            day, meets = self.days[org], self.meets[org]
            total += breaks_in(day, meets | {s}) - breaks_in(day, meets)
        return total

    def breaks(self, org: str) -> int:
        return breaks_in(self.days[org], self.meets[org])

    def place(self, w: Want, s: int) -> None:
        self.placed[w.n] = s
        self.at[s].add(w.n)
        for org in (w.a, w.b):
            self.meets[org].add(s)
            self.count[org] += 1

    def remove(self, w: Want) -> int:
        s = self.placed.pop(w.n)
        self.at[s].discard(w.n)
        for org in (w.a, w.b):
            self.meets[org].discard(s)
            self.count[org] -= 1
        return s

    def best_slot(self, w: Want, avoid: int = -1) -> int | None:
        options = [s for s in w.slots if s != avoid and self.fits(w, s)]
        return min(options, key=lambda s: (self.cost(w, s), s)) if options else None

    def in_way(self, w: Want, s: int) -> list[Want] | None:
        """The meetings to move for `w` to fit in slot `s` (None: more than two)."""
        wants = self.problem.wants
        found = [wants[i] for i in sorted(self.at[s]) if {wants[i].a, wants[i].b} & {w.a, w.b}]
        if not found and len(self.at[s]) >= self.problem.capacity[s]:
            found = [wants[min(self.at[s])]] if self.at[s] else []
        return found if len(found) <= 2 else None


def plan(problem: Problem) -> dict[int, int]:
    """A conflict-free schedule (want index -> slot)."""
    state = State(problem)
    rank = {p: i for i, p in enumerate(PRIORITIES)}
    order = sorted(problem.wants, key=lambda w: (rank[w.priority], len(w.slots), w.n))
    for w in order:
        slot = state.best_slot(w)
        if slot is not None:
            state.place(w, slot)
    for w in order:
        if w.n not in state.placed:
            _make_room(state, w)
    _fewer_breaks(state)
    _kicks(state)
    return dict(state.placed)


def _make_room(state: State, w: Want) -> None:
    """Place `w` by moving the meetings in its way to other slots, if they fit there."""
    if not (state.room(w.a) and state.room(w.b)):
        return
    for s in w.slots:
        in_way = state.in_way(w, s)
        if in_way is None:
            continue
        saved = [(other, state.remove(other)) for other in in_way]
        if state.fits(w, s):
            state.place(w, s)
            rehomed: list[Want] = []
            for other in in_way:
                home = state.best_slot(other, avoid=s)
                if home is None:
                    break
                state.place(other, home)
                rehomed.append(other)
            else:
                return
            for other in rehomed:
                state.remove(other)
            state.remove(w)
        for other, old in saved:
            state.place(other, old)


def _kicks(state: State) -> None:
    """Iterated local search: take out every meeting of an organisation that has breaks, put
    them back one by one where they cost least, improve; keep the result unless the breaks
    grew. A fixed number of kicks, chosen by a seeded generator: the same every run."""
    import random

    rng = random.Random(SEED)
    wants = state.problem.wants
    total = sum(state.breaks(o) for o in state.days)
    for _ in range(KICKS):
        bad = sorted(o for o in state.days if state.breaks(o) > 0)
        if not bad:
            return
        org = rng.choice(bad)
        saved = dict(state.placed)
        mine = [wants[i] for i in sorted(state.placed) if org in (wants[i].a, wants[i].b)]
        for w in mine:
            state.remove(w)
        if all(_put(state, w) for w in sorted(mine, key=lambda w: (len(w.slots), w.n))):
            _fewer_breaks(state)
            now = sum(state.breaks(o) for o in state.days)
            if now <= total:
                total = now
                continue
        for i in list(state.placed):
            state.remove(wants[i])
        for i, slot in saved.items():
            state.place(wants[i], slot)


def _put(state: State, w: Want) -> bool:
    slot = state.best_slot(w)
    if slot is None:
        return False
    state.place(w, slot)
    return True


def _fewer_breaks(state: State) -> None:
    for _ in range(ROUNDS):
        moved = _moves(state)
        swapped = _swaps(state)
        if not (moved or swapped):
            return


def _moves(state: State) -> bool:
    """Each meeting to the slot where its two organisations have the fewest breaks."""
    better = False
    for index in sorted(state.placed):
        w = state.problem.wants[index]
        old = state.remove(w)
        here = state.cost(w, old)
        slot = state.best_slot(w)
        if slot is not None and state.cost(w, slot) < here:
            state.place(w, slot)
            better = True
        else:
            state.place(w, old)
    return better


def _swaps(state: State) -> bool:
    """Two meetings of one organisation trade slots when their partners gain by it (the
    organisation's own day does not change, nor any slot's count of tables)."""
    wants = state.problem.wants
    better = False
    for org in sorted(state.meets):
        mine = sorted(i for i in state.placed if org in (wants[i].a, wants[i].b))
        for k, i in enumerate(mine):
            for j in mine[k + 1:]:
                better = _swap(state, org, wants[i], wants[j]) or better
    return better


def _swap(state: State, org: str, w1: Want, w2: Want) -> bool:
    s1, s2 = state.placed[w1.n], state.placed[w2.n]
    p, q = (w1.b if w1.a == org else w1.a), (w2.b if w2.a == org else w2.a)
    if s2 not in w1.slots or s1 not in w2.slots or s2 in state.meets[p] or s1 in state.meets[q]:
        return False
    before = state.breaks(p) + state.breaks(q)
    state.remove(w1)
    state.remove(w2)
    state.place(w1, s2)
    state.place(w2, s1)
    if state.breaks(p) + state.breaks(q) < before:
        return True
    state.remove(w1)
    state.remove(w2)
    state.place(w1, s1)
    state.place(w2, s2)
    return False


def solve(problem: Problem) -> Outcome:
    """The heuristic's schedule, with each stage's value against the plain bound (every pair
    that has a slot met, no break, nothing unmet, nothing moved)."""
    placed = plan(problem)
    return Outcome(placed, stages(problem, placed), "heuristic")


def stages(problem: Problem, placed: Mapping[int, int]) -> tuple[Stage, ...]:
    values = measure(problem, placed)
    out = []
    for name in ("high", "normal", "low"):
        reachable = sum(1 for w in problem.wants if w.priority == name and w.slots)
        if any(w.priority == name for w in problem.wants):
            out.append(Stage(name, values[name], reachable, values[name] == reachable))
    out.append(Stage("breaks", values["breaks"], 0, values["breaks"] == 0))
    if problem.wants:
        out.append(Stage("fairness", values["fairness"], 0, values["fairness"] == 0))
    if problem.previous:
        out.append(Stage("moves", values["moves"], 0, values["moves"] == 0))
    return tuple(out)
