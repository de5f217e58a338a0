"""MC202 over-capacity: exact (code, line, column); the body starts on line 9."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Found, ReportOf

BASE = """\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
people:
  ana: {name: Ana Silva, organisation: moldes, groups: [delegation]}
  rui: {name: Rui Alves, organisation: moldes}
  omar: {name: Omar Fassi, organisation: atlas}
  salma: {name: Salma Idrissi, organisation: atlas}
groups:
  delegation: {name: Delegation, members: [rui]}
venues:
  plant: {name: Atlas plant, capacity: 3}
  hotel:
    name: Hotel Anfa
    capacity: 100
    rooms:
      small: {name: Salle Mogador, capacity: 3}
events:
"""
# Events written after BASE start on line 27.


def only(found: Found, text: str, code: str = "MC202") -> list[tuple[str, int, int]]:
    every = found(text)
    assert [c for c in every if c[0].startswith("MC0")] == []
    return [c for c in every if c[0] == code]


def test_people_are_counted_once_after_group_and_org_expansion(found: Found) -> None:
    # ana twice (directly and through the group), rui through the group, omar and salma
    # through org:atlas, omar again as interpreter: 4 distinct people, and room for 3.
    assert only(found, BASE + """\
  talk:
    kind: meeting
    title: Supplier talk
    venue: hotel
    room: small
    start: 2027-05-11 10:00
    end: 11:00
    attendees: [ana, group:delegation]
    hosts: [org:atlas]
    interpreters: [omar]
""") == [("MC202", 27, 3)]


def test_exactly_at_capacity_is_fine(found: Found) -> None:
    assert only(found, BASE + """\
  talk:
    kind: meeting
    title: Supplier talk
    venue: hotel
    room: small
    start: 2027-05-11 10:00
    end: 11:00
    attendees: [ana, group:delegation, omar]
""") == []


def test_the_smallest_capacity_applies_and_is_named(report_of: ReportOf) -> None:
    report = report_of(BASE + """\
  talk: {kind: meeting, title: Talk, venue: hotel, room: small, capacity: 2,\
      start: 2027-05-11 10:00, end: 11:00, attendees: [org:moldes, org:atlas]}
  tour: {kind: visit, title: Plant tour, venue: plant, capacity: 10, start: 2027-05-12 10:00,\
      end: 11:00, attendees: [ana, rui, omar, group:delegation]}
""")
    found = [f for f in report.shown if f.code == "MC202"]
    assert [(f.loc.line, f.loc.column, f.subject) for f in found] == [(27, 3, "talk")]
    assert "4 people take part in 'Talk'" in found[0].message
    assert "the event's own capacity is 2" in found[0].message


def test_venue_capacity_applies_to_an_event_in_a_room(report_of: ReportOf) -> None:
    report = report_of(BASE.replace("capacity: 100", "capacity: 2") + """\
  talk: {kind: meeting, title: Talk, venue: hotel, room: small, start: 2027-05-11 10:00,\
      end: 11:00, attendees: [ana, rui, omar]}
""")
    [f] = [f for f in report.shown if f.code == "MC202"]
    assert (f.loc.line, f.loc.column) == (27, 3)
    assert "3 people" in f.message and "the capacity of venue Hotel Anfa is 2" in f.message


def test_no_capacity_no_finding(found: Found) -> None:
    assert only(found, BASE.replace("  plant: {name: Atlas plant, capacity: 3}",
                                     "  plant: {name: Atlas plant}") + """\
  tour: {kind: visit, title: Plant tour, venue: plant, start: 2027-05-12 10:00, end: 11:00,\
      attendees: [org:moldes, org:atlas]}
""") == []


def test_cancelled_event_is_not_counted(found: Found) -> None:
    assert only(found, BASE + """\
  tour: {kind: visit, title: Plant tour, venue: plant, start: 2027-05-12 10:00, end: 11:00,\
      attendees: [org:moldes, org:atlas, ana], status: cancelled}
  again: {kind: visit, title: Plant tour, venue: plant, start: 2027-05-13 10:00, end: 11:00,\
      attendees: [org:moldes, org:atlas, ana]}
""") == [("MC202", 28, 3)]


def test_b2b_meeting_counts_the_participants_of_both_organisations(found: Found) -> None:
    pair = "      small: {name: Salle Mogador, capacity: 3}\n"
    base = BASE.replace(pair, pair + "      pair: {capacity: 1}\n").replace("events:\n", "")
    assert only(found, base + """\
b2b:
  mm:
    title: Matchmaking
    venue: hotel
    room: pair
    date: 2027-05-11
    start: "14:00"
    end: "15:00"
    slot: 25m
    tables: 2
    participants: [ana, omar]
    meetings:
      - {at: "14:00", table: 1, between: [moldes, atlas]}
""") == [("MC202", 39, 9)]


def test_waiver_on_the_event(report_of: ReportOf) -> None:
    report = report_of(BASE + """\
  tour: {kind: visit, title: Plant tour, venue: plant, start: 2027-05-12 10:00, end: 11:00,\
      attendees: [org:moldes, org:atlas, ana], waive: {MC202: host agreed to 5}}
""")
    assert [f.code for f in report.shown if f.code == "MC202"] == []
    assert [(f.code, f.loc.line) for f in report.waived] == [("MC202", 27)]
