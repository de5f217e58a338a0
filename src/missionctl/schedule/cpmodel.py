"""The CP-SAT model of one session (imported only when OR-Tools is installed).

Variables: `x[w, s]`, pair `w` meets in slot `s`, only for the slots where it may
(`Want.slots`). Tables are not modelled: any free table will do, so they are given out after
the solve (`tables.py`), which removes the tables' symmetry from the search.

Constraints: each pair meets at most once; an organisation meets at most once per slot; a
slot holds at most the tables left in it; `max_meetings` per organisation. And the two implied
constraints that the B2B literature found to matter (Bofill et al., "Constraint Solving
Approaches to the B2B Meeting Scheduling Problem", JAIR 2022): an organisation is "busy" in a
slot (a Boolean tied to its meetings there), at most 2 x tables organisations are busy in a
slot, and an organisation's busy slots number exactly its meetings. They are added before the
breaks stage (`Model.objective`), whose constraints are written on the busy Booleans: there
they matter (18 times less work on a 15-organisation session), while in the requests stage,
which has no use for them, they only cost (4 times more work on a 60-organisation forum).

Objectives (`outcome.py` says what each counts): the met pairs by priority (one weighted sum
whose weights make it lexicographic: `lexicographic_weights`), the breaks,
the most unmet pairs of one organisation, the pairs moved from the previous schedule. Breaks
are counted per organisation over its day (the slots it is free in, in order): with `m[i]`
whether it meets at the i-th of them and `later[i]` whether it meets at the i-th or after, a
break starts at i when `m[i] and not m[i+1] and later[i+1]`. The model states only the lower
bounds (`brk[i] >= m[i] - m[i+1] + later[i+1] - 1`, `later[i] >= m[i]`, `later[i] >=
later[i+1]`): minimising the breaks pushes each to the value it has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ortools.sat.python import cp_model

from missionctl.schedule.outcome import breaks_in, sequences
from missionctl.schedule.problem import PRIORITIES, Problem, Want

Expr = Any  # a cp_model linear expression, or an int


def lexicographic_weights(wants: Iterable[Want]) -> dict[str, int]:
    """Weights under which any one more pair of a priority outweighs every pair of the lower
    priorities together: low 1, normal (low pairs + 1), high (normal pairs x normal + low
    pairs + 1). So maximising the weighted sum is maximising high, then normal, then low."""
    count = {p: 0 for p in PRIORITIES}
    for w in wants:
        count[w.priority] += 1
    low = 1
    normal = count["low"] * low + 1
    high = count["normal"] * normal + count["low"] * low + 1
    return {"high": high, "normal": normal, "low": low}


class Model:
    """The model of `problem`; with `must`, only those pairs, each of them met (the breaks of
    a fixed set of meetings: a quick first bound on the breaks stage)."""

    def __init__(self, problem: Problem, must: Iterable[int] | None = None) -> None:
        self.problem = problem
        self.cp = cp_model.CpModel()
        chosen = set(must) if must is not None else None
        self.wants = [w for w in problem.wants if chosen is None or w.n in chosen]
        self.x: dict[tuple[int, int], Any] = {}
        self.met: dict[int, Expr] = {}
        self.by_org: dict[tuple[str, int], list[Any]] = {}
        self.busy: dict[tuple[str, int], Any] = {}
        self._variables(exact=chosen is not None)
        self._per_slot()
        self._limits()
        self.objectives: dict[str, tuple[Expr, bool]] = {}  # name -> (expression, maximise)
        self._objectives()

    def objective(self, name: str) -> tuple[Expr, bool]:
        """A stage's (expression, maximise). The breaks' (and so the busy Booleans with the
        implied constraints) are made when first asked for: after the requests stage, which
        they slow down fourfold (measured on a 60-organisation forum), and for the breaks,
        which they speed up 18-fold (a 15-organisation session)."""
        if name == "breaks" and name not in self.objectives:
            self._implied()
            self.objectives["breaks"] = (self._breaks(), False)
        return self.objectives[name]

    def names(self) -> list[str]:
        """The stages this model has, in order."""
        return [n for n in ("requests", "breaks", "fairness", "moves", "early")
                if n in self.objectives or n == "breaks"]

    # -- constraints -------------------------------------------------------------------------
    def _variables(self, exact: bool) -> None:
        for w in self.wants:
            vs = [self.cp.new_bool_var(f"x{w.n}_{s}") for s in w.slots]
            for s, var in zip(w.slots, vs, strict=True):
                self.x[w.n, s] = var
            if exact:
                self.cp.add_exactly_one(vs)
            elif len(vs) > 1:
                self.cp.add_at_most_one(vs)
            self.met[w.n] = sum(vs) if vs else 0
        chosen_wants = {w.n: w for w in self.wants}
        for (n, s), var in self.x.items():
            for org in (chosen_wants[n].a, chosen_wants[n].b):
                self.by_org.setdefault((org, s), []).append(var)

    def _per_slot(self) -> None:
        by_slot: dict[int, list[Any]] = {}
        for (_w, s), var in self.x.items():
            by_slot.setdefault(s, []).append(var)
        for vs in self.by_org.values():
            if len(vs) > 1:
                self.cp.add_at_most_one(vs)
        for s, vs in by_slot.items():
            if len(vs) > self.problem.capacity[s]:
                self.cp.add(sum(vs) <= self.problem.capacity[s])

    def _implied(self) -> None:
        """Busy organisations per slot <= 2 x tables; busy slots = meetings (docstring)."""
        for key, vs in self.by_org.items():
            busy = self.cp.new_bool_var(f"busy_{key[0]}_{key[1]}")
            self.cp.add(busy == sum(vs))
            self.busy[key] = busy
        per_slot: dict[int, list[Any]] = {}
        per_org: dict[str, list[Any]] = {}
        for (org, s), busy in self.busy.items():
            per_slot.setdefault(s, []).append(busy)
            per_org.setdefault(org, []).append(busy)
        for s, bs in per_slot.items():
            if len(bs) > 2 * self.problem.capacity[s]:
                self.cp.add(sum(bs) <= 2 * self.problem.capacity[s])
        meetings = self.meetings_of()
        for org, bs in per_org.items():
            self.cp.add(sum(bs) == meetings[org])

    def meetings_of(self) -> dict[str, Expr]:
        """Organisation -> the number of pairs placed that it is part of."""
        out: dict[str, list[Expr]] = {}
        for w in self.wants:
            for org in (w.a, w.b):
                out.setdefault(org, []).append(self.met[w.n])
        return {o: sum(es) for o, es in out.items()}

    def _limits(self) -> None:
        meetings = self.meetings_of()
        for org, left in self.problem.left.items():
            if left is not None and org in meetings:
                self.cp.add(meetings[org] <= left)

    # -- objectives --------------------------------------------------------------------------
    def _objectives(self) -> None:
        self.counts: dict[str, Expr] = {}  # priority -> pairs of that priority met
        for priority in PRIORITIES:
            terms = [self.met[w.n] for w in self.wants if w.priority == priority]
            if terms:
                self.counts[priority] = sum(terms)
        if self.counts:
            self.weights = lexicographic_weights(self.wants)
            self.objectives["requests"] = (
                sum(self.weights[p] * c for p, c in self.counts.items()), True)
        unmet: dict[str, list[Expr]] = {}
        for w in self.wants:
            for org in (w.a, w.b):
                unmet.setdefault(org, []).append(1 - self.met[w.n])
        if unmet:
            worst = self.cp.new_int_var(0, max(len(u) for u in unmet.values()), "worst")
            for terms in unmet.values():
                self.cp.add(worst >= sum(terms))
            self.objectives["fairness"] = (worst, False)
        moved = self._moves()
        if moved is not None:
            self.objectives["moves"] = (moved, False)
        if self.x:  # the tie-break: meetings as early as they can be
            self.objectives["early"] = (sum(s * var for (_w, s), var in self.x.items()), False)

    def meets(self, org: str, slot: int) -> Expr:
        if slot in self.problem.busy.get(org, ()):
            return 1
        return self.busy.get((org, slot), 0)

    def _breaks(self) -> Expr:
        total: list[Expr] = []
        constant = 0
        for org, day in sequences(self.problem).items():
            seq = [self.meets(org, s) for s in day]
            if all(isinstance(m, int) for m in seq):
                constant += breaks_in(day, self.problem.busy.get(org, set()))
                continue
            total.extend(self._org_breaks(org, seq))
        return sum(total) + constant

    def _org_breaks(self, org: str, seq: list[Expr]) -> list[Any]:
        n = len(seq)
        later: list[Expr] = [0] * n
        later[n - 1] = seq[n - 1]
        for i in range(n - 2, -1, -1):
            var = self.cp.new_bool_var(f"later_{org}_{i}")
            self.cp.add(var >= seq[i])
            self.cp.add(var >= later[i + 1])
            later[i] = var
        out = []
        for i in range(n - 1):
            if isinstance(seq[i], int) and seq[i] == 0:
                continue  # no meeting here: no break starts here
            var = self.cp.new_bool_var(f"brk_{org}_{i}")
            self.cp.add(var >= seq[i] - seq[i + 1] + later[i + 1] - 1)
            out.append(var)
        return out

    def _moves(self) -> Expr | None:
        terms: list[Expr] = []
        for w in self.wants:
            before = self.problem.previous.get(frozenset((w.a, w.b)))
            if before is None:
                continue
            var = self.x.get((w.n, before[0]))
            terms.append(1 if var is None else 1 - var)
        return sum(terms) if terms else None

    # -- solutions ---------------------------------------------------------------------------
    def hint(self, placed: Mapping[int, int]) -> None:
        self.cp.clear_hints()
        for (w, s), var in self.x.items():
            self.cp.add_hint(var, placed.get(w) == s)

    def read(self, solver: Any) -> dict[int, int]:
        """The placement in the solver's last solution."""
        return {w: s for (w, s), var in self.x.items() if solver.boolean_value(var)}
