"""MC101 person-double-booked: exact (code, line, column), positive and negative."""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

import random
import textwrap
from typing import TYPE_CHECKING

from missionctl.checks.person_double_booked import overlapping
from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC101"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists


def at(text: str, needle: str) -> tuple[str, int, int]:
    """(CODE, line, column) of the one line holding `needle`; the header takes lines 1-8."""
    lines = textwrap.dedent(text).splitlines()
    hits = [(i + 9, line.index(needle) + 1) for i, line in enumerate(lines) if needle in line]
    assert len(hits) == 1, hits
    return (CODE, *hits[0])


PEOPLE = """\
organisations:
  moldes-norte: {name: Moldes Norte}
people:
  ana-silva: {name: Ana Silva, organisation: moldes-norte}
  rui-costa: {name: Rui Costa, organisation: moldes-norte}
  ines-lopes: {name: Ines Lopes}
groups:
  delegation: {name: Delegation, members: [ana-silva, rui-costa]}
venues:
  lisbon-office: {name: Lisbon office, city: Lisboa, timezone: Europe/Lisbon}
  casa-office: {name: Casablanca office, city: Casablanca}
  lis: {name: Lisbon airport, city: Lisboa, timezone: Europe/Lisbon}
  cmn: {name: Casablanca airport, city: Nouaceur}
"""

BASIC = PEOPLE + """\
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00
    end: 12:00
    attendees: [ana-silva]
  lunch:
    kind: meal
    title: Lunch with hosts
    start: 2027-05-11 11:30
    end: 13:00
    attendees: [ana-silva]
"""


def test_overlap_points_at_the_later_event(found: Found) -> None:
    assert found(BASIC, selection=ONLY) == [(CODE, 29, 3)]
    assert at(BASIC, "lunch:") == (CODE, 29, 3)


def test_message_names_events_person_times_and_fix(report_of: ReportOf) -> None:
    [finding] = [f for f in report_of(BASIC).shown if f.code == CODE]
    assert finding.message == (
        "Ana Silva is booked twice: 'Lunch with hosts' (lunch, 2027-05-11 11:30-13:00) "
        "overlaps 'Plant visit' (plant-visit, 2027-05-11 10:00-12:00) from 11:30 to 12:00; "
        "move one of them or take Ana Silva off one")
    assert [(r.line, r.column) for r in finding.related] == [(23, 3)]
    assert finding.subject == "lunch"


def test_touching_intervals_do_not_overlap(found: Found) -> None:
    text = BASIC.replace("start: 2027-05-11 11:30", "start: 2027-05-11 12:00")
    assert found(text, selection=ONLY) == []
    one_minute = BASIC.replace("start: 2027-05-11 11:30", "start: 2027-05-11 11:59")
    assert found(one_minute, selection=ONLY) == [at(BASIC, "lunch:")]


ZONES = PEOPLE + """\
events:
  lisbon-call:
    kind: meeting
    title: Call from Lisbon
    venue: lisbon-office
    start: 2027-05-11 10:00      # 09:00 UTC (WEST)
    duration: 1h
    attendees: [ana-silva]
  casa-meeting:
    kind: meeting
    title: Casablanca meeting
    venue: casa-office
    start: 2027-05-11 10:00      # 10:00 UTC: Morocco is on UTC+0 from 2026-09-20
    duration: 1h
    attendees: [ana-silva]
"""


def test_same_wall_clock_in_lisbon_and_casablanca_does_not_overlap(found: Found) -> None:
    assert found(ZONES, selection=ONLY) == []


def test_zones_compared_as_instants(found: Found) -> None:
    # 10:30 Lisbon is 09:30 UTC: it starts *before* the 10:00 Casablanca meeting, so the
    # finding is at the Casablanca meeting although its wall clock reads earlier.
    text = ZONES.replace("start: 2027-05-11 10:00      # 09:00", "start: 2027-05-11 10:30  # ")
    assert found(text, selection=ONLY) == [at(ZONES, "casa-meeting:")]


