"""MC105 long-day: exact (code, line, column), positive and negative.

Findings point at the person's id key: Ana on line 10, Rui on line 11. Casablanca is UTC+0
in 2027, Lisbon UTC+1 in May. max_day defaults to 12h.
"""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC105"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists
ANA, RUI = (CODE, 10, 3), (CODE, 11, 3)

SETUP = """\
people:
  ana-silva: {name: Ana Silva}
  rui-costa: {name: Rui Costa}
groups:
  delegation: {members: [ana-silva, rui-costa]}
venues:
  lis: {name: Lisbon airport, timezone: Europe/Lisbon}
  cmn: {name: Casablanca airport}
  lisbon-office: {name: Lisbon office, timezone: Europe/Lisbon}
events:
"""


def day(*events: str, who: str = "ana-silva") -> str:
    """Events written 'id kind start | end'; a bare HH:MM start is on 2027-05-11."""
    lines = []
    for spec in events:
        head, end = spec.split(" | ")
        ident, kind, start = head.split(" ", 2)
        start = start if "-" in start else f"2027-05-11 {start}"
        lines.append(f"  {ident}: {{kind: {kind}, title: {ident.title()}, start: {start}, "
                     f"end: {end}, attendees: [{who}]}}\n")
    return SETUP + "".join(lines)


LONG = day("flight travel 06:00 | 07:00", "visit visit 10:00 | 12:00", "dinner meal 20:00 | 21:30")


def test_long_day_once_per_person_at_the_person(found: Found) -> None:
    assert found(LONG, selection=ONLY) == [ANA]


def test_message(report_of: ReportOf) -> None:
    [finding] = [f for f in report_of(LONG).shown if f.code == CODE]
    assert finding.message == (
        "Ana Silva's day on Tue 2027-05-11 runs 15h30, from 'Flight' (flight) at 06:00 to "
        "the end of 'Dinner' (dinner) at 21:30, longer than checks.max_day (12h); spread "
        "the programme over more days, or raise checks.max_day")
    assert (finding.loc.line, finding.subject) == (10, None)


def test_exactly_max_day_is_fine(found: Found) -> None:
    assert found(day("a visit 08:00 | 09:00", "b meal 19:00 | 20:00"), selection=ONLY) == []
    assert found(day("a visit 08:00 | 09:00", "b meal 19:00 | 20:01"), selection=ONLY) == [ANA]


def test_max_day_setting(found: Found) -> None:
    assert found(LONG.replace("events:", "checks: {max_day: 16h}\nevents:"),
                 selection=ONLY) == []


def test_travel_counts(found: Found) -> None:
    without_flight = LONG.replace("kind: travel", "kind: travel, status: cancelled")
    assert found(without_flight, selection=ONLY) == []  # 10:00-21:30 is 11h30


def test_stay_and_free_do_not_count(found: Found) -> None:
    text = day("hotel stay 2027-05-10 14:00 | 2027-05-12 11:00", "gym free 06:00 | 07:00",
               "visit visit 09:00 | 12:00", "dinner meal 19:00 | 20:30")
    assert found(text, selection=ONLY) == []
    assert found(text.replace("kind: free", "kind: other"), selection=ONLY) == [ANA]


def test_each_long_day_and_each_person(found: Found) -> None:
    text = LONG + day("b1 visit 2027-05-12 07:00 | 08:00", "b2 meal 2027-05-12 20:00 | 21:00",
                      who="group:delegation").removeprefix(SETUP)
    assert found(text, selection=ONLY) == [ANA, ANA, RUI]


def test_an_evening_past_midnight_stays_on_its_day(found: Found) -> None:
    text = day("visit visit 08:00 | 10:00", "dinner meal 20:00 | 2027-05-12 01:00",
               "breakfast meal 2027-05-12 08:00 | 09:00")
    assert found(text, selection=ONLY) == [ANA]


def test_days_are_local_to_each_event(found: Found) -> None:
    # 00:30 in Lisbon on the 12th is 23:30 UTC on the 11th: in a UTC day the span from 08:00
    # would be 16h; each event belongs to its own local date, so these are two short days.
    text = SETUP + """\
  visit: {kind: visit, title: Visit, start: 2027-05-11 08:00, end: 10:00, attendees: [ana-silva]}
  call: {kind: meeting, title: Late call, venue: lisbon-office, start: 2027-05-12 00:30, end: 01:00, attendees: [ana-silva]}
"""
    assert found(text, selection=ONLY) == []
    in_casablanca = text.replace("venue: lisbon-office, start: 2027-05-12 00:30, end: 01:00",
                                 "start: 2027-05-11 23:30, end: 2027-05-12 00:00")
    assert found(in_casablanca, selection=ONLY) == [ANA]


def test_a_flight_counts_on_its_origin_date(found: Found) -> None:
    text = SETUP + """\
  flight: {kind: travel, title: Flight, from: lis, to: cmn, start: 2027-05-11 07:00, end: 08:00, attendees: [ana-silva]}
  dinner: {kind: meal, title: Dinner, start: 2027-05-11 19:00, end: 19:30, attendees: [ana-silva]}
"""
    # Leaves 07:00 Lisbon (06:00 UTC), dinner ends 19:30 UTC: 13h30.
    assert found(text, selection=ONLY) == [ANA]


def test_a_day_across_zones_names_each_time_with_its_zone(report_of: ReportOf) -> None:
    # The flight leaves at 08:10 Lisbon time (07:10 UTC); the dinner ends at 22:00 Casablanca
    # time (22:00 UTC): 14h50. Both times are wall-clock times, each in its own zone: saying so
    # keeps "08:10 to 22:00" from reading as 13h50 in one zone.
    text = SETUP + """\
  flight: {kind: travel, title: Flight Lisbon -> Tangier, from: lis, to: cmn, start: 2027-05-12 08:10, end: 10:00, attendees: [ana-silva]}
  dinner: {kind: meal, title: Dinner, start: 2027-05-12 20:00, end: 22:00, attendees: [ana-silva]}
"""
    [finding] = [f for f in report_of(text).shown if f.code == CODE]
    assert finding.message == (
        "Ana Silva's day on Wed 2027-05-12 runs 14h50, from 'Flight Lisbon -> Tangier' (flight) "
        "at 08:10 (Europe/Lisbon time) to the end of 'Dinner' (dinner) at 22:00 "
        "(Africa/Casablanca time), longer than checks.max_day (12h); spread the programme over "
        "more days, or raise checks.max_day")


def test_a_day_in_one_foreign_zone_says_it_once(report_of: ReportOf) -> None:
    text = SETUP + """\
  early: {kind: meeting, title: Early, venue: lisbon-office, start: 2027-05-12 07:00, end: 08:00, attendees: [ana-silva]}
  late: {kind: meal, title: Late, venue: lisbon-office, start: 2027-05-12 20:00, end: 21:00, attendees: [ana-silva]}
"""
    [finding] = [f for f in report_of(text).shown if f.code == CODE]
    assert "from 'Early' (early) at 07:00 to the end of 'Late' (late) at 21:00 " \
        "(Europe/Lisbon time), longer" in finding.message
