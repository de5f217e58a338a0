"""`missionctl new`: a small mission file that passes `check` with no finding about the
programme, to start from, and the schema beside it that its `$schema` line names (for editors).

One info may remain, and rightly: MC307 where a recent tz release changed the zone's rules
(Morocco's, in 2026c). It is about the zone, not the week, so no start date avoids it, and an
organiser must know it (export with `--times utc`); `ABOUT_THE_ZONE` lists such codes.

Without `--start`, the mission starts on the first Tuesday at least two weeks ahead whose two
days `check` finds nothing against (a public holiday, Ramadan hours...) in the host country;
the template is checked for real (`clean_start`), so no rule can be forgotten here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from missionctl import values as v
from missionctl.errors import UserError
from missionctl.schema import SCHEMA_FILE

#: Findings about the zone itself rather than the dates chosen: no start date avoids them.
ABOUT_THE_ZONE = frozenset({"MC307"})

#: Tuesdays tried for a clean default start before settling for the first.
WEEKS_TRIED = 26


def _default_start(today: date) -> date:
    day = today + timedelta(days=14)
    return day + timedelta(days=(1 - day.weekday()) % 7)  # the next Tuesday


def new_mission(name: str, country: str, zone: str, start: str | None,
                today: date | None = None) -> str:
    try:
        v.country(country)
        v.zone_name(zone)
        first = v.a_date(start) if start else None
    except v.Invalid as exc:
        raise UserError(str(exc)) from None
    ident = re.sub(r"[^A-Za-z0-9._-]", "-", name).strip("-._") or "mission"
    if first is None:
        return clean_start(ident[:64], country, zone, _default_start(today or date.today()))
    if first.weekday() >= 4:
        raise UserError(f"{first} is a {first:%A}; start the mission on a Monday to Thursday")
    return render(ident[:64], country, zone, first)


def render(ident: str, country: str, zone: str, d1: date) -> str:
    return TEMPLATE.format(id=ident, country=country, zone=zone, d1=d1,
                           d2=d1 + timedelta(days=1), schema=SCHEMA_FILE)


def clean_start(ident: str, country: str, zone: str, first: date) -> str:
    """The template on the first of WEEKS_TRIED Tuesdays from `first` that `check` finds
    nothing against (else on `first`: `check` then says what is wrong with that week)."""
    for week in range(WEEKS_TRIED):
        text = render(ident, country, zone, first + timedelta(weeks=week))
        if not about_the_dates(findings_of(text)):
            return text
    return render(ident, country, zone, first)


def about_the_dates(findings: list[str]) -> list[str]:
    """The findings a start date could avoid (all but `ABOUT_THE_ZONE`)."""
    return [f for f in findings if f.split(" ", 1)[0] not in ABOUT_THE_ZONE]


def findings_of(text: str) -> list[str]:
    """What `check` reports on a mission given as text (every severity, waived included)."""
    import tempfile
    from pathlib import Path

    from missionctl.linter import lint_loaded
    from missionctl.loader import load

    with tempfile.TemporaryDirectory(prefix="missionctl-new-") as folder:
        path = Path(folder) / "mission.yaml"
        path.write_text(text, encoding="utf-8")
        report = lint_loaded(load(path, "mission.yaml"))
    return [f"{f.code} {f.message}" for f in report.findings]


TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A new mission. `missionctl check` this file after every change; `missionctl rules`
# explains every finding. {schema}, beside this file, lets an editor with a YAML
# language server (VS Code: Red Hat's YAML extension) complete and check each key.
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
  hotel:
    name: Mission hotel
    city: Host city

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
  hotel-night:
    kind: stay
    title: Night at the mission hotel
    start: {d1} 19:00
    end: {d2} 08:00
    venue: hotel
    attendees: [duty-officer]
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
