"""MC102 travel-too-tight: exact (code, line, column), positive and negative.

Model distances (defaults: road_factor 1.3, 25 km/h under 15 km straight, else 80 km/h,
buffer 15m): hotel -> office 3.6 km straight, 26m18s; cmn -> hotel 25.4 km, 39m49s;
hotel -> tac 286 km, 4h54.
"""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

import random
import textwrap
from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from missionctl.checks import Context
from missionctl.checks.travel_too_tight import run
from missionctl.linter import Selection
from missionctl.model import Event, Mission

from .counting import Counted, counted

if TYPE_CHECKING:
    from conftest import Found, Load, ReportOf

CODE = "MC102"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists


def at(text: str, needle: str) -> tuple[str, int, int]:
    """(CODE, line, column) of the one line holding `needle`; the header takes lines 1-8."""
    lines = textwrap.dedent(text).splitlines()
    hits = [(i + 9, line.index(needle) + 1) for i, line in enumerate(lines) if needle in line]
    assert len(hits) == 1, hits
    return (CODE, *hits[0])


SETUP = """\
organisations:
  moldes-norte: {name: Moldes Norte}
  atlas-auto: {name: Atlas Auto}
people:
  ana-silva: {name: Ana Silva, organisation: moldes-norte}
  rui-costa: {name: Rui Costa, organisation: moldes-norte}
  salma-idrissi: {name: Salma Idrissi, organisation: atlas-auto, side: host}
groups:
  delegation: {members: [ana-silva, rui-costa]}
venues:
  hotel: {name: Hotel Casablanca, city: Casablanca, geo: [33.5951, -7.6187]}
  office: {name: Casablanca office, city: Casablanca, geo: [33.5731, -7.5898]}
  tac: {name: Tanger Automotive City, city: Tanger, geo: [35.6650, -5.7600]}
  cmn: {name: Casablanca airport, city: Nouaceur, geo: [33.3675, -7.5898]}
  lis: {name: Lisbon airport, city: Lisboa, timezone: Europe/Lisbon, geo: [38.7742, -9.1342]}
  club: {name: Business club, city: CASABLANCA}
  ministry: {name: Ministry, city: Rabat}
"""


def pair(first: str, second: str, starts: str, extra: str = "", who: str = "ana-silva") -> str:
    """A visit at `first` 08:00-09:00 on 12 May, then a meeting at `second` at `starts`."""
    return SETUP + extra + f"""\
events:
  visit: {{kind: visit, title: Plant visit, venue: {first}, start: 2027-05-12 08:00, end: 09:00, attendees: [{who}]}}
  lunch: {{kind: meal, title: Lunch with hosts, venue: {second}, start: 2027-05-12 {starts}, duration: 1h, attendees: [{who}]}}
"""


def test_intercity_model(found: Found) -> None:
    text = pair("hotel", "tac", "13:00")
    assert found(text, selection=ONLY) == [at(text, "lunch:")]
    assert found(pair("hotel", "tac", "14:00"), selection=ONLY) == []


def test_message_shows_the_arithmetic(report_of: ReportOf) -> None:
    [finding] = [f for f in report_of(pair("hotel", "tac", "13:00")).shown if f.code == CODE]
    assert finding.message == (
        "Hotel Casablanca -> Tanger Automotive City: about 372 km, 4h54 by road (with the "
        "15m buffer); only 4h between 'Plant visit' (visit, ends 09:00) and 'Lunch with "
        "hosts' (lunch, starts 13:00) for Ana Silva; leave at least 4h54, move one of them, "
        "or record the real time in travel_times")
    assert [(r.line, r.column) for r in finding.related] == [at(pair("hotel", "tac", "13:00"),
                                                                "visit:")[1:]]
    assert finding.subject == "lunch"


def test_urban_model_near_its_limit(found: Found) -> None:
    tight = pair("hotel", "office", "09:26")
    assert found(tight, selection=ONLY) == [at(tight, "lunch:")]
    assert found(pair("hotel", "office", "09:27"), selection=ONLY) == []


