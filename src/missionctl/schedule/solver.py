"""OR-Tools CP-SAT, stage by stage: each stage's optimum becomes a constraint of the next.

**Lexicographic, in stages.** The objective's parts are solved in order: requests, breaks,
fairness, moves (then a tie-break: among the schedules equal on all four, the meetings as
early as they can be, so that nobody waits for the first one). When a stage ends, its value
is fixed as a constraint (at least that many requests of each priority met, at most that
many breaks...) and the schedule found is the hint of the next stage, so a stage never
loses what an earlier one won. Staging rather than one weighted sum of everything: each
stage reports its own value and bound, in the units a person reads (requests, breaks), and
no weight spans units. Within the requests stage, the
three priorities are one sum with weights that provably make it lexicographic
(`cpmodel.lexicographic_weights`): one solve instead of three, 2.9 instead of 7.4
deterministic seconds on a 60-organisation forum, reported as three stages (high, normal,
low).

**Breaks** are the hard stage. It starts with a quick bound: the breaks of the pairs met in
stage 1, kept as they are, each placed anew (`cpmodel.Model(must=...)`, a much smaller
problem). When that finds no break, no schedule can do better and the stage is proven; else
the full model goes on from that schedule.

**Deterministic.** One worker, a fixed seed, and a deterministic work limit
(`max_deterministic_time`, in the solver's deterministic seconds, roughly seconds of one
core) for each stage: the same input gives the same schedule whatever the machine's load.
The work is shared between the stages that remain, by weight; what a stage leaves goes to the
next. The wall-clock limit (`--time-limit`) is a safety net: when it ends a stage first, the
outcome says so (`stopped="wall"`), since a rerun may then differ.

**Ctrl-C.** Each solve runs in a thread while the calling thread waits, so that Python sees
the interrupt at once: the search is stopped and `Interrupted` is raised with the best found
so far. CP-SAT's own SIGINT handling is off (`catch_sigint_signal`).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Mapping
from typing import Any

from ortools.sat.python import cp_model

from missionctl.schedule import lns
from missionctl.schedule.cpmodel import Model
from missionctl.schedule.outcome import (
    Interrupted,
    Outcome,
    Progress,
    ProgressHook,
    Stage,
    measure,
)
from missionctl.schedule.problem import Problem

#: The share of the work each stage gets, by weight, of what remains.
WEIGHTS = {"requests": 3.0, "breaks": 3.0, "fairness": 1.0, "moves": 1.0, "early": 0.5}
#: The tie-break gets at most this share of the work the objective's stages took (at least
#: EARLY_MIN): it improves a schedule already optimal on every part, and without a cap it
#: took 3.6 of the 3.8 deterministic seconds of a 15-organisation session.
EARLY_SHARE, EARLY_MIN = 0.5, 0.2
SEED = 1




class Budget:
    """Deterministic work left, and the wall-clock deadline."""

    def __init__(self, work: float, seconds: float) -> None:
        self.work = work
        self.start = time.monotonic()
        self.deadline = self.start + seconds

    def share(self, weight: float, weights_left: float) -> float:
        return max(0.01, self.work * weight / weights_left)

    def seconds_left(self) -> float:
        return max(0.01, self.deadline - time.monotonic())


def solve(problem: Problem, start: Mapping[int, int], *, work: float, seconds: float,
          progress: ProgressHook | None = None) -> Outcome:
    """The schedule, from `start` (the heuristic's: a first hint). `work`: deterministic
    seconds for all stages together; `seconds`: the wall-clock limit."""
    model = Model(problem)
    budget = Budget(work, seconds)
    names = [n for n in model.names() if _matters(n, problem)]
    placed = dict(start)
    stages: list[Stage] = []
    stopped: str | None = None
    for i, name in enumerate(names):
        weights_left = sum(WEIGHTS[n] for n in names[i:])
        share = budget.share(WEIGHTS[name], weights_left)
        if name == "early":
            share = min(share, max(EARLY_MIN, EARLY_SHARE * sum(st.work for st in stages)))
        runner = _Runner(model, name, budget, progress, problem)
        if name == "breaks":
            placed = _fewest_breaks(problem, model, placed, start)
            stage, placed, why = _breaks(problem, model, placed, share, runner)
        else:
            stage, placed, why = runner.run(placed, share)
        if name == "early":  # a tie-break, not a part of the objective: nothing to prove
            break
        stopped = stopped or why
        if name == "requests":
            found = _by_priority(model, stage, placed)
            stages.extend(found)
            for st in found:  # counts, not the weighted sum: they propagate better
                model.cp.add(model.counts[st.name] >= st.value)
            continue
        stages.append(stage)
        expr, maximise = model.objective(name)
        model.cp.add(expr >= stage.value if maximise else expr <= stage.value)
    return Outcome(placed, tuple(stages), "cp-sat", stopped)


def _by_priority(model: Model, stage: Stage, placed: Mapping[int, int]) -> list[Stage]:
    """The requests stage as one stage per priority: the pairs met, and the bound on them
    given the higher priorities met (read off the weighted bound)."""
    met = {p: 0 for p in model.counts}
    for index in placed:
        met[model.problem.wants[index].priority] += 1
    out: list[Stage] = []
    room = stage.bound
    for priority in ("high", "normal", "low"):
        if priority not in model.counts:
            continue
        weight = model.weights[priority]
        bound = met[priority] if stage.proven else max(met[priority], room // weight)
        room -= weight * met[priority]
        work = stage.work if not out else 0.0
        out.append(Stage(priority, met[priority], bound, stage.proven, work))
    return out


def _fewest_breaks(problem: Problem, model: Model, placed: dict[int, int],
                   start: Mapping[int, int]) -> dict[int, int]:
    """The breaks stage starts from the heuristic's schedule when it meets as many requests of
    each priority as the requests stage did: its breaks are usually far fewer (it minimises
    them; the requests stage does not look at them)."""
    if not model.counts:
        return placed
    got, mine = measure(problem, placed), measure(problem, start)
    if all(mine[p] >= got[p] for p in model.counts) and mine["breaks"] < got["breaks"]:
        return dict(start)
    return placed


def _matters(name: str, problem: Problem) -> bool:
    if name == "early":
        return len(problem.wants) > 0
    if name == "moves":
        return bool(problem.previous)
    return bool(problem.wants) or name == "breaks"


def _breaks(problem: Problem, model: Model, placed: dict[int, int], share: float,
            runner: _Runner) -> tuple[Stage, dict[int, int], str | None]:
    """The breaks stage: first the met pairs alone (a quick bound), then our large-
    neighbourhood search (`lns.py`), then the whole model from its schedule (the bound)."""
    fixed = Model(problem, must=placed)
    quick = _Runner(fixed, "breaks", runner.budget, runner.progress, problem)
    stage, found, _why = quick.run(placed, share / 6)
    if stage.value == 0:  # no schedule has fewer than none
        return Stage("breaks", 0, 0, True, stage.work), found, None
    found, _value, searched = lns.improve(model, found, stage.value, share / 2, runner.solve,
                                         runner.budget.seconds_left, runner.news)
    runner.budget.work = max(0.0, runner.budget.work - searched)
    best, after, why2 = runner.run(found, max(0.01, share - quick.used - searched))
    return best._replace(work=round(best.work + stage.work + searched, 2)), after, why2


class _Runner:
    """One stage's solve: parameters, the thread, progress, and reading the result."""

    def __init__(self, model: Model, name: str, budget: Budget, progress: ProgressHook | None,
                 problem: Problem) -> None:
        self.model, self.name, self.budget, self.progress = model, name, budget, progress
        self.problem = problem
        self.used = 0.0
        self.last: Progress | None = None

    def run(self, placed: dict[int, int], share: float
            ) -> tuple[Stage, dict[int, int], str | None]:
        expr, maximise = self.model.objective(self.name)
        cp = self.model.cp
        (cp.maximize if maximise else cp.minimize)(expr)
        self.model.hint(placed)
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.num_workers = 1
        params.random_seed = SEED
        params.max_deterministic_time = share
        params.max_time_in_seconds = self.budget.seconds_left()
        params.catch_sigint_signal = False
        status = self.solve(solver, cp)
        self.used = solver.deterministic_time
        self.budget.work = max(0.0, self.budget.work - self.used)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            placed = self.model.read(solver)
            value = round(solver.objective_value)
        else:  # nothing found in time: the hint (the previous stage's schedule) stands
            value = measure(self.problem, placed)[self.name]
        raw_bound = solver.best_objective_bound
        bound = _bound(raw_bound, maximise, value)
        proven = status == cp_model.OPTIMAL or bound == value
        why = None if proven else self._why(solver, share)
        return Stage(self.name, value, bound, proven, round(self.used, 2)), placed, why

    def news(self, placed: dict[int, int], breaks: int) -> None:
        """A better schedule found outside CP-SAT's own search (`lns.py`), for the display."""
        self.last = Progress(self.name, len(placed), breaks, breaks, None,
                             time.monotonic() - self.budget.start)
        if self.progress is not None:
            self.progress(self.last)

    def _why(self, solver: Any, share: float) -> str:
        return "work" if solver.deterministic_time >= share * 0.999 else "wall"

    def solve(self, solver: Any, cp: Any) -> Any:
        """Solve `cp` in a thread; Ctrl-C here stops the search and raises `Interrupted`."""
        box: dict[str, Any] = {}
        done = threading.Event()
        callback = self._callback()

        def work() -> None:
            try:
                box["status"] = solver.solve(cp, callback if cp is self.model.cp else None)
            except BaseException as exc:  # handed to the calling thread
                box["error"] = exc
            finally:
                done.set()

        threading.Thread(target=work, name="cp-sat", daemon=True).start()
        try:
            while not done.wait(0.1):
                pass
        except KeyboardInterrupt:
            solver.stop_search()
            done.wait()
            raise Interrupted(self.last) from None
        if "error" in box:
            raise box["error"]
        return box["status"]

    def _callback(self) -> Any:
        runner = self
        xs = list(self.model.x.values())
        breaks = self.model.objectives.get("breaks")
        breaks_expr = None if breaks is None else breaks[0]

        class Report(cp_model.CpSolverSolutionCallback):  # type: ignore[misc]
            def on_solution_callback(self) -> None:
                met = sum(1 for var in xs if self.boolean_value(var))
                maximise = runner.name == "requests"
                news = Progress(runner.name, met, None if breaks_expr is None else
                                int(self.value(breaks_expr)),
                                round(self.objective_value),
                                _bound(self.best_objective_bound, maximise, None),
                                time.monotonic() - runner.budget.start)
                runner.last = news
                if runner.progress is not None:
                    runner.progress(news)

        return Report()


def _bound(raw: float, maximise: bool, value: int | None) -> int:
    """The solver's bound as a whole number on the right side (CP-SAT gives a float)."""
    if not math.isfinite(raw):
        return value if value is not None else 0
    return math.floor(raw + 1e-6) if maximise else math.ceil(raw - 1e-6)
