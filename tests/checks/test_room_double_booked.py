"""MC201 room-double-booked: exact (code, line, column); the body starts on line 9."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pytest

from missionctl.checks import Context
from missionctl.checks.room_double_booked import run

from .counting import Counted, counted

if TYPE_CHECKING:
    from conftest import Found, Load, ReportOf

VENUES = """\
venues:
  hotel:
    name: Hotel Anfa
    rooms:
      salon: {name: Salon Mogador}
      terrace: {name: Terrace}
  annex:
    name: Annex
    rooms:
      salon: {name: Annex salon}
  cafe: {name: Cafe La Vague}
events:
"""
# Events written after VENUES start on line 21.


def only(found: Found, text: str, code: str) -> list[tuple[str, int, int]]:
    """The findings of `code`, after making sure the file has no format errors."""
    every = found(text)
    assert [c for c in every if c[0].startswith("MC0")] == []
    return [c for c in every if c[0] == code]


def mc201(found: Found, events: str) -> list[tuple[str, int, int]]:
    return only(found, VENUES + events, "MC201")


def test_overlap_in_one_room_points_at_the_later_event(report_of: ReportOf) -> None:
    report = report_of(VENUES + """\
  b: {kind: meal, title: Lunch, venue: hotel, room: salon, start: 2027-05-11 10:30, end: 12:00}
  a: {kind: workshop, title: Workshop, venue: hotel, room: salon, start: 2027-05-11 09:00,\
      end: 11:00}
""")
    [f] = [f for f in report.shown if f.code == "MC201"]
    assert (f.loc.line, f.loc.column) == (21, 3)
    assert [(r.line, r.column) for r in f.related] == [(22, 3)]
    assert f.subject == "b"
    assert "Salon Mogador at Hotel Anfa" in f.message
    assert "'Lunch' (Tue 11 May 10:30–12:00) overlaps 'Workshop' (Tue 11 May 09:00–11:00)" \
        in f.message


def test_touching_intervals_do_not_overlap(found: Found) -> None:
    assert mc201(found, """\
  a: {kind: workshop, title: Workshop, venue: hotel, room: salon, start: 2027-05-11 09:00,\
      end: 11:00}
  b: {kind: meal, title: Lunch, venue: hotel, room: salon, start: 2027-05-11 11:00, end: 12:00}
""") == []


def test_one_minute_of_overlap_is_enough(found: Found) -> None:
    assert mc201(found, """\
  a: {kind: workshop, title: Workshop, venue: hotel, room: salon, start: 2027-05-11 09:00,\
      end: 11:01}
  b: {kind: meal, title: Lunch, venue: hotel, room: salon, start: 2027-05-11 11:00, end: 12:00}
""") == [("MC201", 22, 3)]


def test_same_room_id_in_two_venues_is_two_rooms(found: Found) -> None:
    assert mc201(found, """\
  a: {kind: workshop, title: Workshop, venue: hotel, room: salon, start: 2027-05-11 09:00,\
      end: 11:00}
  b: {kind: meal, title: Lunch, venue: annex, room: salon, start: 2027-05-11 10:00, end: 12:00}
  c: {kind: meal, title: Tea, venue: hotel, room: terrace, start: 2027-05-11 10:00, end: 12:00}
""") == []


def test_venue_without_rooms_is_one_room(found: Found) -> None:
    assert mc201(found, """\
  a: {kind: meal, title: Lunch, venue: cafe, start: 2027-05-11 12:00, end: 14:00}
  b: {kind: meal, title: Late lunch, venue: cafe, start: 2027-05-11 13:00, end: 15:00}
""") == [("MC201", 22, 3)]


def test_no_room_at_a_venue_with_rooms_books_nothing(found: Found) -> None:
    assert mc201(found, """\
  a: {kind: reception, title: Reception, venue: hotel, start: 2027-05-11 09:00, end: 12:00}
  b: {kind: meal, title: Lunch, venue: hotel, room: salon, start: 2027-05-11 10:00, end: 12:00}
""") == []


def test_stay_travel_and_free_book_no_room(found: Found) -> None:
    assert mc201(found, """\
  night: {kind: stay, title: Night, venue: cafe, start: 2027-05-10 15:00, end: 2027-05-12 11:00}
  rest: {kind: free, title: Rest, venue: cafe, start: 2027-05-11 19:00, end: 21:00}
  dinner: {kind: meal, title: Dinner, venue: cafe, start: 2027-05-11 20:00, end: 22:00}
""") == []


def test_cancelled_event_books_nothing(found: Found) -> None:
    assert mc201(found, """\
  a: {kind: meal, title: Lunch, venue: cafe, start: 2027-05-11 12:00, end: 14:00}
  b: {kind: meal, title: Old lunch, venue: cafe, start: 2027-05-11 12:00, end: 14:00,\
      status: cancelled}
