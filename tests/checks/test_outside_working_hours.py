"""MC306 outside-working-hours: exact (code, line, column); the body starts on line 9.

The header's mission is in Morocco (Africa/Casablanca, UTC+0 for good since 2026-09-20),
2027-05-10..14. The default window is 08:30-18:30, local time at the venue.
"""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.checks import registry
from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC306"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists



def messages(report_of: ReportOf, text: str) -> list[str]:
    return [f.message for f in report_of(text).shown if f.code == CODE]


def test_early_and_late_business_events(found: Found, report_of: ReportOf) -> None:
    text = """\
events:
  early: {kind: visit, title: Plant tour, start: 2027-05-11 07:00, end: 09:00}
  edges: {kind: workshop, title: Workshop, start: 2027-05-11 08:30, end: 18:30}
  late: {kind: meeting, title: Chamber meeting, start: 2027-05-11 18:00, end: 19:00}
  evening: {kind: presentation, title: Pitch, start: 2027-05-11 19:00, end: 20:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 10, 3), (CODE, 12, 3), (CODE, 13, 3)]
    early, late, evening = messages(report_of, text)
    assert early == (
        "'Plant tour' (Tue 2027-05-11 07:00-09:00) is outside working hours (08:30-18:30, "
        "local time in Morocco): on Tue 2027-05-11 it starts at 07:00, before 08:30; move it "
        "into 08:30-18:30 (or change `checks.working_hours`), or waive it on the event with "
        "a reason (`waive: {MC306: \"...\"}`)")
    assert "on Tue 2027-05-11 it runs until 19:00, past 18:30;" in late
    assert "on Tue 2027-05-11 it starts at 19:00, after 18:30;" in evening


def test_only_business_events(found: Found) -> None:
    assert found("""\
venues:
  hotel: {name: Hotel Anfa}
  cmn: {name: Casablanca airport}
events:
  dinner: {kind: meal, title: Dinner, start: 2027-05-11 20:00, end: 22:00}
  party: {kind: reception, title: Reception, start: 2027-05-11 19:00, end: 21:00}
  brief: {kind: briefing, title: Briefing, start: 2027-05-11 07:30, end: 08:00}
  other: {kind: other, title: Souk, start: 2027-05-11 19:00, end: 21:00}
  fly: {kind: travel, title: Flight, from: cmn, to: hotel, start: 2027-05-11 06:00, end: 07:00}
  night: {kind: stay, title: Hotel, venue: hotel, start: 2027-05-10 15:00, end: 2027-05-12 11:00}
  train: {kind: training, title: Training, start: 2027-05-11 18:00, end: 18:31}
""", selection=ONLY) == [(CODE, 19, 3)]


def test_across_midnight(found: Found, report_of: ReportOf) -> None:
    text = """\
events:
  overnight: {kind: workshop, title: Hackathon, start: 2027-05-11 17:00, end: 2027-05-12 10:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 10, 3)]
    [message] = messages(report_of, text)
    assert message.startswith(
        "'Hackathon' (Tue 2027-05-11 17:00 - Wed 2027-05-12 10:00) is outside working hours "
        "(08:30-18:30, local time in Morocco): on Tue 2027-05-11 it runs past midnight;")


def test_hours_are_local_to_the_venue(found: Found, report_of: ReportOf) -> None:
    # 07:45 UTC is 08:45 in Lisbon (UTC+1 in May) and 07:45 in Casablanca (UTC+0).
    text = """\
venues:
  lis: {name: Lisbon office, country: PT, timezone: Europe/Lisbon}
events:
  pt: {kind: meeting, title: Lisbon talks, venue: lis, start: 2027-05-11 07:45+00:00, end: 2027-05-11 08:45+00:00}
  ma: {kind: meeting, title: Casa talks, start: 2027-05-11 07:45+00:00, end: 2027-05-11 08:45+00:00}
  pt-late: {kind: meeting, title: Lisbon talks, venue: lis, start: 2027-05-11 18:00, end: 19:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 13, 3), (CODE, 14, 3)]
    assert ("'Lisbon talks' (Tue 2027-05-11 18:00-19:00, Europe/Lisbon time) is outside "
            "working hours (08:30-18:30, local time in Portugal)") in messages(report_of, text)[1]


def test_window_from_checks(found: Found) -> None:
    assert found("""\
checks:
  working_hours: "07:00-17:00"
events:
  early: {kind: visit, title: Plant tour, start: 2027-05-11 07:00, end: 09:00}
  late: {kind: visit, title: Plant tour, start: 2027-05-11 16:00, end: 17:30}
""", selection=ONLY) == [(CODE, 13, 3)]


def test_severity_off(found: Found) -> None:
    assert found("""\
checks:
  severity: {MC306: off}
events:
  early: {kind: visit, title: Plant tour, start: 2027-05-11 07:00, end: 09:00}
""", selection=ONLY) == []


def test_b2b_meetings(found: Found) -> None:
    assert found("""\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
b2b:
  mm:
    title: Matchmaking
    date: 2027-05-12
    start: "17:30"
    end: "19:00"
    slot: 25m
    tables: 2
    participants: [org:moldes, org:atlas]
    meetings:
      - {at: "18:00", table: 1, between: [moldes, atlas]}
      - {at: "18:30", table: 1, between: [atlas, moldes]}
""", selection=ONLY) == [(CODE, 23, 9)]


def test_cancelled_and_waived(report_of: ReportOf) -> None:
    report = report_of("""\
events:
  gone: {kind: visit, title: Plant tour, start: 2027-05-11 07:00, end: 09:00, status: cancelled}
  shift: {kind: visit, title: Plant tour, start: 2027-05-12 07:00, end: 09:00, waive: {MC306: the early shift is the point}}
  open: {kind: visit, title: Plant tour, start: 2027-05-13 07:00, end: 09:00}
""")
    assert [(f.code, f.loc.line, f.loc.column) for f in report.shown if f.code == CODE] == [
        (CODE, 12, 3)]
    assert [(f.code, f.loc.line, f.waived) for f in report.waived] == [
        (CODE, 11, "the early shift is the point")]


def test_calendar_rules_are_registered_with_docs() -> None:
    rules = registry()
    for code in ("MC301", "MC302", "MC303", "MC304", "MC305", "MC306"):
        rule = rules[code]
        assert rule.why and rule.fix and rule.bad.startswith(("events:", "mission:")), code
