"""The slot grid, as MC204 judges it, and a change of offset inside a session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.schedule.grid import covered, grid, slot_of

if TYPE_CHECKING:
    from conftest import Load

SESSION = """\
venues:
  lisbon: {{name: Lisbon hotel, timezone: Europe/Lisbon}}
b2b:
  s:
    title: Session
    venue: lisbon
    date: {date}
    start: "{start}"
    end: "{end}"
    slot: 25m
    gap: 5m
    tables: 2
"""


def test_slots_start_every_slot_plus_gap_and_end_by_the_end(loaded: Load) -> None:
    mission = loaded(SESSION.format(date="2027-05-11", start="14:00", end="15:55")).mission
    assert mission is not None
    slots = grid(mission.b2b["s"])
    assert [s.at_text for s in slots] == ["14:00", "14:30", "15:00", "15:30"]
    assert [(s.end - s.start).seconds for s in slots] == [1500] * 4
    assert slots[0].start.isoformat() == "2027-05-11T13:00:00+00:00"  # Lisbon, UTC+1
    first = slot_of(slots, slots[1].at)
    assert first is not None and first.n == 1
    assert covered(slots, slots[0].start, slots[1].end) == [0, 1]


def test_wall_times_the_clocks_skip_hold_no_slot(loaded: Load) -> None:
    # Lisbon goes from 01:00 to 02:00 on 28 March 2027: 01:00 and 01:30 do not exist.
    mission = loaded(SESSION.format(date="2027-03-28", start="00:30", end="03:00")).mission
    assert mission is not None
    slots = grid(mission.b2b["s"])
    assert [s.at_text for s in slots] == ["00:30", "02:00", "02:30"]
    assert [s.n for s in slots] == [0, 1, 2]
