"""MC307 recent-tz-change: exact (code, line, column); the data file against the two tz
databases it was made from. The header's mission is in Africa/Casablanca, May 2027; its
`timezone:` value is at line 6, column 13; the body starts on line 9."""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Callable
from datetime import datetime
from importlib import resources
from pathlib import Path

import pytest

from missionctl.checks.recent_tz_change import recent_changes
from missionctl.linter import FileReport, Selection

CODE = "MC307"
ONLY = Selection(select=(CODE,))
TIMEZONE = (CODE, 6, 13)
Found = Callable[..., list[tuple[str, int, int]]]

VENUES = """\
venues:
  lisbon: {name: Lisbon office, timezone: Europe/Lisbon}
  edmonton: {name: Edmonton plant, timezone: America/Edmonton}
  cmn: {name: Casablanca airport}
events:
"""


def test_events_in_the_mission_zone_after_the_change(found: Found, report_of: Callable[..., FileReport]) -> None:
    text = VENUES + """\
  visit: {kind: visit, title: Plant visit, start: 2027-05-11 10:00, end: 12:00}
  dinner: {kind: meal, title: Dinner, start: 2027-05-10 20:00, end: 22:00}
"""
    assert found(text, selection=ONLY) == [TIMEZONE]
    [f] = [f for f in report_of(text).shown if f.code == CODE]
    assert f.message == (
        "2 events in Africa/Casablanca fall where its rules changed in tz 2026c (released "
        "2026-07-08: Morocco moves to permanent UTC+0 on 2026-09-20, dropping UTC+1 outside "
        "Ramadan), the first 'Dinner' (dinner, 2027-05-10 20:00): calendar apps with tz data "
        "older than 2026c (2025b, for one) show them 1h early; export calendars with --times "
        "utc (itinerary --format ics --times utc, publish --times utc), which writes UTC times "
        "every app places right")
    assert [(r.line, r.column) for r in f.related] == [(15, 3)]  # the first: the dinner
    assert f.severity is not None and f.severity.label == "info"


def test_nothing_where_old_and_new_data_agree(found: Found) -> None:
    # June 2026: UTC+1 in both. Ramadan 2027 (7 February - 14 March): UTC+0 in both.
    text = VENUES + """\
  before: {kind: visit, title: Before, start: 2026-06-10 10:00, end: 12:00}
  ramadan: {kind: visit, title: Ramadan, start: 2027-02-20 10:00, end: 12:00}
  lisbon: {kind: visit, title: Lisbon, venue: lisbon, start: 2027-05-11 10:00, end: 12:00}
  gone: {kind: visit, title: Gone, start: 2027-05-11 10:00, end: 12:00, status: cancelled}
"""
    assert found(text, selection=ONLY) == []


def test_another_zone_is_reported_at_its_first_event(found: Found, report_of: Callable[..., FileReport]) -> None:
    # Alberta stays on UTC-6 in winter (2026c); older data falls back to UTC-7 in November.
    text = VENUES + """\
  summer: {kind: visit, title: Summer, venue: edmonton, start: 2027-07-05 10:00, end: 12:00}
  winter: {kind: visit, title: Winter, venue: edmonton, start: 2027-12-06 10:00, end: 12:00}
  later: {kind: visit, title: Later, venue: edmonton, start: 2027-12-07 10:00, end: 12:00}
"""
    assert found(text, selection=ONLY) == [(CODE, 15, 3)]  # winter; summer agrees
    [f] = [f for f in report_of(text).shown if f.code == CODE]
    assert f.subject == "winter" and f.related == ()
    assert f.message.startswith("2 events in America/Edmonton fall where its rules changed "
                                "in tz 2026c (released 2026-07-08: Alberta stays on UTC-6 all year")
    assert "show them 1h late;" in f.message


def test_a_flight_counts_by_its_end_in_its_destination_zone(found: Found) -> None:
    text = VENUES.replace("  cmn: {name: Casablanca airport}\n", "") + """\
  flight: {kind: travel, title: Flight, from: lisbon, to: lisbon, start: 2027-05-10 07:00, end: 08:00}
"""
    text = text.replace("  lisbon: {name: Lisbon office, timezone: Europe/Lisbon}\n",
                        "  lisbon: {name: Lisbon office, timezone: Europe/Lisbon}\n  cmn: {name: Casablanca airport}\n")
    assert found(text, selection=ONLY) == []
    into = text.replace("to: lisbon", "to: cmn")
    assert found(into, selection=ONLY) == [TIMEZONE]


def test_one_finding_per_zone_and_waived_for_the_mission(report_of: Callable[..., FileReport]) -> None:
    text = "checks:\n  waive: {MC307: calendars go out in UTC}\n" + VENUES + """\
  a: {kind: visit, title: A, start: 2027-05-11 10:00, end: 12:00}
  b: {kind: visit, title: B, venue: edmonton, start: 2027-12-06 10:00, end: 12:00}
"""
    report = report_of(text)
    assert [f.code for f in report.shown if f.code in (CODE, "MC407")] == []
    assert [(f.code, f.waived) for f in report.waived] == [
        (CODE, "calendars go out in UTC"), (CODE, "calendars go out in UTC")]


# -- the data file -----------------------------------------------------------------------------

DATA = json.loads(resources.files("missionctl").joinpath("data/tz_changes.json").read_text("utf-8"))


def test_every_change_has_its_release_date_and_source() -> None:
    assert DATA["changes"]
    for change in DATA["changes"]:
        assert change["release"] > DATA["stale"]
        datetime.strptime(change["released"], "%Y-%m-%d")
        assert change["source"] == f"https://github.com/eggert/tz/blob/{change['release']}/NEWS"
        assert change["what"] and change["zones"] and change["periods"]
        ends = [datetime.fromisoformat(b.replace("Z", "+00:00")) for _, b, _ in change["periods"]]
        starts = [datetime.fromisoformat(a.replace("Z", "+00:00")) for a, _, _ in change["periods"]]
        assert all(a < b for a, b in zip(starts, ends, strict=True))
        assert all(b <= a for b, a in zip(ends, starts[1:], strict=False))  # sorted, apart
    casablanca = recent_changes().zones["Africa/Casablanca"][1]
    assert casablanca[0].change.release == "2026c"
    assert casablanca[0].start.isoformat() == "2026-09-20T01:00:00+00:00"


def _generator() -> object:
    path = Path(__file__).resolve().parents[2] / "tools" / "tz_changes.py"
    spec = importlib.util.spec_from_file_location("tz_changes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STALE = Path("/usr/share/zoneinfo")


@pytest.mark.skipif(shutil.which("zdump") is None or not (STALE / "tzdata.zi").exists()
                    or DATA["stale"] not in (STALE / "tzdata.zi").read_text().splitlines()[0],
                    reason=f"needs zdump and the host's tz {DATA['stale']} in {STALE}")
def test_the_periods_are_where_the_two_databases_disagree() -> None:
    """Made again from the host's tz data (the stale one) and the pinned tzdata: the file is
    what the generator writes, so no period was written by hand."""
    gen = _generator()
    for change in DATA["changes"]:
        for zone in change["zones"]:
            assert gen.periods(zone, STALE) == change["periods"], zone  # type: ignore[attr-defined]
