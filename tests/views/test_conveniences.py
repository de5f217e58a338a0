"""Terminal conveniences: `--day today|tomorrow` in the mission's zone, `--next` (the event
under way and the next one, from an injected clock: no test waits for a time), and the
timeline's row labels as wide as the width given allows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from missionctl.cli import viewing as cli_views
from missionctl.cli.app import main
from missionctl.model import Mission
from missionctl.render.terminal import MIN_LABEL, label_width
from missionctl.render.terminal import timeline as draw
from missionctl.views.select import Selection, relative_day, select_events, upcoming
from missionctl.views.timeline import build as timeline


@pytest.mark.parametrize("text, now, day", [
    # 09:00 UTC is 23:00 on the same day in Kiritimati (UTC+14); 23:30 UTC the next day
    ("today", datetime(2027, 5, 10, 9, 0, tzinfo=UTC), "2027-05-10"),
    ("tomorrow", datetime(2027, 5, 10, 9, 0, tzinfo=UTC), "2027-05-11"),
    ("today", datetime(2027, 5, 10, 23, 30, tzinfo=UTC), "2027-05-11"),
    (" Tomorrow ", datetime(2027, 5, 10, 23, 30, tzinfo=UTC), "2027-05-12"),
    ("2027-05-12", datetime(2027, 5, 10, tzinfo=UTC), "2027-05-12"),
])
def test_relative_day_in_the_mission_zone(text: str, now: datetime, day: str) -> None:
    assert relative_day(text, "Pacific/Kiritimati", now) == day


def test_relative_day_in_casablanca_across_midnight() -> None:
    # Casablanca is UTC+0 in May 2027 (permanently since 2026-09-20): 23:59 UTC is still today
    assert relative_day("today", "Africa/Casablanca",
                        datetime(2027, 5, 10, 23, 59, tzinfo=UTC)) == "2027-05-10"
    assert relative_day(None, "Africa/Casablanca", datetime(2027, 5, 10, tzinfo=UTC)) is None


def _ids(small: Mission, now: datetime, person: str = "ana") -> list[str]:
    return [e.id for e in select_events(small, Selection(person=person, after=now))]


def test_next_before_anything(small: Mission) -> None:
    assert _ids(small, datetime(2027, 5, 9, tzinfo=UTC)) == ["flight"]


def test_next_while_an_event_is_under_way(small: Mission) -> None:
    # 10:30 local (UTC+0): the visit runs, the clash starts next at 11:00
    assert _ids(small, datetime(2027, 5, 10, 10, 30, tzinfo=UTC)) == ["visit", "clash"]


def test_next_skips_cancelled_events_and_stays(small: Mission) -> None:
    # after the clash: the dinner is cancelled and the night is a stay; next the round table
    assert _ids(small, datetime(2027, 5, 10, 12, 30, tzinfo=UTC))[0] == "round-table"


def test_next_after_everything(small: Mission) -> None:
    assert _ids(small, datetime(2028, 1, 1, tzinfo=UTC)) == []
    assert upcoming([], datetime(2028, 1, 1, tzinfo=UTC)) == []


def test_cli_next_and_today(capsys: pytest.CaptureFixture[str], small_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_views, "clock", lambda: datetime(2027, 5, 10, 10, 30, tzinfo=UTC))
    assert main(["itinerary", str(small_path), "--person", "ana", "--next"]) == 0
    out = capsys.readouterr().out
    assert "Visit to Acme" in out and "Call with" in out
    assert "Flight Lisbon" not in out and "Round table" not in out
    assert main(["itinerary", str(small_path), "--day", "tomorrow"]) == 0
    out = capsys.readouterr().out
    assert "Tuesday 11 May 2027" in out and "Monday 10 May" not in out


def test_cli_next_needs_a_person(capsys: pytest.CaptureFixture[str], small_path: Path) -> None:
    assert main(["itinerary", str(small_path), "--next"]) == 2
    assert "--next needs --person" in capsys.readouterr().err


def test_timeline_labels_use_the_width(small: Mission) -> None:
    tl = timeline(small, Selection(), {})
    day = tl.days[0]
    longest = max(len(r.label) for r in day.rows)
    hours = day.last_hour - day.first_hour
    assert label_width(day, 4 * hours + 1 + longest + 20) == longest  # room: whole labels
    assert label_width(day, 4 * hours + 1 + 14) == 14  # cut to what is left
    assert label_width(day, 4 * hours + 1 + 5) == MIN_LABEL  # never narrower
    wide = draw(tl, 4 * hours + 1 + longest + 20)
    assert all(r.label in wide for r in day.rows)
