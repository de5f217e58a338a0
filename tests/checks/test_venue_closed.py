"""MC203 venue-closed: exact (code, line, column); the body starts on line 9.

2027-05-14 is a Friday, 2027-05-15 a Saturday.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Found, ReportOf

VENUES = """\
venues:
  plant:
    name: Atlas plant
    hours: {mon-fri: "07:00-19:00", sat-sun: closed}
  bar:
    name: Bar Rick
    hours: "18:00-24:00"
  lis:
    name: Lisbon office
    timezone: Europe/Lisbon
    hours: "09:00-18:00"
  hotel: {name: Hotel Anfa, hours: "07:00-22:00"}
events:
"""
# Events written after VENUES start on line 22.


def only(found: Found, text: str, code: str = "MC203") -> list[tuple[str, int, int]]:
    every = found(text)
    assert [c for c in every if c[0].startswith("MC0")] == []
    return [c for c in every if c[0] == code]


def test_closed_day(report_of: ReportOf) -> None:
    report = report_of(VENUES + """\
  sat: {kind: visit, title: Plant tour, venue: plant, start: 2027-05-15 10:00, end: 12:00}
  fri: {kind: visit, title: Plant tour, venue: plant, start: 2027-05-14 10:00, end: 12:00}
""")
    [f] = [f for f in report.shown if f.code == "MC203"]
    assert (f.loc.line, f.loc.column, f.subject) == (22, 3, "sat")
    assert "'Plant tour' (Sat 15 May 10:00–12:00) at Atlas plant" in f.message
    assert "closed on Saturday 15 May" in f.message


def test_outside_the_hours_of_an_open_day(found: Found) -> None:
    assert only(found, VENUES + """\
  early: {kind: visit, title: Early tour, venue: plant, start: 2027-05-14 06:30, end: 08:00}
  late: {kind: visit, title: Late tour, venue: plant, start: 2027-05-14 18:00, end: 19:01}
  edges: {kind: visit, title: Long tour, venue: plant, start: 2027-05-13 07:00, end: 19:00}
""") == [("MC203", 22, 3), ("MC203", 23, 3)]


def test_event_ending_at_midnight_fits_hours_ending_at_24(found: Found) -> None:
    assert only(found, VENUES + """\
  dinner: {kind: meal, title: Dinner, venue: bar, start: 2027-05-11 20:00, end: 2027-05-12 00:00}
""") == []


def test_event_past_midnight_must_fit_the_next_day_too(report_of: ReportOf) -> None:
    report = report_of(VENUES + """\
  dinner: {kind: meal, title: Dinner, venue: bar, start: 2027-05-11 20:00, end: 2027-05-12 00:30}
""")
    [f] = [f for f in report.shown if f.code == "MC203"]
    assert (f.loc.line, f.loc.column) == (22, 3)
    assert "open only 18:00-24:00 on Wednesday 12 May" in f.message


def test_hours_are_read_in_the_venue_zone(found: Found) -> None:
    # Lisbon is UTC+1 in May, Casablanca UTC+0: 09:30 in Lisbon is open, 08:30 is not.
    assert only(found, VENUES + """\
  ok: {kind: meeting, title: Briefing, venue: lis, start: 2027-05-11 09:30, end: 10:30}
  early: {kind: meeting, title: Briefing, venue: lis, start: 2027-05-11 08:30, end: 09:30}
""") == [("MC203", 23, 3)]


def test_travel_and_stay_are_not_checked_free_is(found: Found) -> None:
    assert only(found, VENUES + """\
  night: {kind: stay, title: Hotel, venue: plant, start: 2027-05-14 15:00, end: 2027-05-16 11:00}
  trip: {kind: travel, title: Coach, venue: plant, from: plant, to: hotel,\
      start: 2027-05-15 06:00, end: 07:00}
  rest: {kind: free, title: Free time, venue: plant, start: 2027-05-15 10:00, end: 12:00}
""") == [("MC203", 24, 3)]


def test_cancelled_event_is_not_checked(found: Found) -> None:
    assert only(found, VENUES + """\
  sat: {kind: visit, title: Plant tour, venue: plant, start: 2027-05-15 10:00, end: 12:00,\
      status: cancelled}
""") == []


def test_b2b_session_is_checked_once_at_the_session(found: Found) -> None:
    assert only(found, VENUES.replace("events:\n", "") + """\
b2b:
  mm:
    title: Matchmaking
    venue: hotel
    date: 2027-05-11
    start: "20:00"
    end: "23:00"
    slot: 25m
    tables: 2
    meetings:
      - {at: "22:00", table: 1, between: [moldes, atlas]}
      - {at: "22:30", table: 1, between: [moldes, atlas]}
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
""") == [("MC203", 22, 3)]


def test_waiver_on_the_event(report_of: ReportOf) -> None:
    report = report_of(VENUES + """\
  sat: {kind: visit, title: Plant tour, venue: plant, start: 2027-05-15 10:00, end: 12:00,\
      waive: {MC203: opens for us}}
""")
    assert [f.code for f in report.shown if f.code == "MC203"] == []
    assert [(f.code, f.loc.line) for f in report.waived] == [("MC203", 22)]


def test_an_overnight_event_names_the_first_day_it_does_not_fit(report_of: ReportOf) -> None:
    # The plant closes at 19:00 on Thursday: the night shift visit fails on Thursday already.
    report = report_of(VENUES + """\
  night: {kind: visit, title: Night shift, venue: plant, start: 2027-05-13 18:00,\
      end: 2027-05-14 08:00}
""")
    [f] = [f for f in report.shown if f.code == "MC203"]
    assert (f.loc.line, f.loc.column) == (22, 3)
    assert "open only 07:00-19:00 on Thursday 13 May" in f.message
