"""MC302 weekend: a business event on the weekend of its venue's country.

The weekend is `practice(country).weekend` (docs/local-practice.md): Saturday-Sunday in
Morocco, Friday-Saturday in Algeria, Egypt and Saudi Arabia, Saturday-Sunday assumed for a
country the table does not hold. Every local day the event touches counts (an event ending at
00:00 does not touch the next day). One finding per event, naming every weekend day it
touches. Only business events (B2B meetings included); cancelled ones are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator

from missionctl.checks import Check, Context
from missionctl.checks.support.calendar import (
    business_events,
    country_name,
    local_dated,
    practices,
    waive_hint,
)
from missionctl.findings import Finding
from missionctl.model import Mission
from missionctl.wording import WEEKDAYS, and_list, day_iso

CODE = "MC302"


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    table = practices(ctx)
    for le in business_events(ctx):
        found = table[le.country]
        pieces = le.pieces
        if len(pieces) == 1 and pieces[0][0].weekday() not in found.weekend:
            continue  # the usual event: one working day
        days = [day for day, _, _ in pieces if day.weekday() in found.weekend]
        if not days:
            continue
        weekend = and_list([WEEKDAYS[d] for d in sorted(found.weekend)])
        assumed = "" if found.known else ", assumed: the country is not in missionctl's table"
        message = (f"{local_dated(le, mission)} is on the weekend in {country_name(found)} "
                   f"({and_list([day_iso(d) for d in days])}; weekend: {weekend}{assumed}); move "
                   f"it to a working day, {waive_hint(CODE)} if the host works that day")
        yield Finding(CODE, message, le.event.loc, subject=le.event.id)


RULE = Check(
    code=CODE,
    why=(
        "Offices, ministries and most plants are closed on the weekend, and the weekend is "
        "not the same everywhere: Saturday-Sunday in Morocco, Friday-Saturday in Algeria, "
        "Egypt and Saudi Arabia. A business event (visit, meeting, workshop, training, "
        "presentation, B2B meeting) on a weekend day of its venue's country is worth a second "
        "look. Local dates are the venue's; cancelled events are ignored."
    ),
    bad=(
        "events:\n"
        "  plant-visit:\n"
        "    kind: visit\n"
        "    title: Atlas Auto plant tour\n"
        "    start: 2027-05-15 10:00     # a Saturday, weekend in Morocco\n"
        "    end: 12:00"
    ),
    fix="Move the event to a working day, or, when the host has agreed to open that day, "
        "waive it on the event (`waive: {MC302: \"plant runs a Saturday shift\"}`).",
    run=run,
)
