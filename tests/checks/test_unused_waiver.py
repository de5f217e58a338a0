"""MC407 unused-waiver, and waivers on people (whole codes and single days), B2B sessions
and meetings: exact (code, line, column). The body starts on line 9."""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from missionctl.checks import Context
from missionctl.checks.unused_waiver import run
from missionctl.linter import FileReport, Selection

if TYPE_CHECKING:
    from conftest import Found, Load, ReportOf

CODE = "MC407"


def at(text: str, needle: str, code: str = CODE) -> tuple[str, int, int]:
    """(code, line, column) of `needle`, on the one line holding it."""
    lines = textwrap.dedent(text).splitlines()
    hits = [(i + 9, line.index(needle) + 1) for i, line in enumerate(lines) if needle in line]
    assert len(hits) == 1, hits
    return (code, *hits[0])


PEOPLE = """\
people:
  ana: {name: Ana Silva, email: ana@example.org}
  rui: {name: Rui Costa}
"""
LONG_DAYS = PEOPLE + """\
events:
  d1-start: {kind: travel, title: Flight in, start: 2027-05-10 06:00, end: 07:00, attendees: [ana]}
  d1-end: {kind: meal, title: Dinner one, start: 2027-05-10 20:00, end: 22:00, attendees: [ana]}
  d2-start: {kind: visit, title: Early visit, start: 2027-05-11 06:00, end: 07:00, attendees: [ana]}
  d2-end: {kind: meal, title: Dinner two, start: 2027-05-11 20:00, end: 22:00, attendees: [ana]}
"""


def shown(report: FileReport, *codes: str) -> list[tuple[str, int, int]]:
    return sorted((f.code, f.loc.line, f.loc.column) for f in report.shown if f.code in codes)


def waived(report: FileReport) -> list[tuple[str, int, str | None]]:
    return sorted((f.code, f.loc.line, f.waived) for f in report.waived)


# -- waivers on a person -----------------------------------------------------------------------

def test_a_person_waives_a_person_rule(report_of: ReportOf) -> None:
    text = PEOPLE.replace("rui: {name: Rui Costa}", "rui: {name: Rui Costa, waive: {MC402: reached through Ana}}")
    report = report_of(text)
    assert shown(report, "MC402", CODE) == []
    assert waived(report) == [("MC402", at(text, "rui:")[1], "reached through Ana")]


def test_a_person_waives_one_day_only(report_of: ReportOf) -> None:
    text = LONG_DAYS.replace("email: ana@example.org}", "email: ana@example.org, waive: {MC105: {2027-05-10: arrival day}}}")
    report = report_of(text)
    ana = at(text, "ana:", "MC105")
    assert shown(report, "MC105", CODE) == [ana]  # the 11th is still too long
    [finding] = report.waived
    assert (finding.code, finding.loc.line, finding.waived, finding.day.isoformat() if finding.day else None) == (
        "MC105", ana[1], "arrival day", "2027-05-10")


def test_a_night_is_waived_by_the_date_of_its_evening(report_of: ReportOf) -> None:
    text = """\
people:
  ana: {name: Ana Silva, email: a@example.org, arrival: 2027-05-10 10:00, departure: 2027-05-13 18:00, waive: {MC406: {2027-05-11: stays with family}}}
"""
    report = report_of(text)
    [rest] = [f for f in report.shown if f.code == "MC406"]
    assert "the nights Mon 10 May → Tue 11 May, Wed 12 May → Thu 13 May;" in rest.message
    [night] = report.waived
    assert (night.code, night.waived) == ("MC406", "stays with family")
    assert "the night Tue 11 May → Wed 12 May;" in night.message


# -- interpreters and waivers on B2B sessions and meetings -------------------------------------

