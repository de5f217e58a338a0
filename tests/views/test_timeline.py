"""The timeline: one row per person or group, hours across; gaps and collisions show."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from missionctl.linter import run_checks
from missionctl.model import Mission
from missionctl.render import terminal
from missionctl.views.flags import Flag, flags_by_event
from missionctl.views.select import Selection
from missionctl.views.timeline import build


def test_people_with_the_same_day_share_a_row(small: Mission) -> None:
    tl = build(small, Selection(day=date(2027, 5, 10)), {})
    (day,) = tl.days
    labels = [r.label for r in day.rows]
    assert labels == ["Bruno Costa, Carla Dias", "Ana Silva"]


def test_collision_is_found_and_drawn(small: Mission) -> None:
    tl = build(small, Selection(day=date(2027, 5, 10)), flags_by_event(run_checks(small)))
    ana = next(r for r in tl.days[0].rows if r.label == "Ana Silva")
    assert ana.collisions == ((11 * 60, 11 * 60 + 30),)
    out = terminal.timeline(tl, 100)
    row = next(line for line in out.splitlines() if line.startswith("Ana Silva"))
    assert "!!" in row
    assert "⚠ MC101" in out


def test_stays_never_collide_and_cancelled_events_are_not_drawn(small: Mission) -> None:
    tl = build(small, Selection(day=date(2027, 5, 10)), {})
    assert all(not r.collisions for r in tl.days[0].rows if r.label != "Ana Silva")
    titles = [e.title for e in tl.days[0].legend]
    assert not any(t.startswith("Dinner") for t in titles)
    assert "Night at Hotel Anfa" in titles


def test_hours_are_in_the_mission_zone(small: Mission) -> None:
    tl = build(small, Selection(person="carla", day=date(2027, 5, 10)), {})
    flight = tl.days[0].legend[0]
    assert (flight.start, flight.end) == ("06:00", "08:40")  # 07:00 Lisbon = 06:00 Casablanca
    assert tl.days[0].first_hour == 6


def test_a_gap_is_empty(small: Mission) -> None:
    tl = build(small, Selection(person="carla", day=date(2027, 5, 10)), {})
    out = terminal.timeline(tl, 100)
    row = next(line for line in out.splitlines() if line.startswith("Carla Dias"))
    cells = row[len(row) - 4 * (tl.days[0].last_hour - tl.days[0].first_hour):]
    assert cells.startswith("AAAAAAAAAAA·")  # 06:00-08:40, then free
    assert "·" * 4 in cells


def test_b2b_meetings_share_one_key(small: Mission) -> None:
    tl = build(small, Selection(day=date(2027, 5, 11)), {})
    (b2b,) = [e for e in tl.days[0].legend if e.title == "B2B afternoon"]
    assert (b2b.start, b2b.end) == ("14:00", "15:00")


def test_a_sessions_entry_gathers_its_meetings_flags_once(
        small: Mission, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every meeting's flags, in the meetings' order, on the session's one entry; the entry
    is copied once with them (a copy per meeting, its flags a growing tuple, was quadratic
    in a session's meetings)."""
    from missionctl.views import timeline

    meetings = [e for e in small.events.values() if e.b2b]
    assert len(meetings) >= 2
    flags = {e.id: (Flag("MC101", "warning", f"about {e.id}"),) for e in meetings}
    copies = 0
    copy = timeline.replace

    def counted(obj: Any, **changes: Any) -> Any:
        nonlocal copies
        copies += 1
        return copy(obj, **changes)

    monkeypatch.setattr(timeline, "replace", counted)
    tl = build(small, Selection(day=date(2027, 5, 11)), flags)
    (b2b,) = [e for e in tl.days[0].legend if e.title == "B2B afternoon"]
    shown = [e for e in sorted(meetings, key=lambda e: (e.start, e.end, e.id))
             if e.local_start().date() == date(2027, 5, 11)]
    assert b2b.flags == tuple(f for e in shown for f in flags[e.id])
    assert copies == 1
