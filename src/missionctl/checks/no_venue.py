"""MC403 no-venue: a non-travel event without a venue.

Every kind but `travel` is checked, `stay` and `free` included, as the contract says. B2B
meetings take their session's venue, so a session without a venue is reported once, at the
session, rather than once per meeting.
"""

from __future__ import annotations

from collections.abc import Iterator

from missionctl.checks import EVENT, SESSION, Check, Context
from missionctl.checks.support.index import live
from missionctl.findings import Finding
from missionctl.model import Mission
from missionctl.wording import event_dated

CODE = "MC403"


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    for event in live(ctx):
        if event.kind == "travel" or event.b2b is not None:
            continue
        if event.venue is None:
            message = (f"{event_dated(event)} has no venue; add `venue:` so everyone knows where "
                       "to go and travel times can be checked")
            yield Finding(CODE, message, event.loc, subject=event.id)
    for session in mission.b2b.values():
        if session.venue is None:
            message = (f"B2B session '{session.title}' has no venue; add `venue:` (and "
                       "`room:`) so participants know where their meetings are")
            yield Finding(CODE, message, session.loc)


RULE = Check(
    code=CODE,
    why=(
        "An event without a venue cannot be found by the delegation, printed on a "
        "programme, or checked for transfer times, opening hours and room bookings."
    ),
    bad=(
        "events:\n"
        "  dinner:\n"
        "    kind: meal\n"
        "    title: Welcome dinner\n"
        "    start: 2027-05-11 20:00\n"
        "    end: 22:30                 # where?"
    ),
    fix="Add `venue:` naming a venue defined under `venues:` (a travel event uses "
        "`from:`/`to:` instead).",
    run=run,
    places=EVENT | SESSION,
)
