"""MC205 b2b-request-unmet: exact (code, line, column); the body starts on line 9.

Request entries start on line 23, column 9; the meetings follow the requests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Found, ReportOf

SESSION = """\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
  sebou: {name: Sebou Plastiques}
b2b:
  mm:
    title: Matchmaking
    date: 2027-05-11
    start: "14:00"
    end: "15:30"
    slot: 25m
    gap: 5m
    tables: 1
    requests:
"""


def only(found: Found, text: str, code: str = "MC205") -> list[tuple[str, int, int]]:
    every = found(text)
    assert [c for c in every if c[0].startswith("MC0")] == []
    return [c for c in every if c[0] == code]


def test_request_met_in_the_reverse_direction(found: Found) -> None:
    assert only(found, SESSION + """\
      - {from: moldes, to: atlas, priority: high}
    meetings:
      - {at: "14:00", table: 1, between: [atlas, moldes]}
""") == []


def test_request_without_a_meeting_suggests_a_free_slot(report_of: ReportOf) -> None:
    report = report_of(SESSION + """\
      - {from: moldes, to: atlas, priority: high}
      - {from: sebou, to: moldes}
    meetings:
      - {at: "14:00", table: 1, between: [atlas, sebou]}
      - {at: "14:30", table: 1, between: [moldes, sebou]}
""")
    [f] = [f for f in report.shown if f.code == "MC205"]
    assert (f.loc.line, f.loc.column, f.subject) == (23, 9, None)
    assert "Moldes Norte asked to meet Atlas Auto (high priority)" in f.message
    # 14:00: Atlas busy, 14:30: Moldes busy (and the only table taken), 15:00 is free.
    assert 'both are free at 15:00: add {at: "15:00", table: 1, between: [moldes, atlas]}' \
        in f.message


def test_no_free_slot_says_so(report_of: ReportOf) -> None:
    report = report_of(SESSION + """\
      - {from: moldes, to: atlas}
    meetings:
      - {at: "14:00", table: 1, between: [atlas, sebou]}
      - {at: "14:30", table: 1, between: [moldes, sebou]}
      - {at: "15:00", table: 1, between: [atlas, sebou]}
""")
    [f] = [f for f in report.shown if f.code == "MC205"]
    assert (f.loc.line, f.loc.column) == (23, 9)
    assert "no slot has both free" in f.message


def test_request_met_in_another_session(found: Found) -> None:
    assert only(found, SESSION + """\
      - {from: moldes, to: atlas}
  later:
    title: Second round
    date: 2027-05-12
    start: "10:00"
    end: "11:00"
    slot: 25m
    tables: 1
    meetings:
      - {at: "10:00", table: 1, between: [atlas, moldes]}
""") == []


def test_a_meeting_with_a_third_organisation_does_not_meet_the_request(found: Found) -> None:
    assert only(found, SESSION + """\
      - {from: moldes, to: atlas}
      - {from: atlas, to: sebou}
    meetings:
      - {at: "14:00", table: 1, between: [moldes, sebou]}
""") == [("MC205", 23, 9), ("MC205", 24, 9)]


def test_global_waiver(report_of: ReportOf) -> None:
    report = report_of(SESSION + """\
      - {from: moldes, to: atlas}
checks:
  waive: {MC205: requests are wishes}
""")
    assert [f.code for f in report.shown if f.code == "MC205"] == []
    assert [(f.code, f.loc.line) for f in report.waived] == [("MC205", 23)]
