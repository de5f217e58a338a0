"""MC204 b2b-conflict: a B2B meeting that breaks its session's grid.

The grid of a session: meetings start at `start + k * (slot + gap)` and end `slot` later,
inside the window `start`..`end`, at tables 1..`tables`. A meeting is reported, once, with
every way it breaks the grid:

- off the grid (its start is not on a slot), or outside the window (it starts before the
  session or ends after it);
- at a table the session does not have (a number above `tables`): decided to be a grid
  problem of the meeting itself, whatever else happens in the slot;
- in a slot that already has `tables` meetings (the meetings beyond the first `tables` in
  file order are reported);
- at a table already used in the slot, or with an organisation that already meets someone
  in the slot (the later entry is reported, the earlier one is in `related`).

"A slot" is the meetings starting at the same `at`; off-grid meetings are reported for that
already. Times are the session's wall clock (its date and zone).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta

from missionctl.checks import Check, Context
from missionctl.findings import Finding, Loc
from missionctl.model import B2BMeeting, B2BSession, Mission
from missionctl.wording import day_time, org_name

CODE = "MC204"


class Problems:
    """What is wrong with one meeting: reasons in words and the entries they refer to."""

    __slots__ = ("reasons", "related")

    def __init__(self) -> None:
        self.reasons: list[str] = []
        self.related: list[Loc] = []

    def add(self, reason: str, related: Loc | None = None) -> None:
        self.reasons.append(reason)
        if related is not None and related not in self.related:
            self.related.append(related)


def minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def n_tables(count: int) -> str:
    return "1 table" if count == 1 else f"{count} tables"


def pair_name(mission: Mission, meeting: B2BMeeting) -> str:
    return " – ".join(org_name(mission, o) for o in meeting.between)


def grid_reason(session: B2BSession, meeting: B2BMeeting) -> str | None:
    """Why the meeting is off the grid, with the nearest slots, or None."""
    step = session.slot + session.gap
    first = day_time(session.date, session.start)
    offset = day_time(session.date, meeting.at) - first
    if offset % step == timedelta(0):
        return None
    before = first + (offset // step) * step
    return (f"{meeting.at_text} is off the slot grid (a {minutes(session.slot)}-minute meeting "
            f"every {minutes(step)} minutes from {session.start:%H:%M}); the nearest slots are "
            f"{before:%H:%M} and {before + step:%H:%M}")


def window_reason(session: B2BSession, meeting: B2BMeeting) -> str | None:
    first, last = day_time(session.date, session.start), day_time(session.date, session.end)
    start = day_time(session.date, meeting.at)
    end = start + session.slot
    if start >= first and end <= last:
        return None
    return (f"it runs {start:%H:%M}–{end:%H:%M}, outside the session "
            f"({first:%H:%M}–{last:%H:%M})")


def _alone(session: B2BSession, meeting: B2BMeeting, problems: Problems) -> None:
    """Problems a meeting has on its own: place on the grid, table number."""
    for reason in (window_reason(session, meeting), grid_reason(session, meeting)):
        if reason is not None:
            problems.add(reason)
    if meeting.table > session.tables:
        problems.add(f"table {meeting.table} does not exist: the session has "
                     f"{n_tables(session.tables)}")


def _in_slot(mission: Mission, session: B2BSession, slot: list[int],
             problems: dict[int, Problems]) -> None:
    """Problems between the meetings of one slot (indexes into session.meetings)."""
    meetings = session.meetings
    used: dict[int, B2BMeeting] = {}
    orgs: dict[str, B2BMeeting] = {}
    for n, i in enumerate(slot):
        m, p = meetings[i], problems[i]
        if n >= session.tables:
            p.add(f"it is meeting {n + 1} at {m.at_text}, but the session has only "
                  f"{n_tables(session.tables)}")
        if m.table in used:
            first = used[m.table]
            p.add(f"table {m.table} is already taken at {m.at_text} by "
                  f"{pair_name(mission, first)}", first.loc)
        used.setdefault(m.table, m)
        for org in m.between:
            if org in orgs:
                first = orgs[org]
                p.add(f"{org_name(mission, org)} already meets at {m.at_text} "
                      f"({pair_name(mission, first)}, table {first.table})", first.loc)
            orgs.setdefault(org, m)


def session_findings(mission: Mission, session: B2BSession) -> Iterator[Finding]:
    problems = {i: Problems() for i in range(len(session.meetings))}
    slots: dict[time, list[int]] = {}
    for i, meeting in enumerate(session.meetings):
        _alone(session, meeting, problems[i])
        slots.setdefault(meeting.at, []).append(i)
    for slot in slots.values():
        _in_slot(mission, session, slot, problems)
    for i, meeting in enumerate(session.meetings):
        p = problems[i]
        if p.reasons:
            message = (f"B2B meeting {pair_name(mission, meeting)} at {meeting.at_text}, "
                       f"table {meeting.table} ({session.title}): {'; '.join(p.reasons)}; "
                       "move it to a free table in a slot on the grid")
            yield Finding(CODE, message, meeting.loc, tuple(p.related), meeting.event_id)


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    for session in mission.b2b.values():
        yield from session_findings(mission, session)


RULE = Check(
    code=CODE,
    why=(
        "A B2B grid only works if everyone moves at the same time: a meeting off the slot "
        "grid or past the end of the session overlaps its neighbours, a table used twice or "
        "a slot with more meetings than tables leaves two pairs without a seat, and an "
        "organisation cannot sit at two tables at once. A table number above `tables` is "
        "reported as a table that does not exist."
    ),
    bad=(
        "organisations:\n"
        "  moldes: {name: Moldes Norte}\n"
        "  atlas: {name: Atlas Auto}\n"
        "  luso: {name: Lusomatic}\n"
        "  sebou: {name: Sebou Plastiques}\n"
        "b2b:\n"
        "  matchmaking:\n"
        "    title: B2B matchmaking\n"
        "    date: 2027-05-12\n"
        "    start: \"14:00\"\n"
        "    end: \"18:00\"\n"
        "    slot: 25m\n"
        "    gap: 5m\n"
        "    tables: 2\n"
        "    meetings:\n"
        "      - {at: \"14:00\", table: 1, between: [moldes, atlas]}\n"
        "      - {at: \"14:00\", table: 1, between: [luso, sebou]}     # table 1 again\n"
        "      - {at: \"14:10\", table: 2, between: [moldes, sebou]}   # off the grid"
    ),
    fix="Start every meeting on a slot (start, start + slot + gap, ...), end it by the end of "
        "the session, and give each meeting of a slot its own table (1 to `tables`) and "
        "organisations that meet no one else in that slot.",
    run=run,
)
