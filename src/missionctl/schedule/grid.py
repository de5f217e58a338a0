"""A B2B session's slot grid, as MC204 judges it: a meeting may start at `start + k * (slot +
gap)` (the session's wall clock, on its date, in its venue's zone) and must end by `end`."""

from __future__ import annotations

from datetime import datetime, time
from typing import NamedTuple

from missionctl import values as v
from missionctl.model import B2BSession
from missionctl.wording import day_time


class Slot(NamedTuple):
    """One place on the grid: its position, its wall time and its instants (UTC)."""

    n: int  # position on the grid
    at: time
    at_text: str  # "14:00", as the meeting's `at` and its event id write it
    start: datetime
    end: datetime


def grid(session: B2BSession) -> list[Slot]:
    """The session's slots in time order. A wall time the clocks skip (a change of offset
    inside the session) cannot hold a meeting (MC003 would refuse its `at`): it is left out."""
    step = session.slot + session.gap
    at = day_time(session.date, session.start)
    last = day_time(session.date, session.end)
    out: list[Slot] = []
    while at + session.slot <= last:
        try:
            start = v.local_instant(at, session.zone)
        except v.Invalid:
            at += step
            continue
        out.append(Slot(len(out), at.time(), f"{at:%H:%M}", start, start + session.slot))
        at += step
    return out


def slot_of(slots: list[Slot], at: time) -> Slot | None:
    """The slot starting at wall time `at`, if `at` is on the grid."""
    return next((s for s in slots if s.at == at), None)


def covered(slots: list[Slot], start: datetime, end: datetime) -> list[int]:
    """The slots that overlap the instants [start, end) (a meeting off the grid covers two)."""
    return [s.n for s in slots if s.start < end and start < s.end]
