"""MC205 b2b-request-unmet: a B2B request that no meeting answers.

A meeting answers a request when it is between the same two organisations, in either
direction. Where the contract is silent: a meeting of the pair in *any* B2B session of the
mission answers the request (the companies have met; where does not matter to them). The
finding suggests the first slot of the request's session where both organisations are free
and a table is left.
"""

from __future__ import annotations

from collections.abc import Iterator

from missionctl.checks import SESSION, Check, Context
from missionctl.findings import Finding
from missionctl.model import B2BRequest, B2BSession, Mission
from missionctl.wording import day_time, org_name

CODE = "MC205"


def met_pairs(mission: Mission) -> set[frozenset[str]]:
    """Every pair of organisations that meets in some B2B session."""
    return {frozenset(m.between) for s in mission.b2b.values() for m in s.meetings}


def free_slot(session: B2BSession, a: str, b: str) -> tuple[str, int] | None:
    """The first grid slot (HH:MM, table) where `a` and `b` are both free, or None."""
    busy: dict[str, tuple[set[int], set[str]]] = {}  # slot -> (tables used, orgs meeting)
    for m in session.meetings:
        tables, orgs = busy.setdefault(m.at_text, (set(), set()))
        tables.add(m.table)
        orgs.update(m.between)
    step = session.slot + session.gap
    at = day_time(session.date, session.start)
    last = day_time(session.date, session.end)
    while at + session.slot <= last:
        tables, orgs = busy.get(f"{at:%H:%M}", (set(), set()))
        free = [t for t in range(1, session.tables + 1) if t not in tables]
        if free and a not in orgs and b not in orgs:
            return f"{at:%H:%M}", free[0]
        at += step
    return None


def _finding(mission: Mission, session: B2BSession, request: B2BRequest) -> Finding:
    a, b = org_name(mission, request.from_), org_name(mission, request.to)
    slot = free_slot(session, request.from_, request.to)
    if slot is None:
        hint = "no slot has both free with a table left: add tables or lengthen the session"
    else:
        hint = (f"both are free at {slot[0]}: add {{at: \"{slot[0]}\", table: {slot[1]}, "
                f"between: [{request.from_}, {request.to}]}}")
    message = (f"{a} asked to meet {b} ({request.priority} priority) at '{session.title}', "
               f"but no meeting between them is planned; {hint}")
    return Finding(CODE, message, request.loc)


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    met = met_pairs(mission)
    for session in mission.b2b.values():
        for request in session.requests:
            if frozenset((request.from_, request.to)) not in met:
                yield _finding(mission, session, request)


RULE = Check(
    code=CODE,
    why=(
        "Companies join a matchmaking session for the meetings they asked for; a request "
        "left out of the grid is a lost lead and a disappointed member. A meeting between the "
        "two organisations in either direction, in any B2B session, answers the request."
    ),
    bad=(
        "organisations:\n"
        "  moldes: {name: Moldes Norte}\n"
        "  atlas: {name: Atlas Auto}\n"
        "  sebou: {name: Sebou Plastiques}\n"
        "b2b:\n"
        "  matchmaking:\n"
        "    title: B2B matchmaking\n"
        "    date: 2027-05-12\n"
        "    start: \"14:00\"\n"
        "    end: \"18:00\"\n"
        "    slot: 25m\n"
        "    tables: 4\n"
        "    requests:\n"
        "      - {from: moldes, to: atlas, priority: high}\n"
        "    meetings:\n"
        "      - {at: \"14:00\", table: 1, between: [moldes, sebou]}"
    ),
    fix="Add a meeting between the two organisations (missionctl names the first slot where "
        "both are free), or drop the request if it was withdrawn.",
    run=run,
    places=SESSION,
)
