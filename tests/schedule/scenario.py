"""Missions with a B2B session for the schedule tests, written to a folder, and what `check`
says about them.

A `Scenario` holds organisations (each with one person, `<org>-p`, unless told otherwise),
extra YAML (events, venues, people's fields), the session's fields, requests and meetings.
`write()` gives a mission file that includes `b2b-meetings.yaml` (the include may come first).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from missionctl.linter import lint_file

HARD = ("MC101", "MC102", "MC103", "MC201", "MC204")

HEAD = """\
missionctl: 1
mission:
  id: b2b-test
  title: B2B test
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
include: [{include}]
checks:
  severity: {{MC401: off, MC402: off, MC205: off, MC106: off}}
"""


@dataclass
class Scenario:
    orgs: list[str]
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # (from, to, priority)
    start: str = "14:00"
    end: str = "16:00"
    slot: str = "25m"
    gap: str = "5m"
    tables: int = 4
    people: dict[str, list[str]] = field(default_factory=dict)  # org -> extra people's ids
    person_fields: dict[str, str] = field(default_factory=dict)  # person -> ", arrival: ..."
    venues: str = ""
    events: str = ""
    meetings: list[tuple[str, int, str, str]] = field(default_factory=list)  # (at, table, a, b)
    session_extra: str = ""
    include: str = "b2b-meetings.yaml"

    def members(self, org: str) -> list[str]:
        return [f"{org}-p", *self.people.get(org, [])]

    def text(self) -> str:
        out = [HEAD.format(include=self.include)]
        out.append("venues:\n  hotel: {name: Hotel Anfa, city: Casablanca, "
                   "geo: [33.5890, -7.6300], rooms: {ballroom: {name: Ballroom}}}\n")
        out.append(textwrap.indent(textwrap.dedent(self.venues), "  "))
        out.append("organisations:\n")
        out += [f"  {o}: {{name: {o.title()} Lda}}\n" for o in self.orgs]
        out.append("people:\n")
        for o in self.orgs:
            for p in self.members(o):
                out.append(f"  {p}: {{name: {p.title()}, organisation: {o}, "
                           f"email: {p}@example.org{self.person_fields.get(p, '')}}}\n")
        if self.events.strip():
            out.append("events:\n" + textwrap.indent(textwrap.dedent(self.events), "  "))
        out.append(
            f"b2b:\n  fair:\n    title: B2B fair\n    venue: hotel\n    room: ballroom\n"
            f"    date: 2027-05-11\n    start: \"{self.start}\"\n    end: \"{self.end}\"\n"
            f"    slot: {self.slot}\n    gap: {self.gap}\n    tables: {self.tables}\n"
            f"    participants: [{', '.join('org:' + o for o in self.orgs)}]\n"
            f"{self.session_extra}")
        if self.requests:
            out.append("    requests:\n")
            out += [f"      - {{from: {a}, to: {b}, priority: {p}}}\n"
                    for a, b, p in self.requests]
        if self.meetings:
            out.append("    meetings:\n")
            out += [f"      - {{at: \"{at}\", table: {t}, between: [{a}, {b}]}}\n"
                    for at, t, a, b in self.meetings]
        return "".join(out)

    def write(self, folder: Path, name: str = "mission.yaml") -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_text(self.text(), encoding="utf-8")
        return path


def hard_findings(path: Path) -> list[tuple[str, str]]:
    """(code, message) of every MC101, MC102, MC103, MC201 and MC204 `check` reports."""
    report = lint_file(path)
    assert report.checked, [f.message for f in report.shown]
    return [(f.code, f.message) for f in report.shown if f.code in HARD]


def planned(path: Path) -> list[tuple[str, int, str, str]]:
    """The meetings of the generated file: (at, table, a, b), in file order."""
    import re

    text = path.read_text(encoding="utf-8")
    found = re.findall(r'\{at: "(\d\d:\d\d)", table: (\d+), between: \[([^,]+), ([^\]]+)\]\}',
                       text)
    return [(at, int(t), a, b) for at, t, a, b in found]
