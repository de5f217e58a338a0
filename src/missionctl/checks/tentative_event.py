"""MC404 tentative-event: an event still `status: tentative`."""

from __future__ import annotations

from collections.abc import Iterator

from missionctl.checks import Check, Context
from missionctl.findings import Finding
from missionctl.model import Mission
from missionctl.wording import event_dated

CODE = "MC404"


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    for event in mission.events.values():
        if event.status == "tentative":
            message = (f"{event_dated(event)} is still tentative; confirm it with the host "
                       "(remove `status: tentative`) or cancel it")
            yield Finding(CODE, message, event.loc, subject=event.id)


RULE = Check(
    code=CODE,
    why=(
        "A tentative slot is a promise not yet kept: until the host confirms, the "
        "delegation's programme may still change. The list of tentative events is the "
        "organiser's follow-up list."
    ),
    bad=(
        "events:\n"
        "  tour:\n"
        "    kind: visit\n"
        "    title: Plant tour\n"
        "    start: 2027-05-12 10:00\n"
        "    end: 12:00\n"
        "    status: tentative"
    ),
    fix="Once the host confirms, remove `status: tentative` (or write `status: confirmed`); "
        "if it falls through, write `status: cancelled`.",
    run=run,
)
