"""How far apart the dates of one mission may be, and the MC003 findings past that.

An event lasts at most `MAX_SPAN` (366 days), a mission at most `NEAR` (two years, 731
days), and every event, arrival, departure and B2B session falls within `NEAR` of the
mission's dates. An event in 2999
of a mission in 2027 is a typo of the year, and unbounded spans cost work out of proportion
to the file: one such event made `check` list every clock change of ten centuries and an
export build a time zone for them. Bounded here, every command can trust that a mission's
instants all fall within about six years. (Two years, not one: a programme may record the
preparatory visit of the year before, or gather the visits of two seasons.)
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from missionctl.findings import Finding, Loc
from missionctl.values import MAX_SPAN

DAYS = MAX_SPAN.days
NEAR = timedelta(days=731)


def mission_span(start: date, end: date, loc: Loc) -> Finding | None:
    """MC003 at `mission.end` when the mission (first to last day, inclusive) is too long."""
    days = (end - start).days + 1
    if days <= NEAR.days:
        return None
    return Finding("MC003", f"the mission would last {days:,} days ({start} to {end}); a "
                   f"mission lasts at most two years ({NEAR.days} days): check the year of its "
                   "end", loc)


def event_span(event_id: str, start: datetime, end: datetime, shown: tuple[str, str],
               loc: Loc) -> Finding | None:
    """MC003 at the event's end when it lasts longer than MAX_SPAN (`shown`: local times)."""
    if end - start <= MAX_SPAN:
        return None
    days = (end - start).days
    return Finding("MC003", f"event '{event_id}' would last {days:,} days ({shown[0]} -> "
                   f"{shown[1]}); an event lasts at most {DAYS} days: check the date of its "
                   "end", loc)


class Window:
    """The instants a mission may hold: from NEAR before its first day to NEAR after its
    last (in UTC, to the day: a bound this wide needs no zone)."""

    __slots__ = ("end", "first", "last", "start")

    def __init__(self, start: date, end: date) -> None:
        self.start, self.end = start, end
        self.first = datetime.combine(start - NEAR, time.min, UTC)
        self.last = datetime.combine(end + NEAR + timedelta(days=1), time.min, UTC)

    def outside(self, what: str, instant: datetime, day: date, loc: Loc) -> Finding | None:
        """MC003 at `loc` when `instant` is outside; `what` is "event 'x' is", `day` the
        date the author wrote."""
        if instant < self.first:
            where = f"before the mission starts ({self.start})"
        elif instant >= self.last:
            where = f"after the mission ends ({self.end})"
        else:
            return None
        return Finding("MC003", f"{what} on {day}, more than two years {where}; check the "
                       "year", loc)
