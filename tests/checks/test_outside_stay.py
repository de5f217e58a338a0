"""MC103 outside-stay: exact (code, line, column), positive and negative.

Ana arrives 2027-05-10 11:00 and leaves 2027-05-14 18:00, mission time (Casablanca, which
is UTC+0 in 2027); Lisbon is UTC+1 in May.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC103"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists


def at(text: str, needle: str) -> tuple[str, int, int]:
    """(CODE, line, column) of the one line holding `needle`; the header takes lines 1-8."""
    lines = textwrap.dedent(text).splitlines()
    hits = [(i + 9, line.index(needle) + 1) for i, line in enumerate(lines) if needle in line]
    assert len(hits) == 1, hits
    return (CODE, *hits[0])


SETUP = """\
organisations:
  moldes-norte: {name: Moldes Norte}
  atlas-auto: {name: Atlas Auto}
people:
  ana-silva: {name: Ana Silva, organisation: moldes-norte, arrival: 2027-05-10 11:00,
              departure: 2027-05-14 18:00}
  rui-costa: {name: Rui Costa, departure: 2027-05-10 10:30}
  nuno-reis: {name: Nuno Reis}
  salma-idrissi: {name: Salma Idrissi, organisation: atlas-auto, side: host}
groups:
  delegation: {members: [ana-silva, nuno-reis]}
venues:
  opo: {name: Porto airport, timezone: Europe/Lisbon}
  lis: {name: Lisbon airport, timezone: Europe/Lisbon}
  cmn: {name: Casablanca airport}
"""


def one(line: str) -> str:
    return SETUP + "events:\n  " + line + "\n"


def visit(start: str, end: str, who: str = "ana-silva", more: str = "") -> str:
    return one(f"visit: {{kind: visit, title: Plant visit, start: {start}, end: {end}, "
               f"attendees: [{who}]{more}}}")


def test_event_before_arrival(found: Found) -> None:
    early = visit("2027-05-10 10:00", "12:00")
    assert found(early, selection=ONLY) == [at(early, "visit:")] == [(CODE, 25, 3)]
    assert found(visit("2027-05-10 11:00", "12:00"), selection=ONLY) == []


def test_event_after_departure(found: Found) -> None:
    late = visit("2027-05-14 17:00", "18:01")
    assert found(late, selection=ONLY) == [at(late, "visit:")]
    assert found(visit("2027-05-14 17:00", "18:00"), selection=ONLY) == []


def test_message_names_the_person_and_the_time(report_of: ReportOf) -> None:
    [finding] = [f for f in report_of(visit("2027-05-10 10:00", "12:00")).shown
                 if f.code == CODE]
    assert finding.message == (
        "'Plant visit' (visit, 2027-05-10 10:00-12:00) starts before Ana Silva arrives "
        "(Ana Silva 2027-05-10 11:00); move the event, take Ana Silva off it, or correct "
        "'arrival'")
    assert finding.subject == "visit"


def test_arrival_with_an_offset_is_compared_as_an_instant(found: Found) -> None:
    offset = SETUP.replace("arrival: 2027-05-10 11:00", "arrival: 2027-05-10 12:00+01:00")
    ok = offset + ("events:\n  visit: {kind: visit, title: V, start: 2027-05-10 11:00, "
                   "end: 12:00, attendees: [ana-silva]}\n")
    assert found(ok, selection=ONLY) == []
    early = ok.replace("2027-05-10 11:00, end", "2027-05-10 10:59, end")
    assert found(early, selection=ONLY) == [at(early, "visit:")]


def flight(start: str, end: str, origin: str = "lis", to: str = "cmn") -> str:
    return one(f"flight: {{kind: travel, title: Flight, from: {origin}, to: {to}, "
               f"start: {start}, end: {end}, attendees: [ana-silva]}}")


def test_the_flight_that_brings_them_in_is_fine(found: Found) -> None:
    # 09:00 Lisbon is 08:00 UTC; the bare end is Casablanca time: lands at the arrival time.
    assert found(flight("2027-05-10 09:00", "11:00"), selection=ONLY) == []
    # A connecting leg before the arrival is fine too.
    assert found(flight("2027-05-10 06:00", "07:00", "opo", "lis"), selection=ONLY) == []


def test_a_flight_still_in_the_air_at_arrival_time(found: Found) -> None:
    late = flight("2027-05-10 09:00", "12:00")
    assert found(late, selection=ONLY) == [at(late, "flight:")]


def test_the_flight_home_is_fine_unless_it_leaves_early(found: Found) -> None:
    home = flight("2027-05-14 18:00", "20:00", "cmn", "lis")
    assert found(home, selection=ONLY) == []
    # Leaves 17:00 UTC, lands 20:00 Lisbon (19:00 UTC): in the air at the 18:00 departure.
    early = flight("2027-05-14 17:00", "20:00", "cmn", "lis")
    assert found(early, selection=ONLY) == [at(early, "flight:")]


def test_stay_free_and_cancelled_are_left_out(found: Found) -> None:
    for kind in ("stay", "free"):
        text = visit("2027-05-09 14:00", "2027-05-10 11:00").replace("kind: visit", f"kind: {kind}")
        assert found(text, selection=ONLY) == []
    cancelled = visit("2027-05-10 10:00", "12:00", more=", status: cancelled")
    assert found(cancelled, selection=ONLY) == []


def test_people_without_arrival_or_departure_are_not_judged(found: Found) -> None:
    assert found(visit("2027-05-01 10:00", "12:00", who="nuno-reis"), selection=ONLY) == []


def test_group_reference_and_two_findings_on_one_event(found: Found, report_of: ReportOf) -> None:
    text = visit("2027-05-10 10:00", "12:00", who="group:delegation, rui-costa")
    assert found(text, selection=ONLY) == [at(text, "visit:"), at(text, "visit:")]
    messages = sorted(f.message for f in report_of(text).shown if f.code == CODE)
    assert "ends after Rui Costa leaves (Rui Costa 2027-05-10 10:30)" in messages[0]
    assert "starts before Ana Silva arrives" in messages[1]


def test_b2b_meeting_before_arrival(found: Found) -> None:
    text = SETUP.replace("arrival: 2027-05-10 11:00", "arrival: 2027-05-12 14:10") + """\
b2b:
  matchmaking:
    title: B2B matchmaking
    date: 2027-05-12
    start: "14:00"
    end: "17:30"
    slot: 25m
    tables: 4
    participants: [ana-silva, salma-idrissi]
    meetings:
      - {at: "14:00", table: 1, between: [moldes-norte, atlas-auto]}
      - {at: "14:30", table: 1, between: [moldes-norte, atlas-auto]}
"""
    assert found(text, selection=ONLY) == [at(text, '{at: "14:00"')]


def test_waiver_on_the_event(report_of: ReportOf) -> None:
    text = visit("2027-05-10 10:00", "12:00", more=", waive: {MC103: joins at the plant}")
    report = report_of(text)
    assert report.checked
    assert [f for f in report.shown if f.code == CODE] == []
    assert [(f.code, f.waived) for f in report.waived] == [(CODE, "joins at the plant")]
