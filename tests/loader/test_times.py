"""Event times: empty `end`/`duration`, dates at the edge of the calendar, absurd spans."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from missionctl.cli.app import main
from missionctl.loader import Loaded, load

EV = "events:\n  e:\n    kind: meeting\n    title: M\n    start: 2027-05-11 10:00\n"
Found = Callable[..., list[tuple[str, int, int]]]


def messages(result: Loaded, code: str) -> list[str]:
    return [f.message for f in result.findings if f.code == code]


# -- `end:` / `duration:` present but empty -------------------------------------------------
@pytest.mark.parametrize(("field", "written", "col"), [
    ("end", "end:", 9), ("end", "end: ~", 10), ("end", "end: null", 10),
    ("duration", "duration:", 14), ("duration", "duration: ~", 15),
])
def test_an_empty_end_or_duration_alone_is_mc007_at_it(
    loaded: Callable[..., Loaded], field: str, written: str, col: int
) -> None:
    result = loaded(EV + f"    {written}\n")
    assert [(f.code, f.loc.line, f.loc.column) for f in result.findings] == [("MC007", 14, col)]
    assert messages(result, "MC007") == [
        f"event 'e' has an empty '{field}'; write when it ends (end: 11:30) or how long it "
        "lasts (duration: 1h30m)"]


@pytest.mark.parametrize(("empty", "given"), [("end: ~", "duration: 1h"),
                                              ("duration:", "end: '11:00'")])
def test_an_empty_end_or_duration_beside_the_other_is_not_given(
    loaded: Callable[..., Loaded], empty: str, given: str
) -> None:
    result = loaded(EV + f"    {empty}\n    {given}\n")
    assert result.findings == ()
    assert result.mission is not None
    assert result.mission.events["e"].end == datetime(2027, 5, 11, 11, 0, tzinfo=UTC)


def test_both_empty_is_one_mc007_at_end(found: Found) -> None:
    assert found(EV + "    end:\n    duration: ~\n") == [("MC007", 14, 9)]


# -- dates at the edge of the calendar ------------------------------------------------------
def mc003(result: Loaded) -> list[tuple[int, int, str]]:
    return [(f.loc.line, f.loc.column, f.message) for f in result.findings if f.code == "MC003"]


@pytest.mark.parametrize(("start", "end"), [
    ("0001-01-01 00:00-12:00", "0001-01-01 01:00-12:00"),
    ("0001-01-01 00:30+12:00", "'01:30'"),
    ("1899-12-31 23:00", "'23:30'"),
])
def test_a_year_before_1900_is_mc003_at_the_value(
    loaded: Callable[..., Loaded], start: str, end: str
) -> None:
    body = EV.replace("2027-05-11 10:00", start) + f"    end: {end}\n"
    found = mc003(loaded(body))
    assert found[0] == (13, 12, f"'{start}' is outside the years missionctl accepts "
                                "(1900-2999); check the year")


@pytest.mark.parametrize("end", ["9999-12-31 23:59", "3000-01-01 00:00"])
def test_an_end_after_2999_is_mc003_at_the_value(loaded: Callable[..., Loaded], end: str) -> None:
    assert mc003(loaded(EV + f"    end: {end}\n")) == [
        (14, 10, f"'{end}' is outside the years missionctl accepts (1900-2999); check the year")]


def test_a_start_in_9999_with_a_duration_is_mc003(loaded: Callable[..., Loaded]) -> None:
    body = EV.replace("2027-05-11 10:00", "9999-12-31 23:00") + "    duration: 2h\n"
    assert [(line, col) for line, col, _ in mc003(loaded(body))] == [(13, 12)]


def test_mission_dates_outside_the_years_are_mc003(write: Callable[..., Path]) -> None:
    path = write("missionctl: 1\nmission:\n  id: m\n  title: M\n  host_country: MA\n"
                 "  timezone: Africa/Casablanca\n  start: 0001-01-01\n  end: 9999-12-31\n")
    assert [(f.code, f.loc.line, f.loc.column) for f in load(path).findings] == [
        ("MC003", 7, 10), ("MC003", 8, 8)]


@pytest.mark.parametrize("written", ["P99999999999D", "99999999h", "367d", "P367D",
                                     "8809h", "528481m"])
def test_a_duration_over_366_days_is_mc003_at_it(
    loaded: Callable[..., Loaded], written: str
) -> None:
    assert mc003(loaded(EV + f"    duration: {written}\n")) == [
        (14, 15, f"'{written}' is longer than 366 days, the longest duration missionctl "
                 "accepts; check the number")]


def test_a_duration_of_366_days_is_read(loaded: Callable[..., Loaded]) -> None:
    result = loaded(EV.replace("meeting", "stay") + "    duration: 8784h\n")
    assert mc003(result) == []
    assert result.mission is not None
    e = result.mission.events["e"]
    assert e.end - e.start == timedelta(days=366)


# -- absurd spans ---------------------------------------------------------------------------
def test_an_event_lasting_until_2999_is_mc003_at_its_end(loaded: Callable[..., Loaded]) -> None:
    assert mc003(loaded(EV + "    end: 2999-12-31 23:59\n")) == [
        (14, 10, "event 'e' would last 355,250 days (2027-05-11 10:00 -> 2999-12-31 23:59); "
                 "an event lasts at most 366 days: check the date of its end")]


def test_an_event_of_367_days_is_mc003_and_366_is_not(loaded: Callable[..., Loaded]) -> None:
    stay = EV.replace("meeting", "stay")
    assert [(line, col) for line, col, _ in mc003(loaded(stay + "    end: 2028-05-12 10:01\n"))] \
        == [(14, 10)]
    assert mc003(loaded(stay + "    end: 2028-05-11 10:00\n")) == []


MISSION = ("missionctl: 1\nmission:\n  id: m\n  title: M\n  host_country: MA\n"
           "  timezone: Africa/Casablanca\n  start: 2027-05-10\n  end: {end}\n")


@pytest.mark.parametrize(("end", "days"), [("2999-05-14", 355_021), ("2029-05-10", 732)])
def test_a_mission_longer_than_two_years_is_mc003_at_its_end(
    loaded: Callable[..., Loaded], end: str, days: int
) -> None:
    assert mc003(loaded(MISSION.format(end=end), header=False)) == [
        (8, 8, f"the mission would last {days:,} days (2027-05-10 to {end}); a mission lasts "
               "at most two years (731 days): check the year of its end")]


def test_a_mission_of_two_years_is_fine(loaded: Callable[..., Loaded]) -> None:
    assert loaded(MISSION.format(end="2029-05-09"), header=False).findings == ()


@pytest.mark.parametrize(("start", "where"), [
    ("2999-05-12 12:00", "after the mission ends (2027-05-14)"),
    ("2029-05-16 12:00", "after the mission ends (2027-05-14)"),
    ("2025-05-08 12:00", "before the mission starts (2027-05-10)"),
])
def test_an_event_more_than_two_years_from_the_mission_is_mc003_at_its_start(
    loaded: Callable[..., Loaded], start: str, where: str
) -> None:
    body = EV.replace("2027-05-11 10:00", start) + "    duration: 1h\n"
    assert mc003(loaded(body)) == [
        (13, 12, f"event 'e' is on {start[:10]}, more than two years {where}; check the year")]


def test_an_event_ending_more_than_two_years_after_is_mc003_at_its_end(
    loaded: Callable[..., Loaded],
) -> None:
    body = EV.replace("2027-05-11 10:00", "2029-05-10 10:00") + "    end: 2029-06-20 10:00\n"
    assert mc003(loaded(body)) == [
        (14, 10, "event 'e' ends on 2029-06-20, more than two years after the mission ends "
                 "(2027-05-14); check the year")]


def test_an_event_two_years_from_the_mission_is_read(loaded: Callable[..., Loaded]) -> None:
    for start in ("2029-05-14 12:00", "2025-05-09 12:00"):
        body = EV.replace("2027-05-11 10:00", start) + "    duration: 1h\n"
        assert mc003(loaded(body)) == []


def test_arrival_departure_and_b2b_far_from_the_mission_are_mc003(
    loaded: Callable[..., Loaded],
) -> None:
    body = """\