def test_same_city_without_geo_is_case_insensitive(found: Found) -> None:
    tight = pair("hotel", "club", "09:44")  # same_city 30m + buffer 15m
    assert found(tight, selection=ONLY) == [at(tight, "lunch:")]
    assert found(pair("hotel", "club", "09:45"), selection=ONLY) == []


def test_settings_change_the_model(found: Found) -> None:
    slow = "checks:\n  travel: {same_city: 1h, buffer: 0m}\n"
    tight = pair("hotel", "club", "09:59", extra=slow)
    assert found(tight, selection=ONLY) == [at(tight, "lunch:")]
    assert found(pair("hotel", "club", "10:00", extra=slow), selection=ONLY) == []


def test_not_enough_data_gives_no_finding(found: Found) -> None:
    assert found(pair("hotel", "ministry", "09:00"), selection=ONLY) == []
    assert found(pair("club", "ministry", "09:00"), selection=ONLY) == []


def test_same_venue_needs_no_transfer(found: Found) -> None:
    assert found(pair("tac", "tac", "09:00"), selection=ONLY) == []


MEASURED = "travel_times:\n  - {from: hotel, to: tac, duration: 3h, mode: car}\n"


def test_travel_times_win_over_the_model(found: Found) -> None:
    # The model says 4h54; the measured 3h + 15m buffer fits in 3h15.
    assert found(pair("hotel", "tac", "12:15", extra=MEASURED), selection=ONLY) == []
    tight = pair("hotel", "tac", "12:14", extra=MEASURED)
    assert found(tight, selection=ONLY) == [at(tight, "lunch:")]


def test_travel_times_win_when_slower_than_the_model(found: Found) -> None:
    slow = "travel_times:\n  - {from: office, to: hotel, duration: 1h}\n"
    tight = pair("hotel", "office", "10:00", extra=slow)  # the model says 26m
    assert found(tight, selection=ONLY) == [at(tight, "lunch:")]
    assert found(pair("hotel", "office", "10:15", extra=slow), selection=ONLY) == []


def test_travel_times_work_both_ways_unless_oneway(found: Found) -> None:
    assert found(pair("tac", "hotel", "12:15", extra=MEASURED), selection=ONLY) == []
    oneway = MEASURED.replace("mode: car", "oneway: true")
    back = pair("tac", "hotel", "12:15", extra=oneway)  # the model again: 4h54
    assert found(back, selection=ONLY) == [at(back, "lunch:")]
    assert found(pair("hotel", "tac", "12:15", extra=oneway), selection=ONLY) == []


def test_measured_message(report_of: ReportOf) -> None:
    text = pair("hotel", "tac", "12:00", extra=MEASURED)
    [finding] = [f for f in report_of(text).shown if f.code == CODE]
    assert finding.message.startswith(
        "Hotel Casablanca -> Tanger Automotive City: 3h measured (travel_times) + 15m buffer; "
        "only 3h between")


LEG = SETUP + """\
events:
  briefing: {kind: briefing, title: Briefing, venue: hotel, start: 2027-05-12 08:00, end: 09:00, attendees: [ana-silva]}
  drive: {kind: travel, title: Drive north, from: hotel, to: tac, start: 2027-05-12 09:00, end: 13:00, attendees: [ana-silva]}
  visit: {kind: visit, title: Plant visit, venue: tac, start: 2027-05-12 13:00, end: 15:00, attendees: [ana-silva]}
"""


def test_a_travel_leg_is_the_transfer(found: Found) -> None:
    assert found(LEG, selection=ONLY) == []
    without = LEG.replace("attendees: [ana-silva]}\n  visit", "attendees: [rui-costa]}\n  visit")
    assert found(without, selection=ONLY) == [at(LEG, "visit:")]


FLIGHT = SETUP + """\
events:
  flight: {kind: travel, title: Flight LIS-CMN, from: lis, to: cmn, start: 2027-05-11 10:00, end: 11:00, attendees: [ana-silva]}
  welcome: {kind: meeting, title: Welcome, venue: hotel, start: 2027-05-11 11:30, end: 12:00, attendees: [ana-silva]}
"""


