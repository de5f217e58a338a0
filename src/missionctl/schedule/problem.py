"""One session to plan, as data: its slots, who is free when, the meetings that stay, and the
pairs of organisations still to meet. The solvers (`solver.py`, `heuristic.py`) read only this.

**Pairs, not requests.** A meeting meets a request in either direction (MC205), so the
requests of one pair of organisations are merged into one `Want`, with the highest of their
priorities. A pair that already meets, in this session (a meeting that stays) or in any other
session of the mission, is met: MC205 counts a meeting in any session.

**Meetings that stay** (`Kept`): every meeting of the session not listed in our generated
file (written by hand, or listed in a file missionctl did not write) stays exactly as
written, whatever it costs. Without `--repair`, so do the meetings our previous run planned,
as long as they are still possible: their pair is still requested, both organisations are
still free then (their programme may have changed since), their slot is on the grid and
their table exists and is not taken by a meeting written by hand since. A previous meeting
that is no longer possible is planned again like a new request.

**Where a pair may meet** (`Want.slots`): a slot where both organisations are free
(`availability.py`), neither has a meeting that stays, and a table is left.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import NamedTuple

from missionctl.checks.support.timeline import Timelines
from missionctl.checks.support.travel import TravelModel
from missionctl.errors import UserError
from missionctl.findings import Loc
from missionctl.model import B2BMeeting, B2BRequest, B2BSession, Mission
from missionctl.schedule.availability import Free, organisations_free
from missionctl.schedule.grid import Slot, covered, grid, slot_of
from missionctl.wording import minutes_text

PRIORITIES = ("high", "normal", "low")
Pair = frozenset[str]


class Listed(NamedTuple):
    """A meeting as a file lists it (our previous run's, or one that stays)."""

    at: time
    at_text: str
    table: int
    between: tuple[str, str]
    loc: Loc | None = None


class Kept(NamedTuple):
    """A meeting that stays as written; `slots` are the grid slots it covers."""

    meeting: Listed
    slots: tuple[int, ...]
    by_hand: bool  # else: planned by our previous run and still possible


class Want(NamedTuple):
    """A pair of organisations to meet, and where they may."""

    n: int  # position in Problem.wants
    a: str  # as the first request names them: `from`, then `to`
    b: str
    priority: str  # the highest of the pair's requests
    requests: tuple[B2BRequest, ...]
    slots: tuple[int, ...]


@dataclass(slots=True)
class Problem:
    session: B2BSession
    slots: list[Slot]
    people: dict[str, tuple[str, ...]]  # organisation -> its people among the participants
    free: Free
    kept: list[Kept]
    busy: dict[str, set[int]]  # organisation -> slots its meetings that stay take
    tables: list[set[int]]  # slot -> tables taken by meetings that stay
    capacity: list[int]  # slot -> tables left
    wants: list[Want]
    met: dict[Pair, str]  # pairs met already -> how ("a meeting at 14:00", "session X")
    requests: dict[Pair, tuple[B2BRequest, ...]]  # every requested pair, met or not
    # pairs that cannot meet at all -> their organisations with nobody among the participants
    # (none: a request from an organisation to itself)
    nobody: dict[Pair, tuple[str, ...]]
    previous: dict[Pair, tuple[int, int]]  # pair -> (slot, table) our previous run gave it
    released: list[Listed] = field(default_factory=list)  # previous meetings not kept
    left: dict[str, int | None] = field(default_factory=dict)  # meetings left (max_meetings)

    def orgs(self) -> list[str]:
        """Every organisation with a request or a meeting here, sorted."""
        return sorted(self.free.free)


def check_session(session: B2BSession, slots: list[Slot]) -> None:
    """One clear line (UserError) for a session nothing can be planned in."""
    if not slots:
        raise UserError(
            f"B2B session '{session.id}' ({session.start:%H:%M}-{session.end:%H:%M}) has no "
            f"slot: a {minutes_text(session.slot)} meeting does not fit in it; lengthen the "
            "session or shorten its `slot`")


def build(mission: Mission, session: B2BSession, lines: Timelines, model: TravelModel, *,
          own_file: str | None, previous: Iterable[Listed], repair: bool,
          met_elsewhere: Mapping[Pair, str]) -> Problem:
    """The problem of planning `session`. `own_file`: the name (as in findings) of our
    generated file, whose meetings are `previous` rather than kept by hand; `met_elsewhere`:
    pairs meeting in other sessions."""
    slots = grid(session)
    check_session(session, slots)
    people = _people(mission, session)
    requests: dict[Pair, list[B2BRequest]] = {}
    for q in session.requests:
        requests.setdefault(frozenset((q.from_, q.to)), []).append(q)
    by_hand = [_listed(m) for m in session.meetings if m.loc.file != own_file]
    orgs = {o for pair in requests for o in pair} | {o for m in by_hand for o in m.between}
    free = organisations_free(mission, session.venue, slots,
                              {o: people.get(o, ()) for o in sorted(orgs)}, lines, model)
    problem = Problem(session, slots, people, free, [], {o: set() for o in orgs},
                      [set() for _ in slots], [session.tables] * len(slots), [], {},
                      {k: tuple(v) for k, v in requests.items()}, {}, {})
    for m in by_hand:
        _keep(problem, m, by_hand=True)
    for pair, how in met_elsewhere.items():
        if pair in requests:
            problem.met.setdefault(pair, how)
    for m in sorted(previous, key=lambda m: (m.at, m.table)):
        problem.previous.setdefault(frozenset(m.between), _place_of(slots, m))
        if repair or not _still_possible(problem, m):
            problem.released.append(m)
        else:
            _keep(problem, m, by_hand=False)
    _wants(problem, requests)
    limit = session.max_meetings
    problem.left = {o: None if limit is None else max(0, limit - _kept_count(problem, o))
                    for o in orgs}
    return problem


def _people(mission: Mission, session: B2BSession) -> dict[str, tuple[str, ...]]:
    people: dict[str, list[str]] = {}
    for pid in sorted(mission.expand(session.participants)):
        org = mission.people[pid].organisation
        if org is not None:
            people.setdefault(org, []).append(pid)
    return {o: tuple(p) for o, p in people.items()}


def _listed(m: B2BMeeting) -> Listed:
    return Listed(m.at, m.at_text, m.table, m.between, m.loc)


def _place_of(slots: list[Slot], m: Listed) -> tuple[int, int]:
    slot = slot_of(slots, m.at)
    return (-1 if slot is None else slot.n, m.table)


def _keep(problem: Problem, m: Listed, by_hand: bool) -> None:
    s = problem.session
    start = next((x.start for x in problem.slots if x.at == m.at), None)
    if start is None:  # off the grid (MC204 says so): the slots it overlaps, in instants
        from missionctl import values as v
        from missionctl.wording import day_time

        try:
            start = v.local_instant(day_time(s.date, m.at), s.zone)
        except v.Invalid:
            return
    taken = tuple(covered(problem.slots, start, start + s.slot))
    problem.kept.append(Kept(m, taken, by_hand))
    for org in m.between:
        problem.busy.setdefault(org, set()).update(taken)
    for i in taken:
        if m.table not in problem.tables[i]:
            problem.tables[i].add(m.table)
            problem.capacity[i] = max(0, problem.capacity[i] - 1)
    pair = frozenset(m.between)
    if pair in problem.requests:
        problem.met.setdefault(pair, f"the meeting at {m.at_text}, table {m.table}")


def _still_possible(problem: Problem, m: Listed) -> bool:
    """Whether a meeting of our previous run may stay as it is (module docstring)."""
    pair = frozenset(m.between)
    slot = slot_of(problem.slots, m.at)
    if pair not in problem.requests or pair in problem.met or slot is None:
        return False
    i = slot.n
    if m.table > problem.session.tables or m.table in problem.tables[i]:
        return False
    for org in m.between:
        if org not in problem.people or i in problem.busy.get(org, set()):
            return False
        if not problem.free.free[org][i]:
            return False
    limit = problem.session.max_meetings
    return limit is None or all(_kept_count(problem, o) < limit for o in m.between)


def _kept_count(problem: Problem, org: str) -> int:
    return sum(1 for k in problem.kept if org in k.meeting.between)


def _wants(problem: Problem, requests: Mapping[Pair, list[B2BRequest]]) -> None:
    """The pairs still to meet, highest priority first, then in the order first requested."""
    rank = {p: i for i, p in enumerate(PRIORITIES)}
    todo = []
    for order, (pair, reqs) in enumerate(requests.items()):
        if pair in problem.met:
            continue
        first = reqs[0]
        if first.from_ == first.to:
            problem.nobody[pair] = ()
            continue
        missing = [o for o in (first.from_, first.to) if o not in problem.people]
        if missing:
            problem.nobody[pair] = tuple(missing)
            continue
        priority = min((q.priority for q in reqs), key=rank.__getitem__)
        todo.append((rank[priority], order, first.from_, first.to, priority))
    for _rank, _order, a, b, priority in sorted(todo):
        slots = tuple(i for i in range(len(problem.slots)) if _open(problem, a, b, i))
        problem.wants.append(Want(len(problem.wants), a, b, priority,
                                  tuple(requests[frozenset((a, b))]), slots))


def _open(problem: Problem, a: str, b: str, i: int) -> bool:
    free, busy = problem.free.free, problem.busy
    return (problem.capacity[i] > 0 and free[a][i] and free[b][i]
            and i not in busy[a] and i not in busy[b])
