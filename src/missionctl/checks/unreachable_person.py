"""MC402 unreachable-person: a person with neither phone nor e-mail.

Every person is checked, whatever their side: a host, a driver or an interpreter who cannot
be reached is as much a problem on the day as a delegate. Their organisation's phone or
e-mail does not count (decided): a switchboard does not reach someone standing at a plant
gate or sitting in a coach. A contact field listed in `private` still counts: it is known to
the organisers, only left out of shared exports.
"""

from __future__ import annotations

from collections.abc import Iterator

from missionctl.checks import PERSON, Check, Context
from missionctl.findings import Finding
from missionctl.model import Mission, Person

CODE = "MC402"


def who(mission: Mission, person: Person) -> str:
    """A person in words: 'Ana Silva (CEO, Moldes Norte)'."""
    org = mission.organisations.get(person.organisation) if person.organisation else None
    details = [d for d in (person.role, org.name if org else None) if d]
    return f"{person.name} ({', '.join(details)})" if details else person.name


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    for person in mission.people.values():
        if person.phone or person.email:
            continue
        message = (f"{who(mission, person)} has neither a phone number nor an e-mail address; "
                   "add `phone:` or `email:` so the organisers can reach them during the "
                   "mission (the organisation's number does not reach the person)")
        yield Finding(CODE, message, person.loc)


RULE = Check(
    code=CODE,
    why=(
        "On the day, plans change: a coach is late, a visit moves. Everyone on the programme "
        "must be reachable directly; an organisation's switchboard does not count. Fields "
        "marked `private` still count (they are only left out of shared exports)."
    ),
    bad=(
        "people:\n"
        "  rui-alves:\n"
        "    name: Rui Alves\n"
        "    role: Engineer                  # no phone, no email"
    ),
    fix="Add the person's mobile number (`phone:`) or e-mail (`email:`); mark it `private` if "
        "it must stay out of shared contact sheets.",
    run=run,
    places=PERSON,
)
