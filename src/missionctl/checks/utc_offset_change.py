"""MC305 utc-offset-change: a zone used by the mission changes its UTC offset during it.

Zones used by the mission: the mission's `timezone`, the zone of every venue a non-cancelled
event uses (`venue`, `from`, `to`), and every non-cancelled event's own zones (today those are
always a venue's or the mission's).

"During the mission" (where the contract is silent): from `mission.start` 00:00 to
`mission.end` 24:00 in the mission's zone, widened to the first start and last end of the
non-cancelled events when they reach further (the flight in the day before, the hotel night
after). Changes are found exactly (`offset_changes`), one finding per zone and change.

Where a finding points (the mission is not an event): for the mission's zone at the value of
`mission.timezone`; for a venue's zone at the value of the first used venue (in file order)
that writes that `timezone` (a venue that writes none has the mission's zone). Other places
that write the same zone are in `related`. An event's zone that is neither (not possible with
today's format) is reported at the event. A change is waived mission-wide with
`checks.waive: {MC305: "..."}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from operator import attrgetter

from missionctl.checks import MISSION, Check, Context
from missionctl.checks.support.index import live
from missionctl.findings import Finding, Loc
from missionctl.model import Event, Mission
from missionctl.practice.transitions import OffsetChange, describe_change, offset_changes
from missionctl.tz import offset_fixed_after
from missionctl.tz import zone as get_zone

CODE = "MC305"
_START, _END = attrgetter("start"), attrgetter("end")


class _Place:
    """Where a zone is used: the finding's location, the others, and who uses it."""

    def __init__(self, loc: Loc, subject: str | None, user: str) -> None:
        self.loc = loc
        self.subject = subject
        self.related: list[Loc] = []
        self.users = [user]

    def add(self, loc: Loc, user: str) -> None:
        if loc != self.loc and loc not in self.related:
            self.related.append(loc)
        if user not in self.users:
            self.users.append(user)


def zones_used(mission: Mission, events: list[Event]) -> dict[str, _Place]:
    """Each zone the mission uses, in a stable order: the mission's, venues', events'."""
    places: dict[str, _Place] = {}

    def note(name: str, loc: Loc, user: str, subject: str | None = None) -> None:
        if name in places:
            places[name].add(loc, user)
        else:
            places[name] = _Place(loc, subject, user)

    info = mission.info
    note(info.timezone, info.locs.get("timezone", info.loc), "the mission")
    used = {e.venue for e in events} | {e.from_ for e in events} | {e.to for e in events}
    used.discard(None)
    for vid, venue in mission.venues.items():
        if vid in used and "timezone" in venue.locs:
            note(venue.timezone, venue.locs["timezone"], f"venue {venue.name}")
    for event in events:
        for name in (event.zone, event.end_zone):
            if name not in places:
                note(name, event.loc, f"event '{event.title}'", event.id)
    return places


def span(mission: Mission, events: list[Event]) -> tuple[datetime, datetime]:
    """The mission's time, in UTC: its dates in its zone, widened to its (non-cancelled)
    events."""
    z = get_zone(mission.info.timezone)
    lo = datetime.combine(mission.info.start, time(), tzinfo=z).astimezone(UTC)
    hi = datetime.combine(mission.info.end + timedelta(days=1), time(), tzinfo=z)
    hi = hi.astimezone(UTC)
    if events:
        lo, hi = min(lo, min(map(_START, events))), max(hi, max(map(_END, events)))
    return lo, hi


def _permanent(name: str, change: OffsetChange) -> bool:
    """Whether no later change is known: no DST rule and no later explicit transition."""
    return offset_fixed_after(name, change.at)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    events = live(ctx)
    lo, hi = span(mission, events)
    for name, place in zones_used(mission, events).items():
        for change in offset_changes(name, lo, hi):
            tail = ""
            if _permanent(name, change):
                tail = "; this change is permanent"
            message = (
                f"the time zone {name} (used by {_and(place.users)}) changes its UTC offset "
                f"during the mission: {describe_change(name, change)}{tail}. Times in the "
                "file stay local and right, but tell the delegation (phones adjust by themselves; "
                "watches, hotel wake-up calls and booked pick-ups may not) and check anything "
                "timed around the change; then waive it with `checks.waive: {MC305: \"...\"}`"
            )
            yield Finding(CODE, message, place.loc, tuple(place.related), place.subject)


RULE = Check(
    code=CODE,
    why=(
        "When clocks change during a trip, people miss breakfasts, pick-ups and meetings by "
        "an hour, and a flight booked in one offset lands in another. Morocco changes its "
        "offset around Ramadan in some years (and for good on 2026-09-20); Europe changes "
        "on the last Sundays of March and October. Zones used by the mission (its own, those "
        "of the venues its events use) are checked from `mission.start` 00:00 to "
        "`mission.end` 24:00, and over every event if they reach further."
    ),
    bad=(
        "mission:\n"
        "  id: lisbon-2027\n"
        "  title: Lisbon autumn mission\n"
        "  host_country: PT\n"
        "  timezone: Europe/Lisbon\n"
        "  start: 2027-10-29\n"
        "  end: 2027-11-02             # summer time ends on 2027-10-31"
    ),
    fix="Tell the delegation, put the change on the itinerary, and check the times written "
        "around it; then waive it for the mission (`checks.waive: {MC305: \"briefed\"}`).",
    run=run,
    places=MISSION,
)
