"""MC405 no-attendees: an event nobody takes part in.

"Taking part" is the contract's: reached through `attendees`, `hosts` or `interpreters`,
after expansion, so `attendees: [org:x]` of an organisation with no people listed is nobody.
Every kind is checked, B2B meetings included: a meeting whose two organisations have no
people among the session's `participants` has an empty table.
"""

from __future__ import annotations

from collections.abc import Iterator

from missionctl.checks import Check, Context
from missionctl.checks.support.index import live
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.wording import event_dated, org_name

CODE = "MC405"


def _message(mission: Mission, event: Event) -> str:
    if event.b2b is None:
        return (f"nobody takes part in {event_dated(event)}; add `attendees:` (people, "
                "`group:` or `org:` references) or cancel it")
    session = mission.b2b[event.b2b]
    # Matched by position: two meetings at one table and time share an event id (MC204).
    meeting = next((m for m in session.meetings if m.loc == event.loc), None)
    if meeting is None:
        return f"nobody takes part in {event_dated(event)}; check the session's `participants`"
    a, b = (org_name(mission, o) for o in meeting.between)
    return (f"nobody sits at B2B meeting {a} – {b} at {meeting.at_text}, table "
            f"{meeting.table}: neither organisation has people among the participants of "
            f"'{session.title}'; add them to `participants` (e.g. `org:{meeting.between[0]}`) "
            "or drop the meeting")


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    for event in live(ctx):
        if mission.taking_part.get(event.id):
            continue
        yield Finding(CODE, _message(mission, event), event.loc, subject=event.id)


RULE = Check(
    code=CODE,
    why=(
        "An event nobody takes part in shows up on no itinerary and no contact sheet: "
        "usually the attendee list was forgotten, or a group or organisation reference "
        "reaches nobody. For a B2B meeting, its organisations have no people among the "
        "session's participants."
    ),
    bad=(
        "events:\n"
        "  dinner:\n"
        "    kind: meal\n"
        "    title: Welcome dinner\n"
        "    start: 2027-05-11 20:00\n"
        "    end: 22:30                      # no attendees, hosts or interpreters"
    ),
    fix="Add `attendees:` (e.g. `[group:delegation]`), or check that the group or "
        "organisation you reference has members.",
    run=run,
)
