"""`missionctl new` (template.py): the mission it writes passes `check` with no finding at
all, whatever the country, and on the default start whatever the day it is run."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from missionctl.cli.app import main
from missionctl.template import findings_of, new_mission


@pytest.mark.parametrize(("country", "zone", "start"), [
    ("MA", "Africa/Casablanca", "2027-05-11"),
    ("MA", "Africa/Casablanca", "2026-10-13"),  # after Morocco's switch to UTC+0 for good
    ("PT", "Europe/Lisbon", "2027-05-11"),
    ("ES", "Europe/Madrid", "2027-10-05"),
    ("TN", "Africa/Tunis", "2027-03-02"),
    ("SN", "Africa/Dakar", "2027-06-08"),
])
def test_the_template_has_no_finding(country: str, zone: str, start: str) -> None:
    assert findings_of(new_mission("trip", country, zone, start)) == []


def test_the_default_start_is_clean_whenever_it_is_run() -> None:
    # a year of Mondays and Fridays, Ramadan 2027 (Feb-Mar) and Eid holidays included
    for week in range(0, 53, 3):
        for country, zone in (("MA", "Africa/Casablanca"), ("PT", "Europe/Lisbon")):
            today = date(2026, 12, 7) + timedelta(weeks=week, days=4 * (week % 2))
            text = new_mission("trip", country, zone, None, today=today)
            assert findings_of(text) == [], (country, today)


def test_new_then_check_reports_nothing(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "trip.yaml"
    assert main(["new", str(path)]) == 0
    capsys.readouterr()
    assert main(["check", str(path), "--strict", "--show-waived"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "1 file checked: 0 errors, 0 warnings, 0 info"
    assert ": MC" not in out