def test_a_flight_ends_at_its_destination(found: Found) -> None:
    # Bare end 11:00 is Casablanca time (11:00 UTC); the airport is ~40m from the hotel.
    assert found(FLIGHT, selection=ONLY) == [at(FLIGHT, "welcome:")]
    assert found(FLIGHT.replace("11:30", "11:40"), selection=ONLY) == []
    at_airport = FLIGHT.replace("venue: hotel", "venue: cmn").replace("11:30", "11:00")
    assert found(at_airport, selection=ONLY) == []


def test_the_previous_place_is_the_event_that_ends_last(found: Found) -> None:
    text = SETUP + """\
events:
  fair: {kind: visit, title: Fair, venue: tac, start: 2027-05-12 08:00, end: 17:00, attendees: [ana-silva]}
  talk: {kind: meeting, title: Talk, venue: tac, start: 2027-05-12 10:00, end: 11:00, attendees: [ana-silva]}
  dinner: {kind: meal, title: Dinner, venue: hotel, start: 2027-05-12 18:00, end: 20:00, attendees: [ana-silva]}
"""
    assert found(text, selection=ONLY) == [at(text, "dinner:")]


def test_cancelled_stay_and_free_are_not_places(found: Found) -> None:
    text = SETUP + """\
events:
  briefing: {kind: briefing, title: Briefing, venue: hotel, start: 2027-05-12 08:00, end: 09:00, attendees: [ana-silva]}
  gone: {kind: visit, title: Cancelled, venue: tac, start: 2027-05-12 09:05, end: 09:10, status: cancelled, attendees: [ana-silva]}
  rest: {kind: free, title: Free, venue: tac, start: 2027-05-12 09:10, end: 09:20, attendees: [ana-silva]}
  night: {kind: stay, title: Hotel, venue: tac, start: 2027-05-12 09:20, end: 09:25, attendees: [ana-silva]}
  call: {kind: meeting, title: Call, venue: office, start: 2027-05-12 09:30, end: 10:00, attendees: [ana-silva]}
"""
    # hotel -> office needs 26m18s and 30m are left: none of the three in between counts.
    assert found(text, selection=ONLY) == []
    assert found(text.replace("09:30", "09:25"), selection=ONLY) == [at(text, "call:")]


def test_group_members_share_one_finding(found: Found, report_of: ReportOf) -> None:
    text = pair("hotel", "tac", "13:00", who="group:delegation")
    assert found(text, selection=ONLY) == [at(text, "lunch:")]
    [finding] = [f for f in report_of(text).shown if f.code == CODE]
    assert "for Ana Silva and Rui Costa;" in finding.message


def test_b2b_meeting_after_a_far_visit(found: Found) -> None:
    text = SETUP + """\
b2b:
  matchmaking:
    title: B2B matchmaking
    venue: hotel
    date: 2027-05-12
    start: "14:00"
    end: "17:30"
    slot: 25m
    tables: 4
    participants: [ana-silva, salma-idrissi]
    meetings:
      - {at: "14:00", table: 1, between: [moldes-norte, atlas-auto]}
events:
  visit: {kind: visit, title: Plant visit, venue: tac, start: 2027-05-12 10:00, end: 12:00, attendees: [ana-silva]}
"""
    assert found(text, selection=ONLY) == [at(text, '{at: "14:00"')]


def test_waiver_on_the_later_event(report_of: ReportOf) -> None:
    text = pair("hotel", "tac", "13:00").replace(
        "duration: 1h,", "duration: 1h, waive: {MC102: the hosts send a plane},")
    report = report_of(text)
    assert report.checked
    assert [f for f in report.shown if f.code == CODE] == []
    assert [(f.code, f.waived) for f in report.waived] == [(CODE, "the hosts send a plane")]


# -- every place the person may come from, when earlier events overlap ------------------------