B2B = """\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
  sebou: {name: Sebou}
  lusa: {name: Lusa Moldes}
people:
  ana: {name: Ana Silva, organisation: moldes, email: a@example.org, languages: [pt]}
  karim: {name: Karim Alaoui, organisation: atlas, side: host, email: k@example.org, languages: [ar, fr]}
  sara: {name: Sara Idrissi, organisation: sebou, side: host, email: s@example.org, languages: [ar, fr]}
  rui: {name: Rui Costa, organisation: lusa, email: r@example.org, languages: [pt]}
  leila: {name: Leila Benali, side: interpreter, email: l@example.org, languages: [pt, fr]}
venues:
  hotel: {name: Hotel Anfa, rooms: {ballroom: {name: Ballroom}}}
b2b:
  mm:
    title: Matchmaking
    venue: hotel
    room: ballroom
    date: 2027-05-12
    start: "14:00"
    end: "15:00"
    slot: 25m
    tables: 2
    participants: [ana, karim, sara, rui]
    meetings:
      - {at: "14:00", table: 1, between: [moldes, atlas]}
      - {at: "14:00", table: 2, between: [lusa, sebou]}
"""


def test_b2b_meetings_without_interpreter_give_language_gaps(found: Found) -> None:
    assert found(B2B, code="MC107") == [
        at(B2B, '{at: "14:00", table: 1', "MC107"), at(B2B, '{at: "14:00", table: 2', "MC107")]


def test_a_sessions_interpreters_serve_every_meeting(found: Found) -> None:
    text = B2B.replace("    meetings:\n", "    interpreters: [leila]\n    meetings:\n")
    assert found(text, code="MC107") == []
    # Leila moves between the two tables at 14:00: she is not booked twice.
    assert found(text, code="MC101") == []


def test_a_meetings_interpreter_serves_that_meeting(found: Found) -> None:
    text = B2B.replace("between: [moldes, atlas]}", "between: [moldes, atlas], interpreters: [leila]}")
    assert found(text, code="MC107") == [at(B2B, '{at: "14:00", table: 2', "MC107")]


def test_a_session_waiver_reaches_its_meetings_and_the_session(report_of: ReportOf) -> None:
    text = B2B.replace("    meetings:\n", "    waive: {MC107: interpreters from the chamber, MC201: the ballroom is shared}\n    meetings:\n") + """\
events:
  talk: {kind: presentation, title: Talk, venue: hotel, room: ballroom, start: 2027-05-12 14:30, end: 15:30}
"""
    report = report_of(text)
    assert shown(report, "MC107", "MC201", CODE) == []
    assert [(f.code, f.waived) for f in report.waived] == [
        ("MC107", "interpreters from the chamber"), ("MC107", "interpreters from the chamber"),
        ("MC201", "the ballroom is shared")]


def test_a_meeting_waiver_reaches_that_meeting(report_of: ReportOf) -> None:
    text = B2B.replace("between: [lusa, sebou]}", "between: [lusa, sebou], waive: {MC107: Sara brings her own}}")
    report = report_of(text)
    assert shown(report, "MC107") == [at(B2B, '{at: "14:00", table: 1', "MC107")]
    assert [(f.code, f.waived) for f in report.waived] == [("MC107", "Sara brings her own")]


# -- MC407: a waiver that waives nothing ---------------------------------------------------------

def test_a_person_rule_waived_on_an_event(found: Found, report_of: ReportOf) -> None:
    text = LONG_DAYS.replace("title: Flight in,", "title: Flight in, waive: {MC105: arrival day},")
    assert found(text, code=CODE) == [at(text, "MC105:")]
    [f] = [f for f in report_of(text).shown if f.code == CODE]
    assert f.message == (
        "the waiver of MC105 on event 'd1-start' waives nothing: MC105 reports "
        "about a person, never about an event; move it to the person (people.<id>.waive), "
        "or remove it")
    assert f.severity is not None and f.severity.label == "info"


