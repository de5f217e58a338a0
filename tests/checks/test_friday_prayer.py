"""MC303 friday-prayer: exact (code, line, column); the body starts on line 9.

The header's mission is in Morocco (Friday prayer observed). 2027-05-14 is a Friday. The
default window is 12:30-14:30, local time at the venue.
"""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC303"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists



def messages(report_of: ReportOf, text: str) -> list[str]:
    return [f.message for f in report_of(text).shown if f.code == CODE]


def test_meeting_across_the_prayer_in_morocco_not_in_portugal(found: Found, report_of: ReportOf) -> None:
    text = """\
venues:
  lis: {name: Lisbon office, country: PT, timezone: Europe/Lisbon}
events:
  ma: {kind: meeting, title: Ministry of Industry, start: 2027-05-14 12:00, end: 13:00}
  pt: {kind: meeting, title: Lisbon partners, venue: lis, start: 2027-05-14 12:00, end: 13:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 12, 3)]
    assert messages(report_of, text) == [
        "'Ministry of Industry' (Fri 2027-05-14 12:00-13:00) overlaps the Friday prayer "
        "(12:30-14:30, local time), when offices in Morocco pause; end it by 12:30 or start it "
        "at 14:30 or later, or waive it on the event with a reason "
        "(`waive: {MC303: \"...\"}`)"]


def test_touching_windows_do_not_overlap(found: Found) -> None:
    assert found("""\
events:
  before: {kind: meeting, title: Before, start: 2027-05-14 11:30, end: 12:30}
  after: {kind: meeting, title: After, start: 2027-05-14 14:30, end: 15:30}
  minute-in: {kind: meeting, title: Late end, start: 2027-05-14 11:30, end: 12:31}
  minute-early: {kind: meeting, title: Early start, start: 2027-05-14 14:29, end: 15:30}
  inside: {kind: visit, title: Plant tour, start: 2027-05-14 13:00, end: 14:00}
  around: {kind: workshop, title: Workshop, start: 2027-05-14 09:00, end: 17:00}
""", selection=ONLY) == [(CODE, 12, 3), (CODE, 13, 3), (CODE, 14, 3), (CODE, 15, 3)]


def test_only_fridays_and_only_business_events(found: Found) -> None:
    assert found("""\
events:
  thu: {kind: meeting, title: Meeting, start: 2027-05-13 12:00, end: 13:00}
  sat: {kind: meeting, title: Meeting, start: 2027-05-15 12:00, end: 13:00}
  lunch: {kind: meal, title: Lunch, start: 2027-05-14 12:30, end: 14:00}
  party: {kind: reception, title: Reception, start: 2027-05-14 13:00, end: 14:00}
  talk: {kind: presentation, title: Pitch, start: 2027-05-14 13:00, end: 14:00}
  train: {kind: training, title: Training, start: 2027-05-14 13:00, end: 14:00}
""", selection=ONLY) == [(CODE, 14, 3), (CODE, 15, 3)]


def test_window_is_local_to_the_venue(found: Found) -> None:
    # Tunis is UTC+1, Casablanca UTC+0: 11:00 UTC is 12:00 in Tunis (no overlap, ends 12:30)
    # and 11:30 UTC is 12:30 in Tunis (overlap); in Casablanca both are before 12:30.
    assert found("""\
venues:
  tun: {name: Tunis office, country: TN, timezone: Africa/Tunis}
events:
  tn-ok: {kind: meeting, title: Tunis talks, venue: tun, start: 2027-05-14 11:00+00:00, end: 2027-05-14 11:30+00:00}
  tn-bad: {kind: meeting, title: Tunis talks, venue: tun, start: 2027-05-14 11:30+00:00, end: 2027-05-14 12:00+00:00}
  ma-ok: {kind: meeting, title: Casa talks, start: 2027-05-14 11:30+00:00, end: 2027-05-14 12:00+00:00}
""", selection=ONLY) == [(CODE, 13, 3)]


def test_window_from_checks(found: Found, report_of: ReportOf) -> None:
    text = """\
checks:
  friday_prayer: "13:00-14:00"
events:
  early: {kind: meeting, title: Early, start: 2027-05-14 12:00, end: 13:00}
  late: {kind: meeting, title: Late, start: 2027-05-14 12:30, end: 13:30}
"""
    assert found(text, selection=ONLY) == [(CODE, 13, 3)]
    [message] = messages(report_of, text)
    assert "overlaps the Friday prayer (13:00-14:00, local time)" in message
    assert "end it by 13:00 or start it at 14:00 or later" in message


def test_b2b_meeting_in_the_window(found: Found) -> None:
    assert found("""\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
b2b:
  mm:
    title: Matchmaking
    date: 2027-05-14
    start: "12:00"
    end: "13:00"
    slot: 25m
    tables: 2
    participants: [org:moldes, org:atlas]
    meetings:
      - {at: "12:00", table: 1, between: [moldes, atlas]}
      - {at: "12:30", table: 1, between: [atlas, moldes]}
""", selection=ONLY) == [(CODE, 23, 9)]


def test_cancelled_and_waived(report_of: ReportOf) -> None:
    report = report_of("""\
events:
  gone: {kind: meeting, title: Ministry, start: 2027-05-14 12:00, end: 13:00, status: cancelled}
  ok: {kind: meeting, title: Ministry, start: 2027-05-14 12:00, end: 13:00, waive: {MC303: host confirmed}}
  bad: {kind: meeting, title: Ministry, start: 2027-05-14 13:00, end: 14:00}
""")
    assert [(f.code, f.loc.line, f.loc.column) for f in report.shown if f.code == CODE] == [
        (CODE, 12, 3)]
    assert [(f.code, f.loc.line, f.waived) for f in report.waived] == [
        (CODE, 11, "host confirmed")]
