"""MC304 ramadan-hours: exact (code, line, column).

Ramadan 1448 (Umm al-Qura) runs 2027-02-08 to 2027-03-08. The missions here are written with
their own eight-line header, so the body still starts on line 9.
"""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC304"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists


def header(start: str, end: str, country: str = "MA", zone: str = "Africa/Casablanca") -> str:
    return f"""\
missionctl: 1
mission:
  id: ramadan
  title: Ramadan mission
  host_country: {country}
  timezone: {zone}
  start: {start}
  end: {end}
"""


RAMADAN = header("2027-02-15", "2027-02-19")  # Monday to Friday, in Ramadan



def test_afternoon_meeting_in_ramadan(found: Found, report_of: ReportOf) -> None:
    text = RAMADAN + """\
events:
  late: {kind: meeting, title: Chamber meeting, start: 2027-02-16 16:00, end: 17:00}
  morning: {kind: meeting, title: Chamber meeting, start: 2027-02-16 10:00, end: 11:00}
"""
    assert found(text, header=False, selection=ONLY) == [(CODE, 10, 3)]
    [message] = [f.message for f in report_of(text, header=False).shown if f.code == CODE]
    assert message == (
        "'Chamber meeting' (Tue 2027-02-16 16:00-17:00) is outside Ramadan working hours "
        "(09:00-15:00, local time in Morocco): on Tue 2027-02-16 it starts at 16:00, after "
        "15:00. Ramadan runs 2027-02-08 to 2027-03-08 "
        "(estimated dates: the moon sighting can move them by a day) and offices close early; "
        "move it into 09:00-15:00, or waive it on the event with a reason "
        "(`waive: {MC304: \"...\"}`)")


def test_window_edges(found: Found) -> None:
    assert found(RAMADAN + """\
events:
  to-close: {kind: visit, title: Visit, start: 2027-02-17 14:00, end: 15:00}
  from-open: {kind: visit, title: Visit, start: 2027-02-17 09:00, end: 10:00}
  early: {kind: visit, title: Visit, start: 2027-02-17 08:30, end: 09:30}
  over: {kind: workshop, title: Workshop, start: 2027-02-17 14:00, end: 15:01}
""", header=False, selection=ONLY) == [(CODE, 12, 3), (CODE, 13, 3)]


def test_only_business_events_and_only_in_ramadan(found: Found) -> None:
    assert found(header("2027-03-05", "2027-03-10") + """\
events:
  iftar: {kind: meal, title: Iftar, start: 2027-03-05 19:00, end: 21:00}
  party: {kind: reception, title: Reception, start: 2027-03-05 16:00, end: 18:00}
  last-day: {kind: training, title: Training, start: 2027-03-08 15:00, end: 16:00}
  after: {kind: presentation, title: Pitch, start: 2027-03-10 15:00, end: 16:00}
""", header=False, selection=ONLY) == [(CODE, 12, 3)]


def test_outside_ramadan_nothing(found: Found) -> None:
    # The shared header's mission is in May 2027.
    assert found("""\
events:
  late: {kind: meeting, title: Chamber meeting, start: 2027-05-11 16:00, end: 17:00}
""", selection=ONLY) == []


def test_where_ramadan_hours_are_not_kept(found: Found) -> None:
    assert found(RAMADAN + """\
venues:
  lis: {name: Lisbon office, country: PT, timezone: Europe/Lisbon}
  ist: {name: Istanbul office, country: TR, timezone: Europe/Istanbul}
  tun: {name: Tunis office, country: TN, timezone: Africa/Tunis}
events:
  pt: {kind: meeting, title: Lisbon talks, venue: lis, start: 2027-02-16 16:00, end: 17:00}
  tr: {kind: meeting, title: Istanbul talks, venue: ist, start: 2027-02-16 16:00, end: 17:00}
  tn: {kind: meeting, title: Tunis talks, venue: tun, start: 2027-02-16 16:00, end: 17:00}
""", header=False, selection=ONLY) == [(CODE, 16, 3)]


def test_window_is_local_to_the_venue(found: Found) -> None:
    # 14:30 UTC is 15:30 in Tunis (UTC+1), 14:30 in Casablanca (UTC+0).
    assert found(RAMADAN + """\
venues:
  tun: {name: Tunis office, country: TN, timezone: Africa/Tunis}
events:
  tn: {kind: meeting, title: Tunis talks, venue: tun, start: 2027-02-16 14:00+00:00, end: 2027-02-16 14:30+00:00}
  ma: {kind: meeting, title: Casa talks, start: 2027-02-16 14:00+00:00, end: 2027-02-16 14:30+00:00}
""", header=False, selection=ONLY) == [(CODE, 12, 3)]


def test_window_from_checks(found: Found) -> None:
    assert found(RAMADAN + """\
checks:
  ramadan_hours: "10:00-16:00"
events:
  ok: {kind: meeting, title: Meeting, start: 2027-02-16 15:00, end: 16:00}
  early: {kind: meeting, title: Meeting, start: 2027-02-16 09:30, end: 10:30}
""", header=False, selection=ONLY) == [(CODE, 13, 3)]


def test_b2b_meetings_after_hours(found: Found) -> None:
    assert found(RAMADAN + """\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
b2b:
  mm:
    title: Matchmaking
    date: 2027-02-17
    start: "14:00"
    end: "15:30"
    slot: 25m
    tables: 2
    participants: [org:moldes, org:atlas]
    meetings:
      - {at: "14:30", table: 1, between: [moldes, atlas]}
      - {at: "15:00", table: 1, between: [atlas, moldes]}
""", header=False, selection=ONLY) == [(CODE, 23, 9)]


def test_cancelled_and_waived(report_of: ReportOf) -> None:
    report = report_of(RAMADAN + """\
events:
  gone: {kind: visit, title: Plant tour, start: 2027-02-16 16:00, end: 17:00, status: cancelled}
  iftar-visit: {kind: visit, title: Plant tour, start: 2027-02-16 16:00, end: 17:00, waive: {MC304: host invited us for iftar}}
  open: {kind: visit, title: Plant tour, start: 2027-02-17 16:00, end: 17:00}
""", header=False)
    assert [(f.code, f.loc.line, f.loc.column) for f in report.shown if f.code == CODE] == [
        (CODE, 12, 3)]
    assert [(f.code, f.loc.line, f.waived) for f in report.waived] == [
        (CODE, 11, "host invited us for iftar")]
