"""MC108 missing-translation: a text written in several languages lacks one of
`mission.languages`.

Optional (off unless `checks.severity` gives it a severity, or `--select MC108` names it):
most missions are written in one language, and a plain string is never judged, since its
language is not said. Only a text written as a mapping (`title: {pt: ..., fr: ...}`) tells
which languages it has, and so which it lacks. Reported at the text's value; on an event,
the event's `waive:` applies (the finding's subject is the event).

One pass over every object's multilingual fields: linear in the size of the mission.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from missionctl.checks import EVENT, MISSION, Check, Context
from missionctl.findings import Finding
from missionctl.i18n.text import MULTILINGUAL, Text
from missionctl.model import Mission

CODE = "MC108"

# The multilingual fields of each kind of object, by the noun a message names it with.
FIELDS = {
    "mission": MULTILINGUAL["MissionInfo"], "organisation": MULTILINGUAL["Organisation"],
    "person": MULTILINGUAL["Person"], "group": MULTILINGUAL["Group"],
    "venue": MULTILINGUAL["Venue"], "event": MULTILINGUAL["Event"],
    "B2B session": MULTILINGUAL["B2BSession"],
}


def _objects(mission: Mission) -> Iterator[tuple[str, Any]]:
    yield "mission", mission.info
    tables: tuple[tuple[str, Mapping[str, Any]], ...] = (
        ("organisation", mission.organisations), ("person", mission.people),
        ("group", mission.groups), ("venue", mission.venues), ("event", mission.events),
        ("B2B session", mission.b2b))
    for noun, table in tables:
        for obj in table.values():
            if noun == "event" and obj.b2b is not None:
                continue  # a meeting's title is made from its session's, not written
            yield noun, obj


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    langs = mission.info.languages
    if not langs:
        return
    for noun, obj in _objects(mission):
        for name in FIELDS[noun]:
            text = getattr(obj, name, None)
            if isinstance(text, Text):
                yield from _report(noun, obj, name, text, langs)
    for venue in mission.venues.values():
        for room in venue.rooms.values():
            if isinstance(room.name, Text):
                missing = room.name.missing(langs)
                if missing:
                    yield Finding(CODE, f"the name of room '{room.id}' of venue '{venue.id}' "
                                  f"{_lacks(missing)}", room.loc)


def _report(noun: str, obj: Any, name: str, text: Text,
            langs: Iterable[str]) -> Iterator[Finding]:
    missing = text.missing(tuple(langs))
    if not missing:
        return
    what = "the mission" if noun == "mission" else f"{noun} '{obj.id}'"
    loc = obj.locs.get(name, obj.loc)
    subject = obj.id if noun == "event" else None
    yield Finding(CODE, f"the {name} of {what} {_lacks(missing)}", loc, subject=subject)


def _lacks(missing: list[str]) -> str:
    codes = ", ".join(missing)
    langs = "a language" if len(missing) == 1 else "languages"
    return (f"has no text in {codes} ({langs} of `mission.languages`); add "
            f"{', '.join(f'{c}: ...' for c in missing)} so readers in "
            f"{'that language' if len(missing) == 1 else 'those languages'} do not get another")


RULE = Check(
    code=CODE,
    why=(
        "A text missing the reader's language is shown in another: a programme printed in "
        "Portuguese shows a title written only in French in French, which not every delegate "
        "reads. Optional: turn it on with `checks: {severity: {MC108: info}}` or "
        "`--select MC108`."
    ),
    bad=(
        "mission:\n"
        "  id: porto-visit\n"
        "  title: {pt: Visita ao Porto, fr: Visite à Porto}\n"
        "  host_country: PT\n"
        "  timezone: Europe/Lisbon\n"
        "  start: 2027-05-10\n"
        "  end: 2027-05-14\n"
        "  languages: [pt, fr]\n"
        "events:\n"
        "  plant-visit:\n"
        "    kind: visit\n"
        "    title: {pt: Visita à fábrica}   # no fr\n"
        "    start: 2027-05-11 10:00\n"
        "    duration: 2h"
    ),
    fix="Add the missing languages to the text's mapping (`fr: Visite de l'usine`), or waive "
        "it on the event (`waive: {MC108: \"...\"}`).",
    run=run,
    places=EVENT | MISSION,
)
