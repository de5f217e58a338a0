"""Plan one session: build the problem, solve it, give out tables, explain what is unmet."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from missionctl.checks.support.timeline import Timelines
from missionctl.checks.support.travel import TravelModel
from missionctl.model import B2BSession, Mission
from missionctl.schedule import explain, heuristic
from missionctl.schedule.outcome import Outcome, ProgressHook, breaks
from missionctl.schedule.problem import Listed, Pair, Problem, build
from missionctl.schedule.report import Change, Meeting, SessionReport, Unmet
from missionctl.schedule.tables import assign
from missionctl.wording import org_name


class Limits(NamedTuple):
    """How the session is solved: "cp-sat" or "heuristic"; deterministic work (the solver's
    seconds) and wall-clock seconds allowed."""

    engine: str
    work: float
    seconds: float


def plan_session(mission: Mission, session: B2BSession, lines: Timelines, model: TravelModel,
                 *, own_file: str | None, previous: Iterable[Listed], repair: bool,
                 met_elsewhere: Mapping[Pair, str], limits: Limits,
                 progress: ProgressHook | None = None) -> tuple[SessionReport, list[Listed]]:
    """The session's report, and the meetings our file lists for it."""
    before = list(previous)
    problem = build(mission, session, lines, model, own_file=own_file, previous=before,
                    repair=repair, met_elsewhere=met_elsewhere)
    start = heuristic.plan(problem)
    if limits.engine == "cp-sat":
        from missionctl.schedule import solver

        outcome = solver.solve(problem, start, work=limits.work, seconds=limits.seconds,
                               progress=progress)
    else:
        outcome = Outcome(start, heuristic.stages(problem, start), "heuristic")
    ours = _ours(problem, outcome)
    report = SessionReport(
        session.id, session.title, outcome.engine, outcome.stages, outcome.stopped,
        outcome.proven, _meetings(mission, problem, ours, before),
        _unmet(mission, problem, outcome), _met(problem, outcome),
        sum(breaks(problem, outcome.placed).values()), _per_org(mission, problem, ours),
        _changes(mission, before, ours))
    return report, ours


def _ours(problem: Problem, outcome: Outcome) -> list[Listed]:
    """The meetings our file lists: those of our previous run that stay, and those placed."""
    out = [k.meeting for k in problem.kept if not k.by_hand]
    tables = assign(problem, outcome.placed)
    for index, slot in sorted(outcome.placed.items()):
        w, s = problem.wants[index], problem.slots[slot]
        out.append(Listed(s.at, s.at_text, tables[index], (w.a, w.b)))
    return sorted(out, key=lambda m: (m.at, m.table))


def _meetings(mission: Mission, problem: Problem, ours: list[Listed],
              before: list[Listed]) -> list[Meeting]:
    previous = {frozenset(m.between): (m.at_text, m.table) for m in before}
    rows = [(k.meeting, "by hand") for k in problem.kept if k.by_hand]
    for m in ours:
        was = previous.get(frozenset(m.between))
        how = "new" if was is None else "kept" if was == (m.at_text, m.table) else "moved"
        rows.append((m, how))
    rows.sort(key=lambda r: (r[0].at, r[0].table))
    return [Meeting(m.at_text, m.table, m.between, _names(mission, m.between), how)
            for m, how in rows]


def _names(mission: Mission, pair: tuple[str, str]) -> tuple[str, str]:
    return (org_name(mission, pair[0]), org_name(mission, pair[1]))


def _unmet(mission: Mission, problem: Problem, outcome: Outcome) -> list[Unmet]:
    placed = {frozenset((problem.wants[i].a, problem.wants[i].b)) for i in outcome.placed}
    wants = {frozenset((w.a, w.b)): w for w in problem.wants}
    out: list[Unmet] = []
    for pair, requests in problem.requests.items():
        if pair in problem.met or pair in placed:
            continue
        first = requests[0]
        if pair in problem.nobody:
            reason = explain.nobody(mission, problem, first.from_, first.to, problem.nobody[pair])
        else:
            reason = explain.unmet(mission, problem, wants[pair], outcome.placed,
                                   outcome.proven)
        out.extend(Unmet(q.loc, q.from_, q.to, q.priority, reason) for q in requests)
    return sorted(out, key=lambda u: (u.loc.file, u.loc.line, u.loc.column))


def _met(problem: Problem, outcome: Outcome) -> dict[str, tuple[int, int]]:
    placed = {frozenset((problem.wants[i].a, problem.wants[i].b)) for i in outcome.placed}
    counts = {p: [0, 0] for p in ("high", "normal", "low")}
    for pair, requests in problem.requests.items():
        for q in requests:
            counts[q.priority][1] += 1
            if pair in problem.met or pair in placed:
                counts[q.priority][0] += 1
    return {p: (c[0], c[1]) for p, c in counts.items()}


def _per_org(mission: Mission, problem: Problem, ours: list[Listed]) -> dict[str, int]:
    counts = {o: 0 for o in problem.orgs()}
    meetings = [k.meeting for k in problem.kept if k.by_hand] + ours
    for m in meetings:
        for org in m.between:
            counts[org] = counts.get(org, 0) + 1
    return {org_name(mission, o): n for o, n in sorted(counts.items())}


def _changes(mission: Mission, before: list[Listed], after: list[Listed]) -> list[Change]:
    old = {frozenset(m.between): m for m in before}
    new = {frozenset(m.between): m for m in after}
    out = []
    for pair, m in new.items():
        was = old.get(pair)
        if was is None:
            out.append(Change("added", m.between, _names(mission, m.between), None,
                              (m.at_text, m.table)))
        elif (was.at_text, was.table) != (m.at_text, m.table):
            out.append(Change("moved", m.between, _names(mission, m.between),
                              (was.at_text, was.table), (m.at_text, m.table)))
    for pair, m in old.items():
        if pair not in new:
            out.append(Change("dropped", m.between, _names(mission, m.between),
                              (m.at_text, m.table), None))
    return sorted(out, key=lambda c: ((c.after or c.before or ("", 0)), c.kind))