""") == []


def test_sweep_reports_every_booking_that_overlaps_once(found: Found) -> None:
    # a runs all day: it must stay in the sweep while b and c come and go. d overlaps a and c:
    # one finding naming both (it was one per pair before pile-ups were reported per event).
    assert mc201(found, """\
  a: {kind: workshop, title: Fair, venue: cafe, start: 2027-05-11 09:00, end: 17:00}
  b: {kind: meal, title: Coffee, venue: cafe, start: 2027-05-11 10:00, end: 11:00}
  c: {kind: meal, title: Lunch, venue: cafe, start: 2027-05-11 12:00, end: 13:00}
  d: {kind: meal, title: Tea, venue: cafe, start: 2027-05-11 12:30, end: 13:30}
""") == [("MC201", 22, 3), ("MC201", 23, 3), ("MC201", 24, 3)]


def test_equal_starts_report_the_one_written_later(found: Found) -> None:
    assert mc201(found, """\
  a: {kind: meal, title: Lunch, venue: cafe, start: 2027-05-11 12:00, end: 13:00}
  b: {kind: meal, title: Lunch too, venue: cafe, start: 2027-05-11 12:00, end: 14:00}
""") == [("MC201", 22, 3)]


def test_instants_are_compared_in_utc(found: Found) -> None:
    # 10:00 with +02:00 is 08:00 UTC, i.e. 08:00 in Casablanca: before the 09:00 workshop.
    assert mc201(found, """\
  a: {kind: workshop, title: Workshop, venue: cafe, start: 2027-05-11 09:00, end: 11:00}
  b: {kind: meal, title: Early, venue: cafe, start: "2027-05-11 10:00+02:00", duration: 1h}
""") == []


B2B = """\
b2b:
  mm:
    title: Matchmaking
    venue: hotel
    room: salon
    date: 2027-05-11
    start: "14:00"
    end: "17:30"
    slot: 25m
    gap: 5m
    tables: 4
    participants: [org:moldes, org:atlas, org:sebou, org:lusomatic]
    meetings:
      - {at: "14:00", table: 1, between: [moldes, atlas]}
      - {at: "14:00", table: 2, between: [sebou, lusomatic]}
      - {at: "14:30", table: 1, between: [moldes, sebou]}
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
  sebou: {name: Sebou Plastiques}
  lusomatic: {name: Lusomatic}
people:
  ana: {name: Ana, organisation: moldes}
  omar: {name: Omar, organisation: atlas}
  sara: {name: Sara, organisation: sebou}
  rui: {name: Rui, organisation: lusomatic}
"""
# With B2B after VENUES and the events, the session `mm` is on line 10 + the events' lines.


def test_b2b_meetings_do_not_collide_with_their_session_or_each_other(found: Found) -> None:
    assert mc201(found, """\
  other: {kind: meal, title: Lunch, venue: hotel, room: terrace, start: 2027-05-11 14:00,\
      end: 15:00}
""" + B2B) == []


def test_event_in_the_session_room_during_the_window(report_of: ReportOf) -> None:
    report = report_of(VENUES + """\
  talk: {kind: presentation, title: Talk, venue: hotel, room: salon, start: 2027-05-11 15:00,\
      end: 16:00}
""" + B2B)
    [f] = [f for f in report.shown if f.code == "MC201"]
    assert (f.loc.line, f.loc.column, f.subject) == (21, 3, "talk")
    assert [(r.line, r.column) for r in f.related] == [(23, 3)]  # the session's id key
    assert "B2B session 'Matchmaking' (Tue 11 May 14:00–17:30)" in f.message


def test_session_starting_during_an_event_points_at_the_session(report_of: ReportOf) -> None:
    report = report_of(VENUES + """\
  lunch: {kind: meal, title: Lunch, venue: hotel, room: salon, start: 2027-05-11 13:00, end: 14:30}
""" + B2B)
    [f] = [f for f in report.shown if f.code == "MC201"]
    assert (f.loc.line, f.loc.column, f.subject) == (23, 3, None)
    assert [(r.line, r.column) for r in f.related] == [(21, 3)]


def test_event_waiver_hides_the_finding(report_of: ReportOf) -> None:
    report = report_of(VENUES + """\
  a: {kind: meal, title: Lunch, venue: cafe, start: 2027-05-11 12:00, end: 14:00}
  b: {kind: meal, title: Late, venue: cafe, start: 2027-05-11 13:00, end: 15:00,\
      waive: {MC201: shared table}}
