"""MC204 b2b-conflict: exact (code, line, column); the body starts on line 9.

The session's grid: 25-minute meetings every 30 minutes from 14:00 to 16:00, 2 tables.
Meeting entries start on line 24, at column 9 (the flow mapping after `- `).
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
  luso: {name: Lusomatic}
b2b:
  mm:
    title: Matchmaking
    date: 2027-05-11
    start: "14:00"
    end: "16:00"
    slot: 25m
    gap: 5m
    tables: 2
    meetings:
"""


def only(found: Found, meetings: str, code: str = "MC204") -> list[tuple[str, int, int]]:
    every = found(SESSION + meetings)
    assert [c for c in every if c[0].startswith("MC0")] == []
    return [c for c in every if c[0] == code]


def test_a_clean_grid(found: Found) -> None:
    assert only(found, """\
      - {at: "14:00", table: 1, between: [moldes, atlas]}
      - {at: "14:00", table: 2, between: [sebou, luso]}
      - {at: "14:30", table: 1, between: [moldes, sebou]}
      - {at: "15:30", table: 2, between: [atlas, luso]}
""") == []


def test_off_grid(report_of: ReportOf) -> None:
    report = report_of(SESSION + """\
      - {at: "14:00", table: 1, between: [moldes, atlas]}
      - {at: "14:40", table: 2, between: [sebou, luso]}
""")
    [f] = [f for f in report.shown if f.code == "MC204"]
    assert (f.loc.line, f.loc.column, f.subject) == (25, 9, "mm.14:40.2")
    assert "14:40 is off the slot grid" in f.message
    assert "the nearest slots are 14:30 and 15:00" in f.message


def test_outside_the_session(found: Found) -> None:
    # 15:30 ends 15:55: inside. 16:00 is on the grid but ends 16:25; 13:30 is before.
    assert only(found, """\
      - {at: "15:30", table: 1, between: [moldes, atlas]}
      - {at: "16:00", table: 1, between: [sebou, luso]}
      - {at: "13:30", table: 1, between: [moldes, sebou]}
""") == [("MC204", 25, 9), ("MC204", 26, 9)]


def test_a_table_the_session_does_not_have(report_of: ReportOf) -> None:
    report = report_of(SESSION + """\
      - {at: "14:00", table: 3, between: [moldes, atlas]}
""")
    [f] = [f for f in report.shown if f.code == "MC204"]
    assert (f.loc.line, f.loc.column) == (24, 9)
    assert "table 3 does not exist: the session has 2 tables" in f.message


def test_the_same_table_twice_in_a_slot_points_at_the_later_entry(report_of: ReportOf) -> None:
    report = report_of(SESSION + """\
      - {at: "14:00", table: 1, between: [moldes, atlas]}
      - {at: "14:30", table: 1, between: [sebou, luso]}
      - {at: "14:00", table: 1, between: [sebou, luso]}
""")
    [f] = [f for f in report.shown if f.code == "MC204"]
    assert (f.loc.line, f.loc.column) == (26, 9)
    assert [(r.line, r.column) for r in f.related] == [(24, 9)]
    assert "table 1 is already taken at 14:00 by Moldes Norte – Atlas Auto" in f.message


def test_more_meetings_than_tables_in_a_slot(report_of: ReportOf) -> None:
    # Tables 1, 2 and 2 again: the third meeting is one too many and reuses table 2.
    report = report_of(SESSION + """\
      - {at: "14:00", table: 1, between: [moldes, atlas]}
      - {at: "14:00", table: 2, between: [sebou, luso]}
      - {at: "14:30", table: 1, between: [moldes, sebou]}
      - {at: "14:00", table: 2, between: [sebou, moldes]}
""")
    [f] = [f for f in report.shown if f.code == "MC204"]
    assert (f.loc.line, f.loc.column) == (27, 9)
    assert "it is meeting 3 at 14:00, but the session has only 2 tables" in f.message
    assert [(r.line, r.column) for r in f.related] == [(25, 9), (24, 9)]


def test_an_organisation_twice_in_one_slot(report_of: ReportOf) -> None:
    report = report_of(SESSION + """\
      - {at: "14:00", table: 1, between: [moldes, atlas]}
      - {at: "14:00", table: 2, between: [sebou, moldes]}
      - {at: "14:30", table: 1, between: [moldes, luso]}
""")
    [f] = [f for f in report.shown if f.code == "MC204"]
    assert (f.loc.line, f.loc.column, f.subject) == (25, 9, "mm.14:00.2")
    assert [(r.line, r.column) for r in f.related] == [(24, 9)]
    assert "Moldes Norte already meets at 14:00 (Moldes Norte – Atlas Auto, table 1)" \
        in f.message


def test_global_waiver(report_of: ReportOf) -> None:
    report = report_of(SESSION + """\
      - {at: "14:40", table: 1, between: [moldes, atlas]}
checks:
  waive: {MC204: the grid is indicative}
""")
    assert [f.code for f in report.shown if f.code == "MC204"] == []
    assert [(f.code, f.loc.line) for f in report.waived] == [("MC204", 24)]