def test_an_event_rule_waived_on_a_person(report_of: ReportOf) -> None:
    text = PEOPLE.replace("rui: {name: Rui Costa}", "rui: {name: Rui Costa, email: r@example.org, waive: {MC101: always busy}}")
    [f] = [f for f in report_of(text).shown if f.code == CODE]
    assert (f.loc.line, f.loc.column) == at(text, "MC101:")[1:]
    assert f.message == (
        "the waiver of MC101 on Rui Costa waives nothing: MC101 reports "
        "about an event, never about a person; move it to the event it is about "
        "(events.<id>.waive), or remove it")


def test_a_rule_about_no_day_waived_for_one_day(report_of: ReportOf) -> None:
    text = PEOPLE.replace("rui: {name: Rui Costa}", "rui: {name: Rui Costa, waive: {MC402: {2027-05-10: reached by Ana}}}")
    report = report_of(text)
    [f] = [f for f in report.shown if f.code == CODE]
    assert (f.loc.line, f.loc.column) == at(text, "2027-05-10")[1:]
    assert f.message == (
        "the waiver of MC402 on Rui Costa for Mon 2027-05-10 waives nothing: MC402 "
        "is not about a day; waive it for Rui Costa as a whole "
        "(MC402: \"reason\")")
    assert shown(report, "MC402") == [at(text, "rui:", "MC402")]  # not waived


def test_nothing_to_waive_on_an_event(report_of: ReportOf) -> None:
    text = LONG_DAYS.replace("title: Dinner one,", "title: Dinner one, waive: {MC404: waiting for the restaurant},")
    [f] = [f for f in report_of(text).shown if f.code == CODE]
    assert (f.loc.line, f.loc.column) == at(text, "MC404:")[1:]
    assert f.message == ("the waiver of MC404 on event 'd1-end' waives nothing: MC404 found "
                         "nothing there; remove it")


def test_nothing_to_waive_on_a_day(report_of: ReportOf) -> None:
    text = LONG_DAYS.replace("email: ana@example.org}", "email: ana@example.org, waive: {MC105: {2027-05-10: arrival, 2027-05-12: wrong day}}}")
    report = report_of(text)
    [f] = [f for f in report.shown if f.code == CODE]
    assert (f.loc.line, f.loc.column) == at(text, "2027-05-12")[1:]
    assert f.message == (
        "the waiver of MC105 on Ana Silva for Wed 2027-05-12 waives nothing: MC105 found "
        "nothing about them that day; remove it, or check the date")


def test_nothing_to_waive_in_the_mission(found: Found) -> None:
    text = "checks:\n  waive: {MC404: slots kept free}\n" + PEOPLE
    assert found(text, code=CODE) == [(CODE, 10, 11)]


def test_a_waiver_that_waives_is_not_reported(found: Found) -> None:
    text = LONG_DAYS.replace("title: Dinner one,", "title: Dinner one, status: tentative, waive: {MC404: waiting},")
    assert found(text, code=CODE) == []
    # Both the mission's and the event's waiver of the same finding count as used.
    assert found("checks:\n  waive: {MC404: all fine}\n" + text, code=CODE) == []


def test_a_rule_that_did_not_run_proves_nothing(found: Found) -> None:
    text = LONG_DAYS.replace("title: Dinner one,", "title: Dinner one, waive: {MC404: waiting, MC105: wrong place},")
    assert found(text, code=CODE) == [at(text, "MC404:"), at(text, "MC105:")]
    off = "checks:\n  severity: {MC404: off}\n" + text
    assert found(off, code=CODE) == [at(off, "MC105:")]  # a wrong place is known anyway
    # MC404 left out by --select: its waiver proves nothing; MC105 on an event never applies.
    only = found(text, selection=Selection(select=("MC407", "MC3")), code=CODE)
    assert only == [at(text, "MC105:")]


def test_run_on_its_own_it_reports_the_wrong_places_only(loaded: Load) -> None:
    text = LONG_DAYS.replace("title: Dinner one,", "title: Dinner one, waive: {MC404: waiting, MC105: wrong place},")
    result = loaded(text)
    assert result.mission is not None
    found = [(f.code, f.loc.line, f.loc.column) for f in run(result.mission, Context(result.mission))]
    assert found == [at(text, "MC105:")]
