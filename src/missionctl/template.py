"""`missionctl new`: a small mission file that passes `check`, to start from."""

from __future__ import annotations

import re
from datetime import date, timedelta

from missionctl import values as v
from missionctl.errors import UserError


def _default_start(today: date) -> date:
    day = today + timedelta(days=14)
    return day + timedelta(days=(1 - day.weekday()) % 7)  # the next Tuesday


def new_mission(name: str, country: str, zone: str, start: str | None,
                today: date | None = None) -> str:
    try:
        v.country(country)
        v.zone_name(zone)
        first = v.a_date(start) if start else _default_start(today or date.today())
    except v.Invalid as exc:
        raise UserError(str(exc)) from None
    if first.weekday() >= 4:
        raise UserError(f"{first} is a {first:%A}; start the mission on a Monday to Thursday")
    ident = re.sub(r"[^A-Za-z0-9._-]", "-", name).strip("-._") or "mission"
    d1 = first
    return TEMPLATE.format(id=ident[:64], country=country, zone=zone, d1=d1,
                           d2=d1 + timedelta(days=1))


TEMPLATE = """\
# yaml-language-server: $schema=https://example.org/missionctl/mission-1.schema.json
# A new mission. `missionctl check` this file after every change; `missionctl rules`
# explains every finding.
missionctl: 1

mission:
  id: {id}
  title: New trade mission
  host_country: {country}
  timezone: {zone}
  start: {d1}
  end: {d2}
  languages: [en]
  contact: duty-officer

organisations:
  our-cluster:
    name: Our cluster
    type: cluster
  host-company:
    name: Host company
    type: company
    country: {country}

people:
  duty-officer:
    name: Duty Officer
    organisation: our-cluster
    side: organiser
    email: duty@example.org
    phone: "+000 000 000 000"
    languages: [en]
  host-contact:
    name: Host Contact
    organisation: host-company
    side: host
    email: host@example.com
    languages: [en]

venues:
  host-plant:
    name: Host company plant
    city: Host city
    hours: {{mon-fri: "08:00-18:00", sat-sun: closed}}
    capacity: 20

events:
  plant-visit:
    kind: visit
    title: Visit of the host company's plant
    start: {d1} 10:00
    end: "11:30"
    venue: host-plant
    organisation: host-company
    attendees: [duty-officer]
    hosts: [host-contact]
  follow-up:
    kind: meeting
    title: Follow-up meeting
    start: {d2} 10:00
    duration: 1h
    venue: host-plant
    organisation: host-company
    attendees: [duty-officer]
    hosts: [host-contact]
"""
