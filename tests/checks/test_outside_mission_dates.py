"""MC104 outside-mission-dates: exact (code, line, column), positive and negative.

The mission runs 2027-05-10..2027-05-14 (header), zone Africa/Casablanca (UTC+0 in 2027).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC104"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists


def at(text: str, needle: str) -> tuple[str, int, int]:
    """(CODE, line, column) of the one line holding `needle`; the header takes lines 1-8."""
    lines = textwrap.dedent(text).splitlines()
    hits = [(i + 9, line.index(needle) + 1) for i, line in enumerate(lines) if needle in line]
    assert len(hits) == 1, hits
    return (CODE, *hits[0])


VENUES = """\
venues:
  tokyo: {name: Tokyo office, timezone: Asia/Tokyo}
  new-york: {name: New York office, timezone: America/New_York}
  lis: {name: Lisbon airport, timezone: Europe/Lisbon}
  cmn: {name: Casablanca airport}
"""


def event(start: str, end: str, kind: str = "visit", more: str = "") -> str:
    return VENUES + ("events:\n"
                     f"  item: {{kind: {kind}, title: Plant visit, start: {start}, end: {end}"
                     f"{more}}}\n")


def test_before_the_first_day(found: Found) -> None:
    text = event("2027-05-09 10:00", "12:00")
    assert found(text, selection=ONLY) == [at(text, "item:")] == [(CODE, 15, 3)]


def test_after_the_last_day(found: Found) -> None:
    text = event("2027-05-15 10:00", "12:00")
    assert found(text, selection=ONLY) == [at(text, "item:")]


def test_first_and_last_days_are_inside(found: Found) -> None:
    assert found(event("2027-05-10 00:00", "01:00"), selection=ONLY) == []
    assert found(event("2027-05-14 22:00", "23:59"), selection=ONLY) == []


def test_ending_at_midnight_ends_on_the_day_before(found: Found) -> None:
    assert found(event("2027-05-14 22:00", "2027-05-15 00:00"), selection=ONLY) == []
    late = event("2027-05-14 22:00", "2027-05-15 00:30")
    assert found(late, selection=ONLY) == [at(late, "item:")]


def test_dates_are_local_to_the_venue(found: Found) -> None:
    # 2027-05-15 08:00 in Tokyo is 2027-05-14 23:00 UTC: the 15th there, so outside.
    tokyo = event("2027-05-15 08:00", "09:00", more=", venue: tokyo")
    assert found(tokyo, selection=ONLY) == [at(tokyo, "item:")]
    # 2027-05-14 22:00 in New York is 2027-05-15 02:00 UTC: still the 14th there.
    new_york = event("2027-05-14 22:00", "23:00", more=", venue: new-york")
    assert found(new_york, selection=ONLY) == []


def test_travel_and_stays_are_excepted_free_is_not(found: Found) -> None:
    flight = ", from: lis, to: cmn"
    assert found(event("2027-05-09 10:00", "12:00", "travel", flight), selection=ONLY) == []
    assert found(event("2027-05-09 14:00", "2027-05-10 11:00", "stay"), selection=ONLY) == []
    free = event("2027-05-15 10:00", "12:00", "free")
    assert found(free, selection=ONLY) == [at(free, "item:")]


def test_cancelled_events_are_skipped(found: Found) -> None:
    text = event("2027-05-09 10:00", "12:00", more=", status: cancelled")
    assert found(text, selection=ONLY) == []


def test_message_and_subject(report_of: ReportOf) -> None:
    [finding] = [f for f in report_of(event("2027-05-09 10:00", "12:00")).shown
                 if f.code == CODE]
    assert finding.message == (
        "'Plant visit' (item, 2027-05-09 10:00-12:00) is outside the mission dates "
        "(2027-05-10 to 2027-05-14); correct its date or widen mission.start/mission.end")
    assert finding.subject == "item"


def test_b2b_session_outside_the_dates(found: Found) -> None:
    text = """\
organisations:
  moldes-norte: {name: Moldes Norte}
  atlas-auto: {name: Atlas Auto}
b2b:
  matchmaking:
    title: B2B matchmaking
    date: 2027-05-20
    start: "14:00"
    end: "17:30"
    slot: 25m
    tables: 4
    meetings:
      - {at: "14:00", table: 1, between: [moldes-norte, atlas-auto]}
"""
    assert found(text, selection=ONLY) == [at(text, '{at: "14:00"')]


def test_waiver_on_the_event(report_of: ReportOf) -> None:
    text = event("2027-05-09 10:00", "12:00", more=", waive: {MC104: pre-mission visit}")
    report = report_of(text)
    assert report.checked
    assert [f for f in report.shown if f.code == CODE] == []
    assert [(f.code, f.waived) for f in report.waived if f.code == CODE] == [
        (CODE, "pre-mission visit")]
