"""MC406 night-without-stay: exact (code, line, column); the body starts on line 9.

2027-05-10 is a Monday; Casablanca is UTC+0 in May 2027. Ana is on line 15, Omar (a host)
on line 16; events start on line 19.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Found, ReportOf

BODY = """\
organisations:
  moldes: {name: Moldes Norte}
venues:
  hotel: {name: Hotel Anfa}
  cmn: {name: Casablanca airport}
people:
  ana: {name: Ana Silva, arrival: 2027-05-10 10:30, departure: 2027-05-13 18:00}
  omar: {name: Omar Fassi, side: host, arrival: 2027-05-10 08:00, departure: 2027-05-13 18:00}
  rui: {name: Rui Alves, side: guest}
events:
"""
ANA = (15, 3)
DATES = ", arrival: 2027-05-10 10:30, departure: 2027-05-13 18:00"  # Ana's, for removal


def messages(report_of: ReportOf, events: str) -> list[tuple[int, int, str]]:
    report = report_of(BODY + events)
    assert [f.code for f in report.shown if f.code.startswith("MC0")] == []
    return [(f.loc.line, f.loc.column, f.message) for f in report.shown if f.code == "MC406"]


def test_arrival_and_departure_span_nights_without_stay(report_of: ReportOf) -> None:
    [(line, col, message)] = messages(report_of, """\
  lunch: {kind: meal, title: Lunch, venue: hotel, start: 2027-05-11 12:00, end: 13:00,\
      attendees: [omar]}
""")
    assert (line, col) == ANA
    assert "Ana Silva is in the mission overnight with no stay for the nights " \
        "Mon 10 May → Thu 13 May (3 nights)" in message


def test_a_stay_covering_every_night(report_of: ReportOf) -> None:
    assert messages(report_of, """\
  hotel: {kind: stay, title: Hotel Anfa, venue: hotel, start: 2027-05-10 15:00,\
      end: 2027-05-13 11:00, attendees: [ana]}
""") == []


def test_only_the_uncovered_nights_are_listed(report_of: ReportOf) -> None:
    # Night 10->11 covered; 11->12 not; 12->13 covered by two stays handing over at 03:00.
    [(line, col, message)] = messages(report_of, """\
  first: {kind: stay, title: Hotel Anfa, venue: hotel, start: 2027-05-10 15:00,\
      end: 2027-05-11 11:00, attendees: [ana]}
  late: {kind: stay, title: Hotel Anfa, venue: hotel, start: 2027-05-12 15:00,\
      end: 2027-05-13 03:00, attendees: [ana]}
  early: {kind: stay, title: Airport hotel, venue: cmn, start: 2027-05-13 03:00,\
      end: 2027-05-13 11:00, attendees: [ana]}
""")
    assert (line, col) == ANA
    assert "for the night Tue 11 May → Wed 12 May;" in message


def test_separate_runs_of_nights(report_of: ReportOf) -> None:
    [(line, col, message)] = messages(report_of, """\
  mid: {kind: stay, title: Hotel Anfa, venue: hotel, start: 2027-05-11 15:00,\
      end: 2027-05-12 11:00, attendees: [ana]}
""")
    assert (line, col) == ANA
    assert "nights Mon 10 May → Tue 11 May, Wed 12 May → Thu 13 May;" in message


def test_a_cancelled_stay_covers_nothing(report_of: ReportOf) -> None:
    [(line, col, _)] = messages(report_of, """\
  hotel: {kind: stay, title: Hotel Anfa, venue: hotel, start: 2027-05-10 15:00,\
      end: 2027-05-13 11:00, attendees: [ana], status: cancelled}
""")
    assert (line, col) == ANA


def test_events_on_consecutive_days_make_a_night(found: Found) -> None:
    body = BODY.replace(DATES, "", 1)
    every = found(body + """\
  dinner: {kind: meal, title: Dinner, venue: hotel, start: 2027-05-11 20:00, end: 22:00,\
      attendees: [ana, omar, rui]}
  visit: {kind: visit, title: Visit, venue: hotel, start: 2027-05-12 10:00, end: 12:00,\
      attendees: [ana, omar, rui]}
""")
    # Ana and Rui (a guest) need a bed; Omar is a host.
    assert [c for c in every if c[0] in ("MC406",) or c[0].startswith("MC0")] == [
        ("MC406", 15, 3), ("MC406", 17, 3)]


def test_travelling_through_the_night_needs_no_bed(found: Found) -> None:
    body = BODY.replace(DATES, "", 1)
    every = found(body + """\
  dinner: {kind: meal, title: Dinner, venue: hotel, start: 2027-05-11 20:00, end: 22:00,\
      attendees: [ana]}
  redeye: {kind: travel, title: Night flight, from: cmn, to: cmn, start: 2027-05-11 23:30,\
      end: 2027-05-12 04:00, attendees: [ana]}
  visit: {kind: visit, title: Visit, venue: hotel, start: 2027-05-12 10:00, end: 12:00,\
      attendees: [ana]}
""")
    assert [c for c in every if c[0] == "MC406" or c[0].startswith("MC0")] == []


def test_leaving_before_the_small_hours_is_no_night(found: Found) -> None:
    # A flight home at 00:30 is on the next day, but Ana is gone before 02:00.
    body = BODY.replace(DATES, "", 1)
    every = found(body + """\
  dinner: {kind: meal, title: Dinner, venue: hotel, start: 2027-05-11 20:00, end: 22:00,\
      attendees: [ana]}
  home: {kind: travel, title: Flight home, from: cmn, to: cmn, start: 2027-05-12 00:30,\
      end: 2027-05-12 01:45, attendees: [ana]}
""")
    assert [c for c in every if c[0] == "MC406" or c[0].startswith("MC0")] == []


def test_global_waiver(report_of: ReportOf) -> None:
    report = report_of(BODY + """\
  lunch: {kind: meal, title: Lunch, venue: hotel, start: 2027-05-11 12:00, end: 13:00,\
      attendees: [ana]}
checks:
  waive: {MC406: hotel booked by each company}
""")
    assert [f.code for f in report.shown if f.code == "MC406"] == []
    assert [(f.code, f.loc.line) for f in report.waived] == [("MC406", 15)]