LISBON = SETUP + """\
  lisbon-office: {name: Lisbon office, city: Lisboa, timezone: Europe/Lisbon, geo: [38.7223, -9.1393]}
events:
  lisbon-meeting: {kind: meeting, title: Lisbon meeting, venue: lisbon-office, start: 2027-05-12 15:00, end: 17:45, attendees: [ana-silva]}
  casa-visit: {kind: visit, title: Casablanca visit, venue: hotel, start: 2027-05-12 16:00, end: 17:00, attendees: [ana-silva]}
  dinner: {kind: meal, title: Dinner, venue: hotel, start: 2027-05-12 18:45, end: 20:00, attendees: [ana-silva]}
"""


def test_a_transfer_is_measured_from_every_place_the_person_may_come_from(
        found: Found,
        report_of: ReportOf) -> None:
    # Lisbon until 16:45 UTC (17:45 WEST) and Casablanca until 17:00 UTC overlap (MC101).
    # From the Casablanca visit the dinner is next door, but from Lisbon 2 hours are not
    # enough: that used to be missed, as only the event ending last was measured.
    assert found(LISBON, selection=ONLY) == [at(LISBON, "dinner:")]
    [finding] = [f for f in report_of(LISBON).shown if f.code == CODE]
    assert finding.message.startswith("Lisbon office -> Hotel Casablanca: about")
    assert ("only 2h between 'Lisbon meeting' (lisbon-meeting, ends 17:45 (Europe/Lisbon "
            "time))") in finding.message
    assert [r.line for r in finding.related] == [at(LISBON, "lisbon-meeting:")[1]]


def test_an_event_followed_by_another_before_this_one_is_not_a_place_to_come_from(
        found: Found) -> None:
    # tac until 09:00, then the office 09:00-10:00: the person went tac -> office, and the
    # dinner is measured from the office only (tac -> hotel is MC102 for the office call).
    text = SETUP + """\
events:
  fair: {kind: visit, title: Fair, venue: tac, start: 2027-05-12 08:00, end: 09:00, attendees: [ana-silva]}
  call: {kind: meeting, title: Call, venue: office, start: 2027-05-12 09:00, end: 10:00, attendees: [ana-silva]}
  dinner: {kind: meal, title: Dinner, venue: hotel, start: 2027-05-12 10:30, end: 12:00, attendees: [ana-silva]}
"""
    assert found(text, selection=ONLY) == [at(text, "call:")]


def random_travel(seed: int) -> str:
    rng = random.Random(seed)
    venues = ["hotel", "office", "tac", "cmn", "club", "ministry"]
    lines = ["events:"]
    for i in range(rng.randrange(0, 12)):
        start = rng.randrange(0, 40) * 15
        length = rng.randrange(1, 12) * 15
        kind = rng.choice(["visit", "meeting", "meal", "stay", "travel"])
        place = (f"from: {rng.choice(venues)}, to: {rng.choice(venues)}" if kind == "travel"
                 else f"venue: {rng.choice(venues)}")
        who = rng.sample(["ana-silva", "rui-costa", "salma-idrissi"], rng.randrange(1, 4))
        lines.append(f"  e{i}: {{kind: {kind}, title: E{i}, {place}, start: 2027-05-12 "
                     f"{7 + start // 60:02d}:{start % 60:02d}, duration: {length}m, "
                     f"attendees: [{', '.join(who)}]}}")
    return SETUP + "\n".join(lines) + "\n"


def brute_force(mission: Mission) -> dict[tuple[str, str], set[str]]:
    """For each person, each event and *every* earlier event of theirs that ends by its start
    and that no other event of theirs (before this one in their timeline) starts after; of
    those at one place, the one ending last (then the later in the timeline). The transfers
    to measure, judged with the same model; by quantifiers, not by a sweep."""
    from missionctl.checks.support.travel import TravelModel
    from missionctl.checks.travel_too_tight import leaves_from, needed

    model = TravelModel(mission)
    order = sorted((e for e in mission.events.values() if e.occupies and not e.cancelled),
                   key=lambda e: (e.start, e.loc.line))
    out: dict[tuple[str, str], set[str]] = {}
    for pid in mission.people:
        mine = [e for e in order if pid in mission.taking_part[e.id]]
        for i, after in enumerate(mine):
            last: dict[str | None, tuple[object, int, Event]] = {}
            for j, before in enumerate(mine[:i]):
                if before.end > after.start:
                    continue
                if any(c.start >= before.end for k, c in enumerate(mine[:i]) if k != j):
                    continue
                place = leaves_from(before)
                if place not in last or (before.end, j) > last[place][:2]:  # type: ignore[operator]
                    last[place] = (before.end, j, before)
            for _end, _j, before in last.values():
                if needed(model, before, after) is not None:
                    out.setdefault((after.id, before.id), set()).add(pid)
    return out