def test_message_shows_a_foreign_zone(report_of: ReportOf) -> None:
    text = ZONES.replace("start: 2027-05-11 10:00      # 09:00", "start: 2027-05-11 10:30  # ")
    [finding] = [f for f in report_of(text).shown if f.code == CODE]
    assert "(lisbon-call, 2027-05-11 10:30-11:30 (Europe/Lisbon time))" in finding.message
    assert "from 10:00 to 10:30;" in finding.message


FLIGHT = PEOPLE + """\
events:
  flight-home:
    kind: travel
    title: Flight CMN-LIS
    from: cmn
    to: lis
    start: 2027-05-13 12:00      # Casablanca, 12:00 UTC
    end: 16:00                   # bare end, Lisbon time: 15:00 UTC
    attendees: [ana-silva]
  debrief:
    kind: briefing
    title: Debrief at the Lisbon office
    venue: lisbon-office
    start: 2027-05-13 16:00      # 15:00 UTC: touches the landing
    duration: 1h
    attendees: [ana-silva]
"""


def test_bare_end_of_a_flight_is_local_to_its_destination(found: Found) -> None:
    assert found(FLIGHT, selection=ONLY) == []  # read in Casablanca, 16:00 would be 16:00 UTC
    early = FLIGHT.replace("start: 2027-05-13 16:00", "start: 2027-05-13 15:00")
    assert found(early, selection=ONLY) == [at(FLIGHT, "debrief:")]


EXPANDED = PEOPLE + """\
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00
    end: 12:00
    attendees: [group:delegation]
  supplier-meeting:
    kind: meeting
    title: Supplier meeting
    start: 2027-05-11 11:00
    end: 12:30
    attendees: [org:moldes-norte, ana-silva]
  press:
    kind: meeting
    title: Press interview
    start: 2027-05-11 11:00
    end: 11:30
    attendees: [ines-lopes]
"""


def test_group_and_org_references_are_expanded(found: Found, report_of: ReportOf) -> None:
    assert found(EXPANDED, selection=ONLY) == [at(EXPANDED, "supplier-meeting:")]
    [finding] = [f for f in report_of(EXPANDED).shown if f.code == CODE]
    # Ana reached three times (group, org, by name) and Rui twice: one finding, both named.
    assert finding.message.startswith("Ana Silva and Rui Costa are booked twice:")


def test_cancelled_events_are_ignored(found: Found) -> None:
    text = BASIC.replace("    title: Lunch with hosts\n",
                         "    title: Lunch with hosts\n    status: cancelled\n")
    assert found(text, selection=ONLY) == []
    tentative = BASIC.replace("    title: Lunch with hosts\n",
                              "    title: Lunch with hosts\n    status: tentative\n")
    assert found(tentative, selection=ONLY) == [at(BASIC, "lunch:")]


def test_stay_and_free_never_double_book(found: Found) -> None:
    stay = BASIC.replace("kind: meal", "kind: stay")
    free = BASIC.replace("kind: meal", "kind: free")
    assert found(stay, selection=ONLY) == []
    assert found(free, selection=ONLY) == []


def test_same_start_points_at_the_one_written_later(found: Found) -> None:
    text = BASIC.replace("start: 2027-05-11 11:30", "start: 2027-05-11 10:00")
    assert found(text, selection=ONLY) == [at(BASIC, "lunch:")]
    swapped = PEOPLE + """\
events:
  lunch: {kind: meal, title: Lunch, start: 2027-05-11 10:00, end: 13:00, attendees: [ana-silva]}
  plant-visit: {kind: visit, title: Visit, start: 2027-05-11 10:00, end: 12:00, attendees: [ana-silva]}
"""
    assert found(swapped, selection=ONLY) == [at(swapped, "plant-visit:")]


