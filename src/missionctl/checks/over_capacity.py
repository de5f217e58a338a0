"""MC202 over-capacity: more people take part in an event than it, its room or venue holds.

People are counted once each, after `group:` and `org:` expansion (`Mission.taking_part`),
hosts and interpreters included: they take a seat too. Every capacity that applies is a limit
(the event's own `capacity`, its room's, its venue's), and the smallest one decides; on a
tie the most specific one is named. This applies to every kind, B2B meetings included.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter

from missionctl.checks import Check, Context
from missionctl.checks.support.index import live
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.wording import event_dated

CODE = "MC202"

Limit = tuple[int, str]  # (places, whose capacity in words)


def place_limits(mission: Mission, venue_id: str | None, room_id: str | None) -> list[Limit]:
    """The capacities of a room and its venue that apply, the room's first."""
    out: list[Limit] = []
    venue = mission.venues.get(venue_id) if venue_id else None
    if venue is None:
        return out
    room = venue.rooms.get(room_id) if room_id else None
    if room is not None and room.capacity is not None:
        out.append((room.capacity, f"the capacity of room {room.name or room.id}"))
    if venue.capacity is not None:
        out.append((venue.capacity, f"the capacity of venue {venue.name}"))
    return out


def _finding(event: Event, count: int, limit: Limit) -> Finding:
    places, whose = limit
    message = (f"{count} people take part in {event_dated(event)}, but {whose} is {places}; "
               "invite fewer people, split the group or move it to a larger room")
    return Finding(CODE, message, event.loc, subject=event.id)


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    # The smallest limit of each (venue, room), worked out once: events share rooms.
    places: dict[tuple[str | None, str | None], Limit | None] = {}
    for event in live(ctx):
        key = (event.venue, event.room)
        if key not in places:
            found = place_limits(mission, *key)
            places[key] = min(found, key=itemgetter(0)) if found else None  # first on a tie
        smallest = places[key]
        # The event's own capacity is the most specific: it wins a tie.
        if event.capacity is not None and (smallest is None or event.capacity <= smallest[0]):
            smallest = (event.capacity, "the event's own capacity")
        if smallest is None:
            continue
        count = len(mission.taking_part.get(event.id, frozenset()))
        if count > smallest[0]:
            yield _finding(event, count, smallest)


RULE = Check(
    code=CODE,
    why=(
        "A room that cannot seat everyone means people standing in the corridor, or a host "
        "who refuses entry on safety grounds (plants often cap visitor groups). Everyone "
        "taking part counts once, hosts and interpreters included, with groups and `org:` "
        "references expanded; the smallest of the event's, room's and venue's capacity applies."
    ),
    bad=(
        "people:\n"
        "  ana: {name: Ana Silva}\n"
        "  rui: {name: Rui Alves}\n"
        "  eva: {name: Eva Lima}\n"
        "venues:\n"
        "  plant: {name: Atlas Auto plant, capacity: 2}\n"
        "events:\n"
        "  tour:\n"
        "    kind: visit\n"
        "    title: Plant tour\n"
        "    venue: plant\n"
        "    start: 2027-05-12 10:00\n"
        "    end: 12:00\n"
        "    attendees: [ana, rui, eva]      # 3 people, 2 places"
    ),
    fix="Take fewer people (split the visit into two groups), or book a larger room or venue; "
        "if the capacity is wrong, correct it.",
    run=run,
)
