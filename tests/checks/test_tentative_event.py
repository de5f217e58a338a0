"""MC404 tentative-event: exact (code, line, column); the body starts on line 9."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import ReportOf

BODY = """\
venues:
  hotel: {name: Hotel Anfa}
events:
  a: {kind: meal, title: Lunch, venue: hotel, start: 2027-05-11 12:00, end: 13:00,\
      status: tentative}
  b: {kind: meal, title: Dinner, venue: hotel, start: 2027-05-11 20:00, end: 22:00,\
      status: confirmed}
  c: {kind: meal, title: Breakfast, venue: hotel, start: 2027-05-12 08:00, end: 09:00}
  d: {kind: meal, title: Old lunch, venue: hotel, start: 2027-05-12 12:00, end: 13:00,\
      status: cancelled}
"""


def test_only_tentative_events(report_of: ReportOf) -> None:
    report = report_of(BODY)
    assert [f.code for f in report.shown if f.code.startswith("MC0")] == []
    found = [f for f in report.shown if f.code == "MC404"]
    assert [(f.loc.line, f.loc.column, f.subject) for f in found] == [(12, 3, "a")]
    assert "'Lunch' (Tue 11 May 12:00–13:00) is still tentative" in found[0].message


def test_waiver_on_the_event(report_of: ReportOf) -> None:
    report = report_of(BODY.replace("status: tentative}",
                                    "status: tentative, waive: {MC404: host replies Monday}}"))
    assert [f.code for f in report.shown if f.code == "MC404"] == []
    assert [(f.code, f.loc.line) for f in report.waived] == [("MC404", 12)]
