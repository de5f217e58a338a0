"""MC401 no-host-contact: a visit or meeting with another organisation names no host.

"Another organisation" (the contract leaves it open): the event's `organisation` is set, is
not the mission's `organiser`, and no attendee belongs to it. An attendee of that
organisation is already someone of the receiving side who travels with the group, and the
organiser's own meetings need no outside contact. "No host" means `hosts` reaches no one
after `group:` and `org:` expansion (an `org:` of an organisation with no people listed
counts as nobody). B2B meetings are exempt: both sides sit at the table by design.
"""

from __future__ import annotations

from collections.abc import Iterator

from missionctl.checks import Check, Context
from missionctl.checks.support.index import live
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.wording import event_dated

CODE = "MC401"
KINDS = frozenset({"visit", "meeting"})


def other_organisation(mission: Mission, event: Event) -> str | None:
    """The organisation visited or met, when it is another one than the travellers' own."""
    org = event.organisation
    if org is None or org == mission.info.organiser:
        return None
    # `org_people[org]`: everyone whose `organisation` is org.
    if not mission.expand(event.attendees).isdisjoint(mission.org_people.get(org, ())):
        return None
    return org


def _finding(mission: Mission, event: Event, org_id: str) -> Finding:
    org = mission.organisations.get(org_id)
    name = org.name if org is not None else org_id
    message = (f"{event_dated(event)} is with {name}, but names no host from their side; add "
               "`hosts:` with the person who receives the delegation, so the group knows whom "
               "to ask for at the gate and whom to call if it runs late")
    return Finding(CODE, message, event.loc, subject=event.id)


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    for event in live(ctx):
        if event.kind not in KINDS or event.b2b is not None:
            continue
        if event.hosts and mission.expand(event.hosts):
            continue  # a host is named (the cheaper test first)
        org = other_organisation(mission, event)
        if org is not None:
            yield _finding(mission, event, org)


RULE = Check(
    code=CODE,
    why=(
        "A delegation arriving at a plant gate or an office reception needs a name to ask "
        "for and a number to call when the coach is late. A visit or meeting with an "
        "organisation that is neither the mission's organiser nor an attendee's own needs a "
        "host person. B2B meetings are exempt."
    ),
    bad=(
        "organisations:\n"
        "  atlas: {name: Atlas Auto}\n"
        "people:\n"
        "  ana: {name: Ana Silva}\n"
        "venues:\n"
        "  plant: {name: Atlas Auto plant}\n"
        "events:\n"
        "  tour:\n"
        "    kind: visit\n"
        "    title: Plant tour\n"
        "    organisation: atlas\n"
        "    venue: plant\n"
        "    start: 2027-05-12 10:00\n"
        "    end: 12:00\n"
        "    attendees: [ana]                # and no hosts"
    ),
    fix="Add `hosts:` naming the receiving person (e.g. `hosts: [salma-idrissi]`), with a "
        "phone or e-mail on that person.",
    run=run,
)
