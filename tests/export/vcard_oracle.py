"""The contact sheet's vCards as vobject 0.9.9 builds and serialises them: what
`render/vcard.py` wrote before it wrote the lines by hand (issue 10), kept as the oracle its
output must equal byte for byte."""

from __future__ import annotations

from typing import Any

from missionctl.export.text import multiline, one_line
from missionctl.render.vcard import split_name
from missionctl.views.contacts import ContactSheet, Embassy
from missionctl.views.people import Contact


def contacts(sheet: ContactSheet) -> str:
    """Every card of the sheet, CRLF line ends, in the sheet's order."""
    cards = [_person(sheet, c) for c in sheet.people]
    cards += [_embassy(sheet, e) for e in sheet.embassies]
    if sheet.emergency:
        cards.append(_emergency(sheet))
    return "".join(str(c.serialize()) for c in cards)


def _card(sheet: ContactSheet, uid: str, fn: str, family: str, given: str) -> Any:
    import vobject

    card = vobject.vCard()
    card.add("uid").value = f"{uid}@{sheet.mission_id}.missionctl"
    card.add("fn").value = one_line(fn)
    card.add("n").value = vobject.vcard.Name(family=one_line(family), given=one_line(given))
    card.add("categories").value = [one_line(sheet.title)]
    return card


def _person(sheet: ContactSheet, c: Contact) -> Any:
    family, given = split_name(c.name)
    card = _card(sheet, c.id, c.name, family, given)
    if c.organisation:
        card.add("org").value = [one_line(c.organisation)]
    if c.role:
        card.add("title").value = one_line(c.role)
    if c.phone:
        _typed(card, "tel", c.phone, "VOICE")
    if c.email:
        _typed(card, "email", c.email, "INTERNET")
    note = [sheet.title]
    if c.languages:
        note.insert(0, "Speaks " + ", ".join(c.languages))
    card.add("note").value = multiline(". ".join(note))
    return card


def _typed(card: Any, name: str, value: str, kind: str) -> None:
    prop = card.add(name)
    prop.value = one_line(value)
    prop.type_param = kind


def _embassy(sheet: ContactSheet, e: Embassy) -> Any:
    card = _card(sheet, f"org:{e.id}", e.name, e.name, "")
    card.add("org").value = [one_line(e.name)]
    card.add("x-abshowas").value = "COMPANY"
    if e.address or e.city:
        import vobject

        adr = card.add("adr")
        adr.value = vobject.vcard.Address(street=one_line(e.address or ""),
                                          city=one_line(e.city or ""))
        adr.type_param = "WORK"
    if e.phone:
        _typed(card, "tel", e.phone, "WORK")
    if e.email:
        _typed(card, "email", e.email, "INTERNET")
    if e.website:
        card.add("url").value = one_line(e.website)
    return card


def _emergency(sheet: ContactSheet) -> Any:
    name = f"Emergency numbers – {sheet.country_name}"
    card = _card(sheet, f"emergency:{sheet.country.lower()}", name, name, "")
    card.add("org").value = ["Emergency services"]
    for i, (service, number) in enumerate(sheet.emergency, start=1):
        tel = card.add("tel")
        tel.value = one_line(number)
        tel.group = f"item{i}"
        label = card.add("x-ablabel")
        label.value = one_line(service)
        label.group = f"item{i}"
    notes = [f"{s} {n}" for s, n in sheet.emergency]
    card.add("note").value = multiline("; ".join(notes) + (
        f". {sheet.emergency_note}" if sheet.emergency_note else ""))
    return card
