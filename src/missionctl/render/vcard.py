"""vCard 3.0 (RFC 2426) for the contact sheet: one card per person, one per embassy or
consulate, and one card holding the host country's emergency numbers. The content lines are
written by `missionctl.export.vcard` (by hand, for speed: see there), byte for byte as vobject
0.9.9 wrote them, which the tests check by reading every card back with vobject.

Phones import vCard 3.0 everywhere (no vobject release writes 4.0). UIDs are stable
(`<person-id>@<mission-id>.missionctl`; `org:<id>@...` and `emergency:<country>@...` for the
other cards, ':' being outside every id), so importing a newer sheet updates the cards on clients
that match by UID. Each number on the emergency card is labelled with the Apple convention
(`itemN.TEL` + `itemN.X-ABLABEL`), which other clients ignore harmlessly.

Every value goes through `missionctl.export.text` first: vCard 3.0 (RFC 2425/2426) allows no
control character but the tab, and line breaks only in NOTE (written `\\n`); one-line values
(FN, N, ORG, TITLE, TEL, EMAIL...) get line breaks as spaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from missionctl.export.text import multiline, one_line
from missionctl.export.vcard import card, line, structured
from missionctl.views.contacts import ContactSheet, Embassy
from missionctl.views.people import Contact

if TYPE_CHECKING:
    from missionctl.render import Options


def split_name(name: str) -> tuple[str, str]:
    """(family, given): the last word is the family name ('Fatima Zahra Amrani' ->
    ('Amrani', 'Fatima Zahra')); one word is a family name alone."""
    words = one_line(name).split()
    if len(words) <= 1:
        return (one_line(name), "")
    return (words[-1], " ".join(words[:-1]))


def contacts(sheet: ContactSheet) -> str:
    """Every card of the sheet, CRLF line ends, in the sheet's order."""
    # The same two lines on every card (the mission's title), escaped and folded once.
    common = _Common(line("CATEGORIES", one_line(sheet.title)),
                     f"{sheet.mission_id}.missionctl")
    cards = [_person(sheet, common, c) for c in sheet.people]
    cards += [_embassy(common, e) for e in sheet.embassies]
    if sheet.emergency:
        cards.append(_emergency(sheet, common))
    return "".join(cards)


@dataclass(frozen=True, slots=True)
class _Common:
    categories: str  # the CATEGORIES line
    domain: str  # UIDs end `@<domain>`


def _names(common: _Common, uid: str, fn: str, family: str, given: str) -> list[str]:
    """UID, CATEGORIES, FN, N: every card has them (the others go between, by name)."""
    return [line("UID", f"{uid}@{common.domain}"), common.categories, line("FN", one_line(fn)),
            "N:" + structured(one_line(family), one_line(given), "", "", "")]


def _person(sheet: ContactSheet, common: _Common, c: Contact) -> str:
    family, given = split_name(c.name)
    uid, categories, fn, n = _names(common, c.id, c.name, family, given)
    lines = [uid, categories]
    if c.email:
        lines.append(line("EMAIL", one_line(c.email), ";TYPE=INTERNET"))
    note = [sheet.title]
    if c.languages:
        note.insert(0, "Speaks " + ", ".join(c.languages))
    lines += [fn, n, line("NOTE", multiline(". ".join(note)))]
    if c.organisation:
        lines.append("ORG:" + structured(one_line(c.organisation)))
    if c.phone:
        lines.append(line("TEL", one_line(c.phone), ";TYPE=VOICE"))
    if c.role:
        lines.append(line("TITLE", one_line(c.role)))
    return card(lines)


def _embassy(common: _Common, e: Embassy) -> str:
    uid, categories, fn, n = _names(common, f"org:{e.id}", e.name, e.name, "")
    lines = [uid]
    if e.address or e.city:
        lines.append("ADR;TYPE=WORK:" + structured("", "", one_line(e.address or ""),
                                                   one_line(e.city or ""), "", "", ""))
    lines.append(categories)
    if e.email:
        lines.append(line("EMAIL", one_line(e.email), ";TYPE=INTERNET"))
    lines += [fn, n, "ORG:" + structured(one_line(e.name))]
    if e.phone:
        lines.append(line("TEL", one_line(e.phone), ";TYPE=WORK"))
    if e.website:
        lines.append(line("URL", one_line(e.website)))
    lines.append("X-ABSHOWAS:COMPANY")
    return card(lines)


def _emergency(sheet: ContactSheet, common: _Common) -> str:
    name = f"Emergency numbers – {sheet.country_name}"
    lines = _names(common, f"emergency:{sheet.country.lower()}", name, name, "")
    notes = [f"{s} {n}" for s, n in sheet.emergency]
    lines.insert(4, line("NOTE", multiline("; ".join(notes) + (
        f". {sheet.emergency_note}" if sheet.emergency_note else ""))))
    lines.append("ORG:" + structured("Emergency services"))
    numbered = list(enumerate(sheet.emergency, start=1))
    lines += [line(f"item{i}.TEL", one_line(number)) for i, (_s, number) in numbered]
    lines += [line(f"item{i}.X-ABLABEL", one_line(service)) for i, (service, _n) in numbered]
    return card(lines)


def _contacts(sheet: ContactSheet, options: Options) -> str:
    return contacts(sheet)


VIEWS = {"contacts": _contacts}
