"""MC106 no-lunch-break: exact (code, line, column), positive and negative.

Findings point at the person's id key: Ana on line 10, Rui on line 11. The window is
11:30-15:00 local; Casablanca is UTC+0 in 2027, Lisbon UTC+1 in May.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC106"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists
ANA, RUI = (CODE, 10, 3), (CODE, 11, 3)

SETUP = """\
people:
  ana-silva: {name: Ana Silva}
  rui-costa: {name: Rui Costa}
groups:
  delegation: {members: [ana-silva, rui-costa]}
venues:
  lisbon-office: {name: Lisbon office, timezone: Europe/Lisbon}
  lis: {name: Lisbon airport, timezone: Europe/Lisbon}
  cmn: {name: Casablanca airport}
events:
"""


def day(*events: str, who: str = "ana-silva", date: str = "2027-05-11") -> str:
    """Events written 'id kind HH:MM-HH:MM [extra fields]' on `date`."""
    lines = []
    for spec in events:
        ident, kind, times, *extra = spec.split(" ", 3)
        start, end = times.split("-")
        more = f", {extra[0]}" if extra else ""
        lines.append(f"  {ident}: {{kind: {kind}, title: {ident.title()}, start: {date} "
                     f"{start}, end: {end}, attendees: [{who}]{more}}}\n")
    return SETUP + "".join(lines)


BUSY = day("visit visit 10:00-13:00", "workshop workshop 13:15-16:00")


def test_no_break_is_found_at_the_person(found: Found) -> None:
    assert found(BUSY, selection=ONLY) == [ANA]


def test_message(report_of: ReportOf) -> None:
    [finding] = [f for f in report_of(BUSY).shown if f.code == CODE]
    assert finding.message == (
        "Ana Silva has no 45-minute break between 11:30 and 15:00 on Tue 2027-05-11 "
        "(longest gap 15m; busy with 'Visit' (visit), 'Workshop' (workshop)); free 45 "
        "minutes or add a meal event")
    assert finding.subject is None


def test_a_45_minute_gap_is_enough(found: Found) -> None:
    assert found(day("a visit 10:00-12:15", "b visit 13:00-16:00"), selection=ONLY) == []
    assert found(day("a visit 10:00-12:16", "b visit 13:00-16:00"), selection=ONLY) == [ANA]


def test_gaps_at_the_window_edges_count(found: Found) -> None:
    assert found(day("a visit 12:15-16:00"), selection=ONLY) == []  # free 11:30-12:15
    assert found(day("a visit 11:30-14:15"), selection=ONLY) == []  # free 14:15-15:00
    assert found(day("a visit 11:30-14:20"), selection=ONLY) == [ANA]  # only 40m


def test_a_meal_is_the_lunch_break(found: Found) -> None:
    text = day("visit visit 10:00-13:00", "lunch meal 13:00-14:00", "talk workshop 14:00-16:00")
    assert found(text, selection=ONLY) == []
    assert found(text.replace("kind: meal", "kind: reception"), selection=ONLY) == [ANA]


def test_no_event_in_the_window_no_finding(found: Found) -> None:
    assert found(day("a visit 08:00-11:30", "b visit 15:00-18:00"), selection=ONLY) == []


def test_free_and_stay_do_not_fill_the_window_nor_trigger(found: Found) -> None:
    text = day("a visit 10:00-12:00", "rest free 12:00-14:00", "b visit 14:00-16:00")
    assert found(text, selection=ONLY) == []
    assert found(day("rest free 11:00-16:00"), selection=ONLY) == []
    assert found(day("night stay 11:00-16:00"), selection=ONLY) == []


def test_cancelled_events_do_not_fill_the_window(found: Found) -> None:
    text = day("a visit 10:00-12:00", "gone visit 12:00-14:00 status: cancelled",
               "b visit 14:00-16:00")
    assert found(text, selection=ONLY) == []
    assert found(text.replace(", status: cancelled", ""), selection=ONLY) == [ANA]


def test_travel_fills_the_window(found: Found) -> None:
    text = day("flight travel 11:00-14:00 from: cmn, to: cmn", "visit visit 14:15-16:00")
    assert found(text, selection=ONLY) == [ANA]


def test_the_window_is_local(found: Found) -> None:
    # 11:00-14:30 in Lisbon is 10:00-13:30 UTC; the Lisbon window 11:30-15:00 is 10:30-14:00
    # UTC, leaving 30m. Read in Casablanca time (11:30-15:00 UTC) it would leave 1h30.
    text = day("call meeting 11:00-14:30 venue: lisbon-office")
    assert found(text, selection=ONLY) == [ANA]
    assert found(day("call meeting 11:00-14:30"), selection=ONLY) == [ANA]
    assert found(day("call meeting 11:00-14:15 venue: lisbon-office"), selection=ONLY) == []


def test_each_day_and_each_person(found: Found) -> None:
    text = BUSY + day("c visit 11:00-15:00", who="group:delegation",
                      date="2027-05-12").removeprefix(SETUP)
    assert found(text, selection=ONLY) == [ANA, ANA, RUI]