people:
  ana: {name: Ana, arrival: 2027-05-09 10:00, departure: 2999-05-15 10:00}
  bo: {name: Bo, arrival: 2025-05-08 10:00}
b2b:
  s: {title: S, date: 2072-05-12, start: '14:00', end: '16:00', slot: 25m, tables: 2}
"""
    assert [(line, col, message[:40]) for line, col, message in mc003(loaded(body))] == [
        (10, 58, "person 'ana' departs on 2999-05-15, more"),
        (11, 27, "person 'bo' arrives on 2025-05-08, more "),
        (13, 23, "B2B session 's' is on 2072-05-12, more t"),
    ]


@pytest.mark.parametrize("args", [["check"], ["itinerary", "--format", "ics"],
                                  ["contacts", "--format", "vcf"]])
@pytest.mark.parametrize("event", [
    "start: 0001-01-01 00:00-12:00, end: 0001-01-01 01:00-12:00",
    "start: 0001-01-01 00:30+12:00, duration: 1h",
    "start: 2027-05-11 10:00, end: 9999-12-31 23:59",
    "start: 9999-12-31 23:00, duration: 2h",
    "start: 2027-05-11 10:00, duration: P99999999999D",
])
def test_edge_dates_are_findings_through_the_cli(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str], args: list[str],
    event: str,
) -> None:
    path = write("people:\n  ana: {name: Ana, email: ana@example.org}\nevents:\n"
                 f"  e: {{kind: visit, title: V, {event}, attendees: [ana]}}\n", header=True)
    assert main([*args, str(path)]) == 1
    out = capsys.readouterr()
    assert "MC003" in out.out + out.err
    assert "internal error" not in out.err


@pytest.mark.parametrize(("written", "ok"), [("2027-05-11", True), ("1900-01-01", True),
                                             ("2999-12-31", True), ("1899-12-31", False),
                                             ("0001-01-01", False), ("3000-01-01", False)])
def test_the_schema_says_the_years(written: str, ok: bool) -> None:
    import re

    from missionctl.schema import DATE, DATETIME

    assert bool(re.match(DATE, written)) is ok
    assert bool(re.match(DATETIME, written + " 10:00")) is ok
