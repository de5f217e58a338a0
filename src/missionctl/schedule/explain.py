"""Why a request is unmet, in a person's words, naming what blocks it.

Three cases, from the problem and the schedule found:

- the pair cannot meet at all: nobody of an organisation is among the participants;
- the two have no slot in common: each slot is blocked by one of their programmes (an event,
  a transfer to or from the venue, an arrival or a departure) or by a meeting that stays, or
  has no table left; the causes are grouped by what blocks, with the slots they block:
  "Atlas Auto has no free slot in common with Moldes Norte: Salma Idrissi is at 'Visit of
  Renault Tanger' (14:00–16:30) plus a 45m transfer (14:00–16:55)...";
- they have slots in common, and the schedule uses each for something else: "at 15:30 all
  12 tables are taken; at 16:00 Atlas Auto meets Lusomatic (high)", or an organisation has
  its `max_meetings`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from missionctl.model import Mission
from missionctl.schedule.availability import Block
from missionctl.schedule.problem import Problem, Want
from missionctl.wording import and_list, clock_in, minutes_text, org_name, people_text

#: At most this many causes or slots are named; the rest are counted.
SHOWN = 5


def nobody(mission: Mission, problem: Problem, a: str, b: str,
           missing: tuple[str, ...]) -> str:
    if not missing:
        return (f"{org_name(mission, a)} asked to meet itself; drop the request, or name the "
                "other organisation in `to`")
    names = and_list([org_name(mission, o) for o in missing])
    refs = " or ".join(f"org:{o}" for o in missing)
    return (f"nobody from {names} is among the participants of '{problem.session.title}': "
            f"add {refs} (or some of its people) to `participants`, or drop the request")


def unmet(mission: Mission, problem: Problem, want: Want, placed: Mapping[int, int],
          proven: bool) -> str:
    """The reason `want` is not in the schedule `placed`."""
    if not want.slots:
        return no_common_slot(mission, problem, want)
    text = all_taken(mission, problem, want, placed)
    if not proven:
        text += " (the schedule is not proven optimal: a better one may fit this request)"
    return text


def no_common_slot(mission: Mission, problem: Problem, want: Want) -> str:
    a, b = org_name(mission, want.a), org_name(mission, want.b)
    causes: dict[tuple[str, ...], _Cause] = {}
    for slot in problem.slots:
        for key, cause in _slot_causes(mission, problem, want, slot.n):
            causes.setdefault(key, cause).merge(cause, slot.n)
    ordered = sorted(causes.values(), key=lambda c: (c.slots[0], c.order))
    shown = [f"{_slots_text(problem, c.slots)}: {c.text(mission, problem)}" for c in ordered]
    return f"{a} has no free slot in common with {b}: {_capped(shown)}"


class _Cause:
    """One thing that blocks slots: an event (with a transfer), a stay, a meeting that stays,
    the tables; the people it blocks and the slots."""

    def __init__(self, order: int, org: str = "", blocks: tuple[Block, ...] = (),
                 fixed: str = "") -> None:
        self.order, self.org, self.fixed = order, org, fixed
        self.people = {b.person for b in blocks}
        self.first = blocks[0] if blocks else None
        self.transfer = max((b.transfer for b in blocks if b.transfer), default=None)
        self.slots: list[int] = []

    def merge(self, other: _Cause, slot: int) -> None:
        self.people |= other.people
        if other.transfer and (self.transfer is None or other.transfer > self.transfer):
            self.transfer, self.first = other.transfer, other.first
        self.slots.append(slot)

    def text(self, mission: Mission, problem: Problem) -> str:
        if self.first is None:
            return self.fixed
        who = f"{people_text(mission, self.people)} ({org_name(mission, self.org)})"
        first, zone, plural = self.first, problem.session.zone, len(self.people) > 1
        if first.kind in ("arrival", "departure") and first.when is not None:
            verb = ("arrive" if first.kind == "arrival" else "leave") + ("" if plural else "s")
            return f"{who} {verb} at {_at(first.when, zone)}"
        event = first.event
        assert event is not None
        span = f"{_at(event.start, event.zone)}–{_at(event.end, event.end_zone)}"
        text = f"{who} {'are' if plural else 'is'} at '{event.title}' ({span})"
        if self.transfer is not None:
            way = "from" if first.kind == "before" else "to"
            text += f" plus a {minutes_text(self.transfer, round_up=True)} transfer {way} there"
        return text


def _slot_causes(mission: Mission, problem: Problem, want: Want,
                 i: int) -> list[tuple[tuple[str, ...], _Cause]]:
    out: list[tuple[tuple[str, ...], _Cause]] = []
    for n, org in enumerate((want.a, want.b)):
        blocks = problem.free.blocks[org][i]
        if blocks:
            first = blocks[0]
            what = first.event.id if first.event is not None else first.kind
            same = tuple(b for b in blocks
                         if (b.event.id if b.event is not None else b.kind) == what)
            out.append((("block", org, what), _Cause(n, org, same)))
        for kept in problem.kept:
            if org in kept.meeting.between and i in kept.slots:
                other = next(o for o in kept.meeting.between if o != org)
                how = "written by hand" if kept.by_hand else "planned before"
                text = (f"{org_name(mission, org)} meets {org_name(mission, other)} "
                        f"({how})")
                out.append((("kept", org, kept.meeting.at_text), _Cause(n, fixed=text)))
    if not out and problem.capacity[i] == 0:
        text = f"{tables_taken(problem.session.tables)} by meetings that stay"
        out.append((("tables",), _Cause(2, fixed=text)))
    return out


def all_taken(mission: Mission, problem: Problem, want: Want,
              placed: Mapping[int, int]) -> str:
    a, b = org_name(mission, want.a), org_name(mission, want.b)
    limit = problem.session.max_meetings
    full = [o for o in (want.a, want.b) if problem.left.get(o) is not None
            and _count(problem, placed, o) >= (problem.left[o] or 0)]
    if full:
        names = and_list([org_name(mission, o) for o in full])
        return (f"{names} already {'has' if len(full) == 1 else 'have'} {limit} meetings, "
                f"the session's max_meetings")
    used: dict[int, list[Want]] = {}
    for index, slot in placed.items():
        used.setdefault(slot, []).append(problem.wants[index])
    reasons = [_taken(mission, problem, want, i, used.get(i, [])) for i in want.slots]
    common = len(want.slots)
    return (f"{a} and {b} are both free at {common} slot{'s' if common > 1 else ''}, and the "
            f"schedule uses {'each' if common > 1 else 'it'} for requests of the same or a "
            f"higher priority: {_capped(reasons)}")


def _taken(mission: Mission, problem: Problem, want: Want, i: int, there: list[Want]) -> str:
    at = problem.slots[i].at_text
    parts = []
    for org in (want.a, want.b):
        for other in there:
            if org in (other.a, other.b):
                partner = other.b if other.a == org else other.a
                parts.append(f"{org_name(mission, org)} meets {org_name(mission, partner)} "
                             f"({other.priority})")
    if not parts:
        parts.append(tables_taken(problem.session.tables))
    return f"at {at} {and_list(parts)}"


def tables_taken(tables: int) -> str:
    return "the one table is taken" if tables == 1 else f"all {tables} tables are taken"


def _count(problem: Problem, placed: Mapping[int, int], org: str) -> int:
    return sum(1 for index in placed if org in (problem.wants[index].a, problem.wants[index].b))


def _slots_text(problem: Problem, slots: list[int]) -> str:
    """The slots' times: '14:00–15:25' for a run of slots, '16:00' for one, 'and' between."""
    runs: list[tuple[int, int]] = []
    for i in slots:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    s = problem.slots
    zone = problem.session.zone
    return and_list([s[a].at_text if a == b else f"{s[a].at_text}–{_at(s[b].end, zone)}"
                     for a, b in runs])


def _capped(items: list[str]) -> str:
    if len(items) <= SHOWN:
        return "; ".join(items)
    return "; ".join(items[:SHOWN]) + f"; and {len(items) - SHOWN} more"


def _at(instant: datetime, zone: str) -> str:
    return clock_in(instant, zone)

