"""MC403 no-venue: exact (code, line, column); the body starts on line 9."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Found, ReportOf

BODY = """\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
venues:
  cmn: {name: Casablanca airport}
  hotel: {name: Hotel Anfa}
events:
"""
# Events start on line 16.


def only(found: Found, text: str, code: str = "MC403") -> list[tuple[str, int, int]]:
    every = found(BODY + text)
    assert [c for c in every if c[0].startswith("MC0")] == []
    return [c for c in every if c[0] == code]


def test_events_without_venue(report_of: ReportOf) -> None:
    report = report_of(BODY + """\
  dinner: {kind: meal, title: Welcome dinner, start: 2027-05-11 20:00, end: 22:00}
  lunch: {kind: meal, title: Lunch, venue: hotel, start: 2027-05-11 12:00, end: 13:00}
  rest: {kind: free, title: Free afternoon, start: 2027-05-12 14:00, end: 18:00}
""")
    found = [f for f in report.shown if f.code == "MC403"]
    assert [(f.loc.line, f.loc.column, f.subject) for f in found] == [
        (16, 3, "dinner"), (18, 3, "rest")]
    assert "'Welcome dinner' (Tue 11 May 20:00–22:00) has no venue" in found[0].message


def test_travel_needs_no_venue(found: Found) -> None:
    assert only(found, """\
  flight: {kind: travel, title: Flight home, from: cmn, to: hotel, start: 2027-05-14 15:00,\
      end: 16:00}
""") == []


def test_cancelled_is_not_checked(found: Found) -> None:
    assert only(found, """\
  dinner: {kind: meal, title: Dinner, start: 2027-05-11 20:00, end: 22:00, status: cancelled}
""") == []


def test_b2b_session_without_venue_is_reported_once(found: Found) -> None:
    assert only(found, """\
  lunch: {kind: meal, title: Lunch, venue: hotel, start: 2027-05-11 12:00, end: 13:00}
b2b:
  mm:
    title: Matchmaking
    date: 2027-05-11
    start: "14:00"
    end: "15:00"
    slot: 25m
    tables: 2
    meetings:
      - {at: "14:00", table: 1, between: [moldes, atlas]}
      - {at: "14:30", table: 1, between: [moldes, atlas]}
""") == [("MC403", 18, 3)]


def test_waiver_on_the_event(report_of: ReportOf) -> None:
    report = report_of(BODY + """\
  dinner: {kind: meal, title: Dinner, start: 2027-05-11 20:00, end: 22:00,\
      waive: {MC403: venue chosen on the day}}
""")
    assert [f.code for f in report.shown if f.code == "MC403"] == []
    assert [(f.code, f.loc.line) for f in report.waived] == [("MC403", 16)]
