"""MC301 public-holiday: exact (code, line, column); the body starts on line 9.

The header's mission is in Morocco, 2027-05-10..14. Morocco 2027 (python-holidays): Labour Day
Sat 05-01, Eid al-Adha Sun 05-16 and Mon 05-17 (estimated). Portugal: Day of Portugal
Thu 06-10.
"""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from missionctl.cli.app import main
from missionctl.errors import UserError
from missionctl.linter import Selection, lint_file

if TYPE_CHECKING:
    from conftest import Found, ReportOf, Write

CODE = "MC301"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists



def messages(report_of: ReportOf, text: str) -> list[str]:
    return [f.message for f in report_of(text).shown if f.code == CODE]


def test_estimated_islamic_holiday(found: Found, report_of: ReportOf) -> None:
    text = """\
events:
  plant: {kind: visit, title: Plant tour, start: 2027-05-17 10:00, end: 12:00}
  day-before: {kind: visit, title: Plant tour, start: 2027-05-15 10:00, end: 12:00}
  day-after: {kind: visit, title: Plant tour, start: 2027-05-18 10:00, end: 12:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 10, 3)]
    [message] = messages(report_of, text)
    assert message.startswith(
        "'Plant tour' (Mon 2027-05-17 10:00-12:00) falls on Eid al-Adha on Mon 2027-05-17 "
        "(estimated date), a public holiday in Morocco; move it to a working day")
    assert "waive" in message and "moon" in message


def test_fixed_holiday_is_not_called_estimated(found: Found, report_of: ReportOf) -> None:
    text = """\
events:
  labour: {kind: meeting, title: Chamber meeting, start: 2027-05-01 10:00, end: 11:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 10, 3)]
    [message] = messages(report_of, text)
    assert "falls on Labor Day on Sat 2027-05-01, a public holiday in Morocco" in message
    assert "estimated" not in message


def test_every_day_touched_counts_and_midnight_does_not_touch(found: Found, report_of: ReportOf) -> None:
    text = """\
events:
  late: {kind: reception, title: Reception, start: 2027-05-15 20:00, end: 2027-05-16 00:30}
  ends-midnight: {kind: reception, title: Reception, start: 2027-05-15 20:00, end: 2027-05-16 00:00}
  both: {kind: workshop, title: Long workshop, start: 2027-05-16 09:00, end: 2027-05-17 17:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 10, 3), (CODE, 12, 3)]
    both = messages(report_of, text)[1]
    assert ("falls on Eid al-Adha on Sun 2027-05-16 (estimated date) and Eid al-Adha on "
            "Mon 2027-05-17 (estimated date), public holidays in Morocco") in both


def test_travel_stay_free_and_cancelled_are_exempt_other_kinds_are_not(found: Found) -> None:
    assert found("""\
venues:
  hotel: {name: Hotel Anfa}
  cmn: {name: Casablanca airport}
events:
  night: {kind: stay, title: Hotel, venue: hotel, start: 2027-05-16 15:00, end: 2027-05-17 11:00}
  rest: {kind: free, title: Free day, start: 2027-05-17 09:00, end: 18:00}
  fly: {kind: travel, title: Flight, from: cmn, to: hotel, start: 2027-05-17 09:00, end: 10:00}
  gone: {kind: visit, title: Plant tour, start: 2027-05-17 10:00, end: 12:00, status: cancelled}
  dinner: {kind: meal, title: Dinner, start: 2027-05-17 20:00, end: 22:00}
  brief: {kind: briefing, title: Briefing, start: 2027-05-16 18:00, end: 19:00}
""", selection=ONLY) == [(CODE, 17, 3), (CODE, 18, 3)]


def test_the_venue_country_decides(found: Found, report_of: ReportOf) -> None:
    text = """\
venues:
  lis: {name: Lisbon office, country: PT, timezone: Europe/Lisbon}