def test_the_sweep_agrees_with_a_brute_force_on_random_missions(loaded: Load) -> None:
    from missionctl.checks.travel_too_tight import too_tight

    seen = 0
    for seed in range(300):
        result = loaded(random_travel(seed))
        assert result.mission is not None, (seed, result.findings)
        mission = result.mission
        swept = {pair: set(people) for pair, (_t, people)
                 in too_tight(mission, Context(mission)).items()}
        assert swept == brute_force(mission), seed
        seen += bool(swept)
    assert seen > 50


def test_work_is_linear_in_a_pile_up(loaded: Load) -> None:
    # 1,000 events at once, then one more: each event is a place to come from once at most.
    text = SETUP + "events:\n" + "".join(
        f"  e{i}: {{kind: visit, title: E{i}, venue: hotel, start: 2027-05-12 08:00, end: 09:00, attendees: [ana-silva]}}\n"
        for i in range(1000)) + "  last: {kind: visit, title: Last, venue: tac, start: 2027-05-12 09:30, end: 10:00, attendees: [ana-silva]}\n"
    result = loaded(text)
    assert result.mission is not None
    mission = counted(result.mission)
    Counted.compared = 0
    found = list(run(mission, Context(mission)))
    # 'last' is too far from each of them, all at one place: measured from the one that
    # ends last there (the others leave more time), so one finding, not 1,000.
    assert len(found) == 1
    assert Counted.compared < 60 * 1000, Counted.compared


def test_a_transfer_and_a_time_are_put_in_words_once(loaded: Load,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # Three people each with their own tight hotel -> office transfer at the same times: the
    # transfer's words and each (instant, zone)'s time of day are worked out once per run.
    from missionctl.checks import travel_too_tight
    from missionctl.checks.support import travel

    events = "".join(
        f"  v{n}: {{kind: visit, title: V{n}, venue: hotel, start: 2027-05-12 08:00, end: 09:00, attendees: [{who}]}}\n"
        f"  m{n}: {{kind: meeting, title: M{n}, venue: office, start: 2027-05-12 09:05, end: 10:00, attendees: [{who}]}}\n"
        for n, who in enumerate(["ana-silva", "rui-costa", "salma-idrissi"]))
    result = loaded(SETUP + "events:\n" + events)
    assert result.mission is not None
    clocks: list[tuple[datetime, str]] = []
    real_clock = travel_too_tight.clock_in

    def clock(instant: datetime, zone: str) -> str:
        clocks.append((instant, zone))
        return real_clock(instant, zone)

    monkeypatch.setattr(travel_too_tight, "clock_in", clock)
    said: list[str] = []
    real_modelled = travel.TravelModel._modelled

    def modelled(self: travel.TravelModel, km: float) -> travel.Transfer:
        made = real_modelled(self, km)

        def words() -> str:
            said.append("how")
            return made.words()

        return travel.Transfer(made.time, words)

    monkeypatch.setattr(travel.TravelModel, "_modelled", modelled)
    found = list(run(result.mission, Context(result.mission)))
    assert len(found) == 3
    assert found[0].message.startswith("Hotel Casablanca -> Casablanca office: about ")
    assert "'V0' (v0, ends 09:00) and 'M0' (m0, starts 09:05)" in found[0].message
    assert said == ["how"]
    assert sorted(clocks) == sorted(set(clocks)) and len(clocks) == 2
