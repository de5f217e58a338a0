"""The operational sheets as tables: rooming (nights, check-in and check-out per run of
nights), dietary (counts and names per meal), manifest (private fields only in the driver's
copy), badges; cancelled events left out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest

from missionctl.model import Mission
from missionctl.views.sheets import KINDS, build

SHEETS = """\
missionctl: 1
mission: {id: s, title: Sheets, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-16}
organisations:
  acme: {name: Acme, type: company}
venues:
  h1: {name: Hotel One, timezone: Africa/Casablanca, address: 1 Main St}
  h2: {name: Hotel Two, timezone: Africa/Casablanca}
  cmn: {name: CMN airport, timezone: Africa/Casablanca, address: Nouaceur}
people:
  ana: {name: Ana, organisation: acme, role: Boss, phone: "+351 1", dietary: vegetarian}
  bob: {name: Bob, organisation: acme, phone: "+351 2", private: [phone], dietary: no pork}
  cid: {name: Cid, phone: "+351 3", dietary: "vegetarian"}
  dan: {name: Dan}
events:
  n1: {kind: stay, title: N1, venue: h1, start: 2027-05-10 22:00, end: 2027-05-11 07:00,
       attendees: [ana, bob]}
  n2: {kind: stay, title: N2, venue: h1, start: 2027-05-11 22:00, end: 2027-05-12 07:00,
       attendees: [ana]}
  n3: {kind: stay, title: N3, venue: h2, start: 2027-05-12 22:00, end: 2027-05-13 07:00,
       attendees: [ana, bob]}
  n4: {kind: stay, title: N4, venue: h1, start: 2027-05-13 22:00, end: 2027-05-15 07:00,
       attendees: [ana]}
  gone: {kind: stay, title: Gone, venue: h2, start: 2027-05-15 22:00, end: 2027-05-16 07:00,
         attendees: [dan], status: cancelled}
  lunch: {kind: meal, title: Lunch, venue: h1, start: 2027-05-11 13:00, end: 14:00,
          attendees: [ana, bob, cid, dan]}
  dinner: {kind: meal, title: Dinner, start: 2027-05-11 20:00, end: 21:00, attendees: [dan]}
  coach: {kind: travel, title: Coach to CMN, mode: coach, carrier: Casa Cars, reference: R1,
          from: cmn, to: h1, start: 2027-05-10 12:00, end: 13:00, attendees: [ana, bob]}
"""


@pytest.fixture
def sheets(mission_of: Callable[[str], Mission]) -> Mission:
    return mission_of(SHEETS)


def test_rooming_nights_and_runs(sheets: Mission) -> None:
    t = build(sheets, "rooming")
    assert [c.key for c in t.columns] == ["hotel", "night", "guest", "organisation",
                                          "check_in", "check_out"]
    d = date
    assert list(t.rows) == [
        ("Hotel One", d(2027, 5, 10), "Ana", "Acme", d(2027, 5, 10), d(2027, 5, 12)),
        ("Hotel One", d(2027, 5, 10), "Bob", "Acme", d(2027, 5, 10), d(2027, 5, 11)),
        ("Hotel One", d(2027, 5, 11), "Ana", "Acme", d(2027, 5, 10), d(2027, 5, 12)),
        # back at Hotel One after a night elsewhere: a new check-in; two nights in one stay
        ("Hotel One", d(2027, 5, 13), "Ana", "Acme", d(2027, 5, 13), d(2027, 5, 15)),
        ("Hotel One", d(2027, 5, 14), "Ana", "Acme", d(2027, 5, 13), d(2027, 5, 15)),
        ("Hotel Two", d(2027, 5, 12), "Ana", "Acme", d(2027, 5, 12), d(2027, 5, 13)),
        ("Hotel Two", d(2027, 5, 12), "Bob", "Acme", d(2027, 5, 12), d(2027, 5, 13)),
    ]
    assert [k for k, _rows in t.sections()] == [("Hotel One",), ("Hotel Two",)]


def test_dietary_counts_and_names(sheets: Mission) -> None:
    t = build(sheets, "dietary")
    lunch = [r for r in t.rows if r[2] == "Lunch"]
    assert [r[5:] for r in lunch] == [("no pork", 1, "Bob"), ("vegetarian", 2, "Ana, Cid"),
                                      ("no dietary need stated", 1, None)]
    assert lunch[0][:5] == (date(2027, 5, 11), time(13, 0), "Lunch", "Hotel One", 4)
    dinner = [r for r in t.rows if r[2] == "Dinner"]
    assert [r[4:] for r in dinner] == [(1, "no dietary need stated", 1, None)]


def test_manifest_private_phone_only_in_the_drivers_copy(sheets: Mission) -> None:
    shared = build(sheets, "manifest")
    assert [r[7:] for r in shared.rows] == [("Ana", "Acme", "+351 1"), ("Bob", "Acme", None)]
    assert shared.rows[0][:7] == (date(2027, 5, 10), time(12, 0), "Coach to CMN",
                                  "CMN airport, Nouaceur", "Hotel One", "Coach · Casa Cars",
                                  "R1")
    driver = build(sheets, "manifest", driver=True)
    assert [r[9] for r in driver.rows] == ["+351 1", "+351 2"]
    assert "driver's copy" in driver.heading and "driver" not in shared.heading


def test_badges_everyone_taking_part(sheets: Mission) -> None:
    t = build(sheets, "badges")
    assert list(t.rows) == [("Ana", "Acme", "Boss", "ana"), ("Bob", "Acme", None, "bob"),
                            ("Cid", None, None, "cid"), ("Dan", None, None, "dan")]


@pytest.mark.parametrize("kind", KINDS)
def test_every_sheet_of_the_small_mission(small: Mission, kind: str) -> None:
    t = build(small, kind)
    assert t.kind == kind and t.title == "Small mission"
    assert all(len(r) == len(t.columns) for r in t.rows)


def test_one_run_over_many_nights(mission_of: Callable[[str], Mission]) -> None:
    """28 one-night stays in a row are one check-in and one check-out for each guest."""
    def mission(n: int) -> Mission:
        nights = "\n".join(
            f"  s{i}: {{kind: stay, title: S, venue: h, start: 2027-01-{1 + i % 28:02d} 22:00,"
            f" end: 2027-01-{2 + i % 28:02d} 07:00, attendees: [a, b]}}" for i in range(n))
        return mission_of(f"""\
missionctl: 1
mission: {{id: s, title: S, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-01-01, end: 2027-01-31}}
venues: {{h: {{name: H, timezone: Africa/Casablanca}}}}
people: {{a: {{name: A}}, b: {{name: B}}}}
events:
{nights}
""")
    t = build(mission(28), "rooming")
    assert len(t.rows) == 56
    assert {(r[4], r[5]) for r in t.rows} == {(date(2027, 1, 1), date(2027, 1, 29))}