events:
  pt-eid: {kind: visit, title: Lisbon visit, venue: lis, start: 2027-05-17 10:00, end: 12:00}
  pt-day: {kind: visit, title: Lisbon visit, venue: lis, start: 2027-06-10 10:00, end: 12:00}
  ma-day: {kind: visit, title: Casablanca visit, start: 2027-06-10 10:00, end: 12:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 13, 3)]
    [message] = messages(report_of, text)
    assert ("'Lisbon visit' (Thu 2027-06-10 10:00-12:00, Europe/Lisbon time) falls on Day of "
            "Portugal, Camões, and the Portuguese Communities on Thu 2027-06-10, a public "
            "holiday in Portugal") in message


def test_the_local_date_decides(found: Found) -> None:
    # Written offsets: 00:30+01:00 on the 16th (Eid) is 23:30 on Saturday the 15th in
    # Casablanca (UTC+0 for good since 2026), ending at its midnight; 23:30+00:00 on 9 June is
    # 00:30 on 10 June (Day of Portugal) in Lisbon (UTC+1).
    assert found("""\
venues:
  lis: {name: Lisbon office, country: PT, timezone: Europe/Lisbon}
events:
  ma: {kind: meeting, title: Late call, start: 2027-05-16 00:30+01:00, end: 01:00}
  pt: {kind: meeting, title: Late call, venue: lis, start: 2027-06-09 23:30+00:00, end: 2027-06-10 00:30+00:00}
""", selection=ONLY) == [(CODE, 13, 3)]


def test_b2b_meeting_on_a_holiday_points_at_its_entry(found: Found) -> None:
    assert found("""\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
b2b:
  mm:
    title: Matchmaking
    date: 2027-05-17
    start: "10:00"
    end: "11:00"
    slot: 25m
    tables: 2
    participants: [org:moldes, org:atlas]
    meetings:
      - {at: "10:00", table: 1, between: [moldes, atlas]}
""", selection=ONLY) == [(CODE, 22, 9)]


def test_event_waiver(report_of: ReportOf) -> None:
    report = report_of("""\
events:
  plant: {kind: visit, title: Plant tour, start: 2027-05-17 10:00, end: 12:00, waive: {MC301: host confirmed}}
  other: {kind: visit, title: Plant tour, start: 2027-05-16 10:00, end: 12:00}
""")
    assert [(f.code, f.loc.line, f.loc.column) for f in report.shown if f.code == CODE] == [
        (CODE, 11, 3)]
    assert [(f.code, f.loc.line, f.waived) for f in report.waived] == [
        (CODE, 10, "host confirmed")]


def _override(tmp_path: Path, payload: object) -> Path:
    path = tmp_path / "data" / "holidays" / "MA-2027.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def test_override_dates_win(tmp_path: Path, found: Found, report_of: ReportOf) -> None:
    _override(tmp_path, {
        "format": 1, "country": "MA", "year": 2027,
        "holidays": [{"date": "2027-05-18", "name": "Eid al-Adha", "source": "Ministry"}],
        "not_holidays": ["2027-05-17"],
    })
    text = """\
events:
  old-guess: {kind: visit, title: Plant tour, start: 2027-05-17 10:00, end: 12:00}
  announced: {kind: visit, title: Plant tour, start: 2027-05-18 10:00, end: 12:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 11, 3)]
    [message] = messages(report_of, text)
    assert "falls on Eid al-Adha on Tue 2027-05-18, a public holiday" in message
    assert "estimated" not in message


def test_broken_override_is_a_user_error_not_a_traceback(tmp_path: Path, write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    broken = _override(tmp_path, {"format": 1, "country": "MA", "year": 2026, "holidays": []})
    path = write("""\
events:
  plant: {kind: visit, title: Plant tour, start: 2027-05-12 10:00, end: 12:00}
""", header=True)
    with pytest.raises(UserError) as info:
        lint_file(path)
    assert str(broken) in str(info.value) and "MA 2027" in str(info.value)
    capsys.readouterr()
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"missionctl: the holiday override {broken} cannot be used (")
    assert "Traceback" not in err and "internal error" not in err
