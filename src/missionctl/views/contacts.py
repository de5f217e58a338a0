"""The contact sheet as plain data: the duty contact first, then the people by organisation,
then the host country's emergency numbers and the embassies and consulates of the mission.

Whole mission, or the people of one event (`--event`), of one day's events (`--day`), or of
one organisation (`--org`). With `public`, each person's `private` fields are left out.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from missionctl.i18n import Translator, translator
from missionctl.model import Mission, Organisation
from missionctl.views.people import Contact, contact, in_file_order


@dataclass(frozen=True, slots=True)
class OrgSection:
    id: str | None  # None: people without an organisation
    name: str
    type: str | None
    city: str | None
    phone: str | None
    email: str | None
    people: tuple[Contact, ...]


@dataclass(frozen=True, slots=True)
class Embassy:
    id: str
    name: str
    city: str | None
    address: str | None
    phone: str | None
    email: str | None
    website: str | None


@dataclass(frozen=True, slots=True)
class ContactSheet:
    mission_id: str
    title: str
    heading: str
    duty: Contact | None
    sections: tuple[OrgSection, ...]
    country: str  # host country code
    country_name: str
    emergency: tuple[tuple[str, str], ...]
    emergency_note: str
    embassies: tuple[Embassy, ...]
    public: bool
    lang: str = "en"  # the language of its labels (i18n.SUPPORTED)

    @property
    def people(self) -> tuple[Contact, ...]:
        first = (self.duty,) if self.duty is not None else ()
        return first + tuple(c for s in self.sections for c in s.people)


def people_for(mission: Mission, event: str | None = None, day: date | None = None,
               org: str | None = None) -> frozenset[str]:
    """Person ids on the sheet: everyone, or those of one event, day or organisation."""
    ids = frozenset(mission.people)
    if event is not None:
        ids &= mission.taking_part.get(event, frozenset())
    if day is not None:
        from missionctl.views.select import event_day

        on_day = [e for e in mission.events.values() if not e.cancelled and event_day(e) == day]
        ids &= frozenset().union(*(mission.taking_part.get(e.id, frozenset()) for e in on_day))
    if org is not None:
        ids &= mission.org_people.get(org, frozenset())
    return ids


def build(mission: Mission, event: str | None = None, day: date | None = None,
          org: str | None = None, public: bool = False, lang: str = "en") -> ContactSheet:
    """The sheet, with its headings in `lang` and each multilingual text in it."""
    from missionctl.practice.countries import practice
    from missionctl.views.itinerary import country_name
    from missionctl.views.localise import localised

    mission = localised(mission, lang)
    tr = translator(lang)
    info = mission.info
    duty = _duty(mission, public)
    ids = people_for(mission, event, day, org) - {info.contact}
    here = practice(info.host_country)
    return ContactSheet(
        mission_id=info.id, title=info.title,
        heading=_heading(mission, event, day, org, tr),
        duty=duty, sections=_sections(mission, ids, public, tr), country=here.code,
        country_name=country_name(info.host_country, here.name, lang),
        emergency=here.emergency, emergency_note=here.note,
        embassies=_embassies(mission), public=public, lang=lang,
    )


def _heading(mission: Mission, event: str | None, day: date | None, org: str | None,
             tr: Translator) -> str:
    from missionctl.wording import day_full

    parts = [tr._("Contacts")]
    if event is not None:
        parts.append(tr._("for {event}").format(event=mission.events[event].title))
    if org is not None:
        parts.append(tr._("of {organisation}").format(organisation=mission.organisations[org].name))
    if day is not None:
        parts.append(tr._("on {day}").format(day=day_full(day, tr.lang)))
    return " ".join(parts)


def emergency_line(numbers: tuple[tuple[str, str], ...], tr: Translator | None = None) -> str:
    """'police 19 · gendarmerie 177 · ambulance 15 · fire 15', the services named in the
    reader's language (`tr`; English without)."""
    from missionctl.i18n.labels import SERVICES, label_of

    tr = tr or translator("en")
    return " · ".join(f"{label_of(SERVICES, service, tr)} {number}" for service, number in numbers)


def sort_key(text: str) -> str:
    """Accents ignored, case folded: 'Émilie' sorts with 'Emilie', not after 'Z'."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


def _sections(mission: Mission, ids: frozenset[str], public: bool,
              tr: Translator) -> tuple[OrgSection, ...]:
    by_org: dict[str | None, list[str]] = {}
    for pid in in_file_order(mission, ids):
        org = mission.people[pid].organisation
        if public and "organisation" in mission.people[pid].private:
            org = None
        by_org.setdefault(org if org in mission.organisations else None, []).append(pid)
    organiser = mission.info.organiser

    def order(oid: str | None) -> tuple[int, str]:
        if oid is None:
            return (2, "")
        return (0 if oid == organiser else 1, sort_key(mission.organisations[oid].name))

    out = []
    for oid in sorted(by_org, key=order):
        people = sorted((contact(mission, p, public) for p in by_org[oid]),
                        key=lambda c: sort_key(c.name))
        out.append(_section(mission.organisations.get(oid) if oid else None, tuple(people), tr))
    return tuple(out)


def _section(org: Organisation | None, people: tuple[Contact, ...],
             tr: Translator) -> OrgSection:
    if org is None:
        return OrgSection(None, tr._("Other contacts"), None, None, None, None, people)
    return OrgSection(org.id, org.name, org.type, org.city, org.phone, org.email, people)


def _embassies(mission: Mission) -> tuple[Embassy, ...]:
    found = [o for o in mission.organisations.values() if o.type == "embassy"]
    found.sort(key=lambda o: sort_key(o.name))
    return tuple(Embassy(o.id, o.name, o.city, o.address, o.phone, o.email, o.website)
                 for o in found)


def _duty(mission: Mission, public: bool) -> Contact | None:
    pid = mission.info.contact
    return contact(mission, pid, public) if pid is not None and pid in mission.people else None