def test_each_overlapping_pair_once(found: Found) -> None:
    text = PEOPLE + """\
events:
  fair: {kind: visit, title: Fair, start: 2027-05-11 09:00, end: 13:00, attendees: [group:delegation]}
  talk: {kind: meeting, title: Talk, start: 2027-05-11 10:00, end: 11:00, attendees: [group:delegation]}
  demo: {kind: meeting, title: Demo, start: 2027-05-11 11:00, end: 12:00, attendees: [group:delegation]}
"""
    # talk and demo touch; each overlaps the fair once although two people are in all three.
    assert found(text, selection=ONLY) == [at(text, "talk:"), at(text, "demo:")]


B2B = """\
organisations:
  moldes-norte: {name: Moldes Norte}
  atlas-auto: {name: Atlas Auto}
people:
  ana-silva: {name: Ana Silva, organisation: moldes-norte}
  salma-idrissi: {name: Salma Idrissi, organisation: atlas-auto, side: host}
venues:
  casa-office: {name: Casablanca office, city: Casablanca}
b2b:
  matchmaking:
    title: B2B matchmaking
    venue: casa-office
    date: 2027-05-12
    start: "14:00"
    end: "17:30"
    slot: 25m
    gap: 5m
    tables: 4
    participants: [ana-silva, salma-idrissi]
    meetings:
      - {at: "14:00", table: 1, between: [moldes-norte, atlas-auto]}
      - {at: "14:30", table: 2, between: [moldes-norte, atlas-auto]}
events:
  tour:
    kind: visit
    title: Factory tour
    start: 2027-05-12 14:10
    end: 14:25
    attendees: [ana-silva]
"""


def test_b2b_meeting_collides_with_a_visit(found: Found) -> None:
    # The 14:00 meeting (14:00-14:25) starts first: the finding is at the visit.
    assert found(B2B, selection=ONLY) == [at(B2B, "tour:")]


def test_b2b_meeting_starting_later_is_pointed_at_its_entry(found: Found) -> None:
    text = B2B.replace("start: 2027-05-12 14:10", "start: 2027-05-12 14:20").replace(
        "end: 14:25", "end: 14:35")
    # 14:20-14:35 overlaps the 14:00 meeting (it starts later: at the visit) and the 14:30
    # meeting (which starts later: at its entry in b2b.matchmaking.meetings).
    assert found(text, selection=ONLY) == [at(B2B, '{at: "14:30"'), at(B2B, "tour:")]


def test_waiver_on_the_event_suppresses_the_finding(report_of: ReportOf) -> None:
    text = BASIC.replace("    title: Lunch with hosts\n", "    title: Lunch with hosts\n"
                         "    waive: {MC101: Ana joins the lunch late}\n")
    report = report_of(text)
    assert report.checked
    assert [f for f in report.shown if f.code == CODE] == []
    assert [(f.code, f.loc.line, f.waived) for f in report.waived if f.code == CODE] == [
        (CODE, 29, "Ana joins the lunch late")]


class Span:
    """A stand-in for Event: the sweep only reads id, start and end."""

    def __init__(self, ident: str, start: int, end: int) -> None:
        self.id, self.start, self.end = ident, start, end


def test_sweep_reports_overlaps_only() -> None:
    events = [Span("a", 0, 10), Span("b", 2, 3), Span("c", 3, 5), Span("d", 10, 12)]
    pairs = [(x.id, y.id) for x, y in overlapping(events)]  # type: ignore[arg-type]
    assert pairs == [("b", "a"), ("c", "a")]


def test_sweep_agrees_with_all_pairs() -> None:
    rng = random.Random(1)
    for _ in range(300):
        spans = []
        for i in range(rng.randrange(0, 12)):
            start = rng.randrange(0, 40)
            spans.append(Span(f"e{i}", start, start + rng.randrange(1, 10)))
        spans.sort(key=lambda s: (s.start, s.id))
        swept = {(x.id, y.id) for x, y in overlapping(spans)}  # type: ignore[arg-type]
        brute = {(b.id, a.id) for i, a in enumerate(spans) for b in spans[i + 1:]
                 if a.start < b.end and b.start < a.end}
        assert swept == brute
