"""A clock going back during an event puts its local end before its local start: every rule
that judges local days and hours (MC203, MC302, MC303, MC304, MC306) must judge the same
per-day pieces, `wording.day_pieces`.

Real cases from the tz database (the pinned `tzdata`): Morocco suspended summer time for
Ramadan, and the clocks went back from 03:00 to 02:00 on Friday 2012-07-20 and on Saturday
2014-06-28, both the first day of Ramadan (Umm al-Qura). A 20-minute visit starting at 02:50
summer time ends at 02:10 winter time. The piece judged is 02:10-02:50 (swapped, see
`day_pieces`), so windows opening at 02:30, between the two, find it outside; they would not
if one rule clamped the end to the start (as MC203 once did) and saw only 02:50.
"""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from missionctl.checks import Context
from missionctl.checks.support.calendar import local_events
from missionctl.linter import FileReport, Selection
from missionctl.loader import load
from missionctl.wording import day_pieces

RULES = ("MC203", "MC302", "MC303", "MC304", "MC306")
Found = Callable[..., list[tuple[str, int, int]]]

MISSION = """\
missionctl: 1
mission:
  id: night-shifts
  title: Night shift visits
  host_country: MA
  timezone: Africa/Casablanca
  start: {first}
  end: {last}
checks:
  working_hours: "{opens}-18:30"
  ramadan_hours: "{opens}-15:00"
  friday_prayer: "{prayer}"
venues:
  plant: {{name: Atlas Auto plant, hours: "{opens}-23:00"}}
events:
  {event}: {{kind: visit, title: Night shift, venue: plant, start: {day} 02:50, duration: 20m}}
"""
# Two years apart, so two missions (a mission lasts at most 366 days); each event on line 16.
DAYS = {"friday": date(2012, 7, 20), "saturday": date(2014, 6, 28)}
FRIDAY, SATURDAY = "friday", "saturday"


def mission_text(opens: str, prayer: str, event: str) -> str:
    day = DAYS[event]
    return MISSION.format(opens=opens, prayer=prayer, event=event, day=day,
                          first=day - timedelta(days=1), last=day + timedelta(days=1))


def found_both(found: Found, opens: str, prayer: str) -> list[tuple[str, str]]:
    """(code, event) of every finding of RULES, over the two missions."""
    out: list[tuple[str, str]] = []
    for event in DAYS:
        for code, line, column in found(mission_text(opens, prayer, event), header=False,
                                        selection=Selection(select=RULES)):
            assert (line, column) == (16, 3)
            out.append((code, event))
    return sorted(out)


def test_the_local_end_is_before_the_start_and_every_rule_gets_the_same_pieces(
        write: Callable[..., Path]) -> None:
    for event_id, day in DAYS.items():
        loaded = load(write(mission_text("02:30", "02:00-02:20", event_id)), "m.yaml")
        assert loaded.ok and loaded.mission is not None, loaded.findings
        mission = loaded.mission
        event = mission.events[event_id]
        assert (event.end - event.start).total_seconds() == 20 * 60
        start, end = (t.replace(tzinfo=None) for t in (event.local_start(), event.local_end()))
        assert (start, end) == (datetime.combine(day, time(2, 50)), datetime.combine(day, time(2, 10)))
        assert day_pieces(start, end) == ((day, time(2, 10), time(2, 50)),)
        # MC301-MC306 judge the pieces of `local_events`; MC203 calls day_pieces on the same
        # times.
        judged = {le.event.id: le.pieces for le in local_events(Context(mission))}
        assert judged == {event_id: ((day, time(2, 10), time(2, 50)),)}


def test_windows_opening_between_the_end_and_the_start_find_it_outside(
        found: Found, report_of: Callable[..., FileReport]) -> None:
    assert found_both(found, "02:30", "02:00-02:20") == [
        ("MC203", FRIDAY), ("MC203", SATURDAY),
        ("MC302", SATURDAY),  # the weekend; Friday is a working day in Morocco
        ("MC303", FRIDAY),  # 02:10-02:50 overlaps 02:00-02:20
        ("MC304", FRIDAY), ("MC304", SATURDAY),
        ("MC306", FRIDAY), ("MC306", SATURDAY),
    ]
    messages = {(f.code, event): f.message for event in DAYS
                for f in report_of(mission_text("02:30", "02:00-02:20", event),
                                   header=False).shown}
    assert "the venue is open only 02:30-23:00 on Friday 20 Jul;" in messages["MC203", FRIDAY]
    assert "the venue is open only 02:30-23:00 on Saturday 28 Jun;" in messages["MC203", SATURDAY]
    for code in ("MC304", "MC306"):
        assert "on Fri 2012-07-20 it starts at 02:10, before 02:30" in messages[code, FRIDAY]
        assert "on Sat 2014-06-28 it starts at 02:10, before 02:30" in messages[code, SATURDAY]


@pytest.mark.parametrize("prayer", ["01:00-02:10", "02:50-04:00"])
def test_windows_holding_both_ends_find_it_inside(found: Found, prayer: str) -> None:
    # Opening at 02:10 holds 02:10-02:50; the prayer window only touches the piece
    # (half-open intervals), before its 02:10 or after its 02:50.
    assert found_both(found, "02:10", prayer) == [("MC302", SATURDAY)]
