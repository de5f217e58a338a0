"""MC405 no-attendees: exact (code, line, column); the body starts on line 9."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Found, ReportOf

BODY = """\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
  sebou: {name: Sebou Plastiques}
  empty: {name: Nobody Listed SA}
people:
  ana: {name: Ana Silva, organisation: moldes}
  omar: {name: Omar Fassi, organisation: atlas}
  sara: {name: Sara, organisation: sebou}
venues:
  hotel: {name: Hotel Anfa}
events:
"""
# Events start on line 21.


def only(found: Found, text: str, code: str = "MC405") -> list[tuple[str, int, int]]:
    every = found(BODY + text)
    assert [c for c in every if c[0].startswith("MC0")] == []
    return [c for c in every if c[0] == code]


def test_events_nobody_takes_part_in(found: Found) -> None:
    assert only(found, """\
  a: {kind: meal, title: Lunch, venue: hotel, start: 2027-05-11 12:00, end: 13:00}
  b: {kind: meal, title: Dinner, venue: hotel, start: 2027-05-11 20:00, end: 22:00,\
      attendees: [org:empty]}
  c: {kind: meal, title: Breakfast, venue: hotel, start: 2027-05-12 08:00, end: 09:00,\
      attendees: [ana]}
  d: {kind: meeting, title: Call, venue: hotel, start: 2027-05-12 10:00, end: 11:00, hosts: [omar]}
  e: {kind: meal, title: Old lunch, venue: hotel, start: 2027-05-12 12:00, end: 13:00,\
      status: cancelled}
""") == [("MC405", 21, 3), ("MC405", 22, 3)]


def test_b2b_meeting_whose_organisations_have_no_participants(report_of: ReportOf) -> None:
    report = report_of(BODY + """\
  c: {kind: meal, title: Breakfast, venue: hotel, start: 2027-05-12 08:00, end: 09:00,\
      attendees: [ana]}
b2b:
  mm:
    title: Matchmaking
    venue: hotel
    date: 2027-05-11
    start: "14:00"
    end: "15:00"
    slot: 25m
    tables: 2
    participants: [ana, omar]
    meetings:
      - {at: "14:00", table: 1, between: [moldes, atlas]}
      - {at: "14:00", table: 2, between: [sebou, empty]}
""")
    found = [f for f in report.shown if f.code == "MC405"]
    assert [(f.loc.line, f.loc.column, f.subject) for f in found] == [
        (34, 9, "mm.14:00.2")]
    assert "nobody sits at B2B meeting Sebou Plastiques – Nobody Listed SA at 14:00, table 2" \
        in found[0].message


def test_waiver_on_the_event(report_of: ReportOf) -> None:
    report = report_of(BODY + """\
  a: {kind: meal, title: Lunch, venue: hotel, start: 2027-05-11 12:00, end: 13:00,\
      waive: {MC405: guest list pending}}
""")
    assert [f.code for f in report.shown if f.code == "MC405"] == []
    assert [(f.code, f.loc.line) for f in report.waived] == [("MC405", 21)]