""")
    assert [f.code for f in report.shown if f.code == "MC201"] == []
    assert [(f.code, f.loc.line, f.waived) for f in report.waived] == [
        ("MC201", 22, "shared table")]


# -- pile-ups: one finding per booking, against all pairs, work counted ----------------------

def pile(n: int, room: str = "venue: cafe") -> str:
    return VENUES + "".join(
        f"  e{i}: {{kind: meal, title: E{i}, {room}, start: 2027-05-11 09:{i:02d}, end: 18:00}}\n"
        for i in range(n))


def test_a_pile_up_names_three_and_counts_the_rest(report_of: ReportOf) -> None:
    report = report_of(pile(6))
    found = [f for f in report.shown if f.code == "MC201"]
    assert [(f.loc.line, f.loc.column) for f in found] == [(22 + i, 3) for i in range(5)]
    last = found[-1]
    assert last.message == (
        "venue Cafe La Vague holds 6 bookings at once: 'E5' (Tue 11 May 09:05–18:00) starts "
        "while 'E0' (Tue 11 May 09:00–18:00), 'E1' (Tue 11 May 09:01–18:00), 'E2' (Tue 11 May "
        "09:02–18:00) and 2 more are still running; move them apart or use another venue")
    assert [r.line for r in last.related] == [21, 22, 23]
    assert found[0].message.startswith("venue Cafe La Vague is booked twice: 'E1'")


def test_a_waiver_on_one_booking_hides_only_its_overlap(
        report_of: ReportOf) -> None:
    text = pile(3).replace("title: E1,", "title: E1, waive: {MC201: shared table},")
    report = report_of(text)
    shown = [(f.loc.line, [r.line for r in f.related]) for f in report.shown if f.code == "MC201"]
    waived = [(f.loc.line, [r.line for r in f.related]) for f in report.waived]
    assert shown == [(23, [21])]  # e2 overlaps e0...
    assert sorted(waived) == [(22, [21]), (23, [22])]  # ...and e1, which waives it


def random_rooms(seed: int) -> tuple[str, dict[str, list[tuple[int, int, str]]]]:
    """A random mission's events, and per room what each booking overlaps among those before
    it in the sweep's order (start, then position), found by comparing all pairs."""
    rng = random.Random(seed)
    lines: list[str] = []
    rooms: dict[str, list[tuple[int, int, str]]] = {}
    for i in range(rng.randrange(0, 14)):
        start = rng.randrange(0, 12) * 15
        length = rng.randrange(1, 10) * 15
        place = rng.choice(["venue: cafe", "venue: hotel, room: salon",
                            "venue: hotel, room: terrace", "venue: hotel"])
        kind = rng.choice(["meal", "workshop", "stay"])
        lines.append(f"  e{i}: {{kind: {kind}, title: E{i}, {place}, start: 2027-05-11 "
                     f"{9 + start // 60:02d}:{start % 60:02d}, duration: {length}m}}\n")
        if kind != "stay" and place != "venue: hotel":
            rooms.setdefault(place, []).append((start, start + length, f"e{i}"))
    return VENUES + "".join(lines), rooms


def test_per_booking_findings_agree_with_all_pairs(report_of: ReportOf) -> None:
    for seed in range(200):
        text, rooms = random_rooms(seed)
        expected = set()
        for items in rooms.values():
            items.sort(key=lambda x: (x[0], int(x[2][1:])))
            for i, (s, _e, ident) in enumerate(items):
                running = [other for (s2, e2, other) in items[:i] if e2 > s]
                if running:
                    expected.add((ident, len(running), tuple(running[:3])))
        report = report_of(text)
        ids = {21 + i: f"e{i}" for i in range(20)}
        got = set()
        for f in (f for f in report.shown if f.code == "MC201"):
            named = tuple(ids[r.line] for r in f.related)
            more = f.message.split(" and ")[-1].split(" more")[0]
            count = len(named) + (int(more) if " more are still" in f.message else 0)
            got.add((f.subject, count, named))
        assert got == expected, seed


def test_work_grows_with_bookings_not_pairs(loaded: Load) -> None:
    n = 1000
    text = VENUES + "".join(
        f"  e{i}: {{kind: meal, title: E{i}, venue: cafe, start: 2027-05-11 09:00, end: 18:00}}\n"
        for i in range(n))
    result = loaded(text)
    assert result.mission is not None
    mission = counted(result.mission)
    Counted.compared = 0
    found = list(run(mission, Context(mission)))
    assert len(found) == n - 1
    assert Counted.compared < 60 * n, Counted.compared  # all pairs: 500,000


def test_each_booking_is_put_in_words_once(loaded: Load, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    # In a pile-up each booking is named in its own finding and in those of the three
    # bookings after it; its words (local times, zone look-ups) are worked out once.
    from missionctl.checks import room_double_booked

    calls: list[str] = []
    real = room_double_booked.Booking.words

    def words(self: room_double_booked.Booking) -> str:
        calls.append(self.subject or "")
        return real(self)

    monkeypatch.setattr(room_double_booked.Booking, "words", words)
    result = loaded(pile(40))
    assert result.mission is not None
    found = list(run(result.mission, Context(result.mission)))
    assert len(found) == 39 and "'E0' (Tue 11 May 09:00–18:00)" in found[-1].message
    assert sorted(calls) == sorted(f"e{i}" for i in range(40))
