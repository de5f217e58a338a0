"""MC302 weekend: exact (code, line, column); the body starts on line 9.

The header's mission is in Morocco (Saturday-Sunday weekend). 2027-05-14 is a Friday,
2027-05-15 a Saturday, 2027-05-16 a Sunday.
"""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC302"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists



def messages(report_of: ReportOf, text: str) -> list[str]:
    return [f.message for f in report_of(text).shown if f.code == CODE]


def test_saturday_visit(found: Found, report_of: ReportOf) -> None:
    text = """\
events:
  sat: {kind: visit, title: Plant tour, start: 2027-05-15 10:00, end: 12:00}
  fri: {kind: visit, title: Plant tour, start: 2027-05-14 10:00, end: 12:00}
  sun: {kind: presentation, title: Pitch, start: 2027-05-16 10:00, end: 12:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 10, 3), (CODE, 12, 3)]
    assert messages(report_of, text)[0] == (
        "'Plant tour' (Sat 2027-05-15 10:00-12:00) is on the weekend in Morocco "
        "(Sat 2027-05-15; weekend: Saturday and Sunday); move it to a working day, or waive "
        "it on the event with a reason (`waive: {MC302: \"...\"}`) if the host works that day")


def test_only_business_events(found: Found) -> None:
    assert found("""\
venues:
  hotel: {name: Hotel Anfa}
events:
  dinner: {kind: meal, title: Dinner, start: 2027-05-15 20:00, end: 22:00}
  party: {kind: reception, title: Reception, start: 2027-05-15 18:00, end: 20:00}
  brief: {kind: briefing, title: Briefing, start: 2027-05-16 18:00, end: 19:00}
  other: {kind: other, title: Souk, start: 2027-05-16 10:00, end: 12:00}
  rest: {kind: free, title: Free day, start: 2027-05-15 09:00, end: 18:00}
  night: {kind: stay, title: Hotel, venue: hotel, start: 2027-05-14 15:00, end: 2027-05-17 11:00}
  train: {kind: training, title: Training, start: 2027-05-15 09:00, end: 12:00}
  work: {kind: workshop, title: Workshop, start: 2027-05-16 09:00, end: 12:00}
  meet: {kind: meeting, title: Meeting, start: 2027-05-16 14:00, end: 15:00}
""", selection=ONLY) == [(CODE, 18, 3), (CODE, 19, 3), (CODE, 20, 3)]


def test_midnight_does_not_touch_saturday(found: Found, report_of: ReportOf) -> None:
    text = """\
events:
  late: {kind: meeting, title: Late talks, start: 2027-05-14 22:00, end: 2027-05-15 00:00}
  later: {kind: meeting, title: Later talks, start: 2027-05-14 22:00, end: 2027-05-15 00:30}
  whole: {kind: workshop, title: Weekend workshop, start: 2027-05-15 09:00, end: 2027-05-16 17:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 11, 3), (CODE, 12, 3)]
    assert "(Sat 2027-05-15 and Sun 2027-05-16; weekend" in messages(report_of, text)[1]


def test_the_venue_country_decides_the_weekend(found: Found, report_of: ReportOf) -> None:
    text = """\
venues:
  alg: {name: Algiers office, country: DZ, timezone: Africa/Algiers}
  lis: {name: Lisbon office, country: PT, timezone: Europe/Lisbon}
events:
  dz-fri: {kind: visit, title: Algiers visit, venue: alg, start: 2027-05-14 10:00, end: 12:00}
  dz-sun: {kind: visit, title: Algiers visit, venue: alg, start: 2027-05-16 10:00, end: 12:00}
  pt-fri: {kind: visit, title: Lisbon visit, venue: lis, start: 2027-05-14 10:00, end: 12:00}
  pt-sat: {kind: visit, title: Lisbon visit, venue: lis, start: 2027-05-15 10:00, end: 12:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 13, 3), (CODE, 16, 3)]
    dz = messages(report_of, text)[0]
    assert "in Algeria (Fri 2027-05-14; weekend: Friday and Saturday)" in dz


def test_the_local_date_decides(found: Found) -> None:
    # 23:30 UTC on Thursday is 00:30 on Friday (weekend) in Algiers (UTC+1); 23:00 UTC on
    # Friday is 23:00 on Friday (a working day) in Casablanca (UTC+0).
    assert found("""\
venues:
  alg: {name: Algiers office, country: DZ, timezone: Africa/Algiers}
  casa: {name: Casablanca office}
events:
  dz: {kind: meeting, title: Call, venue: alg, start: 2027-05-13 23:30+00:00, end: 2027-05-14 00:00+00:00}
  ma: {kind: meeting, title: Call, venue: casa, start: 2027-05-14 23:00+00:00, end: 2027-05-14 23:30+00:00}
""", selection=ONLY) == [(CODE, 13, 3)]


def test_unknown_country_assumes_saturday_sunday(found: Found, report_of: ReportOf) -> None:
    text = """\
venues:
  rio: {name: Rio office, country: BR, timezone: America/Sao_Paulo}
events:
  br: {kind: visit, title: Rio visit, venue: rio, start: 2027-05-15 10:00, end: 12:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 12, 3)]
    [message] = messages(report_of, text)
    assert "in BR (Sat 2027-05-15; weekend: Saturday and Sunday, assumed" in message


def test_b2b_meeting_on_a_weekend(found: Found) -> None:
    assert found("""\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
b2b:
  mm:
    title: Matchmaking
    date: 2027-05-15
    start: "10:00"
    end: "11:00"
    slot: 25m
    tables: 2
    participants: [org:moldes, org:atlas]
    meetings:
      - {at: "10:00", table: 1, between: [moldes, atlas]}
      - {at: "10:30", table: 2, between: [atlas, moldes]}
""", selection=ONLY) == [(CODE, 22, 9), (CODE, 23, 9)]


def test_cancelled_and_waived(report_of: ReportOf) -> None:
    report = report_of("""\
events:
  gone: {kind: visit, title: Plant tour, start: 2027-05-15 10:00, end: 12:00, status: cancelled}
  shift: {kind: visit, title: Plant tour, start: 2027-05-15 10:00, end: 12:00, waive: {MC302: plant runs a Saturday shift}}
  open: {kind: visit, title: Plant tour, start: 2027-05-15 14:00, end: 16:00}
""")
    assert [(f.code, f.loc.line, f.loc.column) for f in report.shown if f.code == CODE] == [
        (CODE, 12, 3)]
    assert [(f.code, f.loc.line, f.waived) for f in report.waived] == [
        (CODE, 11, "plant runs a Saturday shift")]
