"""MC101 person-double-booked: exact (code, line, column), positive and negative."""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from missionctl.checks import Context
from missionctl.checks.person_double_booked import run
from missionctl.linter import Selection, run_checks
from missionctl.model import Mission

from .counting import Counted, counted

if TYPE_CHECKING:
    from conftest import Found, Load, ReportOf

CODE = "MC101"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists


def at(text: str, needle: str) -> tuple[str, int, int]:
    """(CODE, line, column) of the one line holding `needle`; the header takes lines 1-8."""
    lines = textwrap.dedent(text).splitlines()
    hits = [(i + 9, line.index(needle) + 1) for i, line in enumerate(lines) if needle in line]
    assert len(hits) == 1, hits
    return (CODE, *hits[0])


PEOPLE = """\
organisations:
  moldes-norte: {name: Moldes Norte}
people:
  ana-silva: {name: Ana Silva, organisation: moldes-norte}
  rui-costa: {name: Rui Costa, organisation: moldes-norte}
  ines-lopes: {name: Ines Lopes}
groups:
  delegation: {name: Delegation, members: [ana-silva, rui-costa]}
venues:
  lisbon-office: {name: Lisbon office, city: Lisboa, timezone: Europe/Lisbon}
  casa-office: {name: Casablanca office, city: Casablanca}
  lis: {name: Lisbon airport, city: Lisboa, timezone: Europe/Lisbon}
  cmn: {name: Casablanca airport, city: Nouaceur}
"""

BASIC = PEOPLE + """\
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00
    end: 12:00
    attendees: [ana-silva]
  lunch:
    kind: meal
    title: Lunch with hosts
    start: 2027-05-11 11:30
    end: 13:00
    attendees: [ana-silva]
"""


def test_overlap_points_at_the_later_event(found: Found) -> None:
    assert found(BASIC, selection=ONLY) == [(CODE, 29, 3)]
    assert at(BASIC, "lunch:") == (CODE, 29, 3)


def test_message_names_events_person_times_and_fix(report_of: ReportOf) -> None:
    [finding] = [f for f in report_of(BASIC).shown if f.code == CODE]
    assert finding.message == (
        "Ana Silva is booked twice: 'Lunch with hosts' (lunch, 2027-05-11 11:30-13:00) "
        "overlaps 'Plant visit' (plant-visit, 2027-05-11 10:00-12:00) from 11:30 to 12:00; "
        "move one of them or take Ana Silva off one")
    assert [(r.line, r.column) for r in finding.related] == [(23, 3)]
    assert finding.subject == "lunch"


def test_touching_intervals_do_not_overlap(found: Found) -> None:
    text = BASIC.replace("start: 2027-05-11 11:30", "start: 2027-05-11 12:00")
    assert found(text, selection=ONLY) == []
    one_minute = BASIC.replace("start: 2027-05-11 11:30", "start: 2027-05-11 11:59")
    assert found(one_minute, selection=ONLY) == [at(BASIC, "lunch:")]


ZONES = PEOPLE + """\
events:
  lisbon-call:
    kind: meeting
    title: Call from Lisbon
    venue: lisbon-office
    start: 2027-05-11 10:00      # 09:00 UTC (WEST)
    duration: 1h
    attendees: [ana-silva]
  casa-meeting:
    kind: meeting
    title: Casablanca meeting
    venue: casa-office
    start: 2027-05-11 10:00      # 10:00 UTC: Morocco is on UTC+0 from 2026-09-20
    duration: 1h
    attendees: [ana-silva]
"""


def test_same_wall_clock_in_lisbon_and_casablanca_does_not_overlap(found: Found) -> None:
    assert found(ZONES, selection=ONLY) == []


def test_zones_compared_as_instants(found: Found) -> None:
    # 10:30 Lisbon is 09:30 UTC: it starts *before* the 10:00 Casablanca meeting, so the
    # finding is at the Casablanca meeting although its wall clock reads earlier.
    text = ZONES.replace("start: 2027-05-11 10:00      # 09:00", "start: 2027-05-11 10:30  # ")
    assert found(text, selection=ONLY) == [at(ZONES, "casa-meeting:")]


def test_message_shows_a_foreign_zone(report_of: ReportOf) -> None:
    text = ZONES.replace("start: 2027-05-11 10:00      # 09:00", "start: 2027-05-11 10:30  # ")
    [finding] = [f for f in report_of(text).shown if f.code == CODE]
    assert "(lisbon-call, 2027-05-11 10:30-11:30 (Europe/Lisbon time))" in finding.message
    assert "from 10:00 to 10:30;" in finding.message


FLIGHT = PEOPLE + """\
events:
  flight-home:
    kind: travel
    title: Flight CMN-LIS
    from: cmn
    to: lis
    start: 2027-05-13 12:00      # Casablanca, 12:00 UTC
    end: 16:00                   # bare end, Lisbon time: 15:00 UTC
    attendees: [ana-silva]
  debrief:
    kind: briefing
    title: Debrief at the Lisbon office
    venue: lisbon-office
    start: 2027-05-13 16:00      # 15:00 UTC: touches the landing
    duration: 1h
    attendees: [ana-silva]
"""


def test_bare_end_of_a_flight_is_local_to_its_destination(found: Found) -> None:
    assert found(FLIGHT, selection=ONLY) == []  # read in Casablanca, 16:00 would be 16:00 UTC
    early = FLIGHT.replace("start: 2027-05-13 16:00", "start: 2027-05-13 15:00")
    assert found(early, selection=ONLY) == [at(FLIGHT, "debrief:")]


EXPANDED = PEOPLE + """\
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00
    end: 12:00
    attendees: [group:delegation]
  supplier-meeting:
    kind: meeting
    title: Supplier meeting
    start: 2027-05-11 11:00
    end: 12:30
    attendees: [org:moldes-norte, ana-silva]
  press:
    kind: meeting
    title: Press interview
    start: 2027-05-11 11:00
    end: 11:30
    attendees: [ines-lopes]
"""


def test_group_and_org_references_are_expanded(found: Found, report_of: ReportOf) -> None:
    assert found(EXPANDED, selection=ONLY) == [at(EXPANDED, "supplier-meeting:")]
    [finding] = [f for f in report_of(EXPANDED).shown if f.code == CODE]
    # Ana reached three times (group, org, by name) and Rui twice: one finding, both named.
    assert finding.message.startswith("Ana Silva and Rui Costa are booked twice:")


def test_cancelled_events_are_ignored(found: Found) -> None:
    text = BASIC.replace("    title: Lunch with hosts\n",
                         "    title: Lunch with hosts\n    status: cancelled\n")
    assert found(text, selection=ONLY) == []
    tentative = BASIC.replace("    title: Lunch with hosts\n",
                              "    title: Lunch with hosts\n    status: tentative\n")
    assert found(tentative, selection=ONLY) == [at(BASIC, "lunch:")]


def test_stay_and_free_never_double_book(found: Found) -> None:
    stay = BASIC.replace("kind: meal", "kind: stay")
    free = BASIC.replace("kind: meal", "kind: free")
    assert found(stay, selection=ONLY) == []
    assert found(free, selection=ONLY) == []


def test_same_start_points_at_the_one_written_later(found: Found) -> None:
    text = BASIC.replace("start: 2027-05-11 11:30", "start: 2027-05-11 10:00")
    assert found(text, selection=ONLY) == [at(BASIC, "lunch:")]
    swapped = PEOPLE + """\
events:
  lunch: {kind: meal, title: Lunch, start: 2027-05-11 10:00, end: 13:00, attendees: [ana-silva]}
  plant-visit: {kind: visit, title: Visit, start: 2027-05-11 10:00, end: 12:00, attendees: [ana-silva]}
"""
    assert found(swapped, selection=ONLY) == [at(swapped, "plant-visit:")]


def test_each_overlapping_pair_once(found: Found) -> None:
    text = PEOPLE + """\
events:
  fair: {kind: visit, title: Fair, start: 2027-05-11 09:00, end: 13:00, attendees: [group:delegation]}
  talk: {kind: meeting, title: Talk, start: 2027-05-11 10:00, end: 11:00, attendees: [group:delegation]}
  demo: {kind: meeting, title: Demo, start: 2027-05-11 11:00, end: 12:00, attendees: [group:delegation]}
"""
    # talk and demo touch; each overlaps the fair once although two people are in all three.
    assert found(text, selection=ONLY) == [at(text, "talk:"), at(text, "demo:")]


B2B = """\
organisations:
  moldes-norte: {name: Moldes Norte}
  atlas-auto: {name: Atlas Auto}
people:
  ana-silva: {name: Ana Silva, organisation: moldes-norte}
  salma-idrissi: {name: Salma Idrissi, organisation: atlas-auto, side: host}
venues:
  casa-office: {name: Casablanca office, city: Casablanca}
b2b:
  matchmaking:
    title: B2B matchmaking
    venue: casa-office
    date: 2027-05-12
    start: "14:00"
    end: "17:30"
    slot: 25m
    gap: 5m
    tables: 4
    participants: [ana-silva, salma-idrissi]
    meetings:
      - {at: "14:00", table: 1, between: [moldes-norte, atlas-auto]}
      - {at: "14:30", table: 2, between: [moldes-norte, atlas-auto]}
events:
  tour:
    kind: visit
    title: Factory tour
    start: 2027-05-12 14:10
    end: 14:25
    attendees: [ana-silva]
"""


def test_b2b_meeting_collides_with_a_visit(found: Found) -> None:
    # The 14:00 meeting (14:00-14:25) starts first: the finding is at the visit.
    assert found(B2B, selection=ONLY) == [at(B2B, "tour:")]


def test_b2b_meeting_starting_later_is_pointed_at_its_entry(found: Found) -> None:
    text = B2B.replace("start: 2027-05-12 14:10", "start: 2027-05-12 14:20").replace(
        "end: 14:25", "end: 14:35")
    # 14:20-14:35 overlaps the 14:00 meeting (it starts later: at the visit) and the 14:30
    # meeting (which starts later: at its entry in b2b.matchmaking.meetings).
    assert found(text, selection=ONLY) == [at(B2B, '{at: "14:30"'), at(B2B, "tour:")]


def test_waiver_on_the_event_suppresses_the_finding(report_of: ReportOf) -> None:
    text = BASIC.replace("    title: Lunch with hosts\n", "    title: Lunch with hosts\n"
                         "    waive: {MC101: Ana joins the lunch late}\n")
    report = report_of(text)
    assert report.checked
    assert [f for f in report.shown if f.code == CODE] == []
    assert [(f.code, f.loc.line, f.waived) for f in report.waived if f.code == CODE] == [
        (CODE, 29, "Ana joins the lunch late")]


# -- pile-ups: one finding per event, naming what is still running when it starts ----------

PILE = PEOPLE + """\
events:
  e0: {kind: visit, title: E0, start: 2027-05-11 09:00, end: 18:00, attendees: [ana-silva]}
  e1: {kind: visit, title: E1, start: 2027-05-11 09:10, end: 18:00, attendees: [ana-silva]}
  e2: {kind: visit, title: E2, start: 2027-05-11 09:20, end: 18:00, attendees: [ana-silva]}
  e3: {kind: visit, title: E3, start: 2027-05-11 09:30, end: 18:00, attendees: [ana-silva]}
  e4: {kind: visit, title: E4, start: 2027-05-11 09:40, end: 18:00, attendees: [ana-silva]}
  e5: {kind: visit, title: E5, start: 2027-05-11 09:50, end: 18:00, attendees: [ana-silva]}
"""


def test_a_pile_up_gives_one_finding_per_event_not_per_pair(found: Found) -> None:
    # 6 events all overlapping: 15 pairs, but 5 findings (e0 starts first and overlaps nothing
    # before it).
    assert found(PILE, selection=ONLY) == [at(PILE, f"e{i}:") for i in range(1, 6)]


def test_a_pile_up_names_the_first_three_running_and_counts_the_rest(report_of: ReportOf) -> None:
    by_line = {f.loc.line: f for f in report_of(PILE).shown if f.code == CODE}
    e5 = by_line[at(PILE, "e5:")[1]]
    assert e5.message == (
        "Ana Silva is booked in 6 events at once at 09:50: 'E5' (e5, 2027-05-11 09:50-18:00) "
        "starts while 'E0' (e0, 2027-05-11 09:00-18:00), 'E1' (e1, 2027-05-11 09:10-18:00), "
        "'E2' (e2, 2027-05-11 09:20-18:00) and 2 more are still running; move them apart, or "
        "take Ana Silva off all but one")
    # related: the events named, capped like the message.
    assert [r.line for r in e5.related] == [at(PILE, f"e{i}:")[1] for i in range(3)]
    e2 = by_line[at(PILE, "e2:")[1]]
    assert e2.message == (
        "Ana Silva is booked in 3 events at once at 09:20: 'E2' (e2, 2027-05-11 09:20-18:00) "
        "starts while 'E0' (e0, 2027-05-11 09:00-18:00) and 'E1' (e1, 2027-05-11 09:10-18:00) "
        "are still running; move them apart, or take Ana Silva off all but one")
    assert e2.subject == "e2"


def test_events_that_ended_are_not_named(report_of: ReportOf) -> None:
    text = PILE.replace("start: 2027-05-11 09:10, end: 18:00", "start: 2027-05-11 09:10, end: 09:35")
    by_line = {f.loc.line: f for f in report_of(text).shown if f.code == CODE}
    e4 = by_line[at(PILE, "e4:")[1]]  # e1 ended at 09:35: e0, e2 and e3 are running at 09:40
    assert "starts while 'E0' (e0," in e4.message
    assert "'E1'" not in e4.message
    assert "'E3' (e3, 2027-05-11 09:30-18:00) are still running" in e4.message
    assert [r.line for r in e4.related] == [at(PILE, f"e{i}:")[1] for i in (0, 2, 3)]


MIXED = PEOPLE + """\
events:
  fair: {kind: visit, title: Fair, start: 2027-05-11 09:00, end: 13:00, attendees: [ana-silva, rui-costa]}
  talk: {kind: meeting, title: Talk, start: 2027-05-11 10:00, end: 12:00, attendees: [ana-silva]}
  lunch: {kind: meal, title: Lunch, start: 2027-05-11 11:30, end: 13:30, attendees: [ana-silva, rui-costa]}
"""


def test_people_with_different_overlaps_are_told_apart(report_of: ReportOf) -> None:
    lunch = [f.message for f in report_of(MIXED).shown if f.code == CODE and f.subject == "lunch"]
    assert sorted(lunch) == [
        "Ana Silva is booked in 3 events at once at 11:30: 'Lunch' (lunch, 2027-05-11 "
        "11:30-13:30) starts while 'Fair' (fair, 2027-05-11 09:00-13:00) and 'Talk' (talk, "
        "2027-05-11 10:00-12:00) are still running; move them apart, or take Ana Silva off all "
        "but one",
        "Rui Costa is booked twice: 'Lunch' (lunch, 2027-05-11 11:30-13:30) overlaps 'Fair' "
        "(fair, 2027-05-11 09:00-13:00) from 11:30 to 13:00; move one of them or take Rui Costa "
        "off one"]


def test_a_waiver_on_an_earlier_event_hides_only_its_overlap(report_of: ReportOf) -> None:
    text = MIXED.replace("attendees: [ana-silva]}", "attendees: [ana-silva], waive: {MC101: Ana steps out}}")
    report = report_of(text)
    shown = sorted((f.subject, f.message.split(":")[0]) for f in report.shown if f.code == CODE)
    # Lunch still overlaps the fair for both; the overlap with the talk is waived on the talk.
    assert shown == [("lunch", "Ana Silva and Rui Costa are booked twice")]
    waived = sorted((f.subject, [r.line for r in f.related], f.waived) for f in report.waived)
    assert waived == [("lunch", [at(MIXED, "talk:")[1]], "Ana steps out"),
                      ("talk", [at(MIXED, "fair:")[1]], "Ana steps out")]


# -- the sweep against all pairs, on random missions -----------------------------------------

def random_mission(seed: int) -> str:
    import random

    rng = random.Random(seed)
    people = [f"p{i}" for i in range(rng.randrange(1, 5))]
    lines = ["people:"] + [f"  {p}: {{name: Person {p}}}" for p in people] + ["events:"]
    for i in range(rng.randrange(0, 16)):
        start = 8 * 60 + rng.randrange(0, 8) * 15
        end = start + rng.randrange(1, 12) * 15
        who = rng.sample(people, rng.randrange(1, len(people) + 1))
        waive = ", waive: {MC101: ok}" if rng.random() < 0.15 else ""
        kind = rng.choice(["visit", "meeting", "meal", "stay"])
        lines.append(
            f"  e{i}: {{kind: {kind}, title: E{i}, start: 2027-05-11 {start // 60:02d}:{start % 60:02d}, "
            f"end: 2027-05-11 {end // 60:02d}:{end % 60:02d}, attendees: [{', '.join(who)}]{waive}}}")
    return "\n".join(lines) + "\n"


def all_pairs(mission: Mission) -> set[tuple[str, int, tuple[str, ...], frozenset[str], bool]]:
    """Brute force: for each person, each event and *every* earlier event of theirs, in the
    timeline's order (start, then file order), whether they overlap; grouped per later event
    and per person as the rule reports them (waiving events apart)."""
    order = sorted((e for e in mission.events.values() if e.occupies and not e.cancelled),
                   key=lambda e: (e.start, e.loc.line))
    found: dict[tuple[str, int, tuple[str, ...], bool], set[str]] = {}
    for pid in mission.people:
        mine = [e for e in order if pid in mission.taking_part[e.id]]
        for i, later in enumerate(mine):
            for apart in (False, True):
                running = [e for e in mine[:i] if e.end > later.start
                           and ("MC101" in e.waive) == apart]
                if running:
                    key = (later.id, len(running), tuple(e.id for e in running[:3]), apart)
                    found.setdefault(key, set()).add(pid)
    return {(k[0], k[1], k[2], frozenset(v), k[3]) for k, v in found.items()}


def test_the_sweep_agrees_with_all_pairs_on_random_missions(loaded: Load) -> None:
    from missionctl.checks.person_double_booked import booked
    checked = 0
    for seed in range(300):
        result = loaded(random_mission(seed))
        assert result.mission is not None, seed
        mission = result.mission
        swept = {(b.later.id, b.total, tuple(e.id for e in b.first), frozenset(b.people),
                  b.apart) for b in booked(mission, Context(mission))}
        assert swept == all_pairs(mission), seed
        checked += bool(swept)
    assert checked > 100  # most random missions do have overlaps


# -- work, counted (never timed) ---------------------------------------------------------------

def pile_up(n: int) -> str:
    lines = [f"  e{i}: {{kind: visit, title: E{i}, start: 2027-05-11 09:00, end: 18:00, "
             "attendees: [ana-silva]}" for i in range(n)]
    return PEOPLE + "events:\n" + "\n".join(lines) + "\n"


def test_the_work_grows_with_events_and_findings_not_with_pairs(loaded: Load) -> None:
    n = 1000
    result = loaded(pile_up(n))
    assert result.mission is not None
    mission = counted(result.mission)
    Counted.compared = 0
    findings = list(run(mission, Context(mission)))
    work = Counted.compared
    assert len(findings) == n - 1
    assert max(len(f.related) for f in findings) == 3
    assert max(len(f.message) for f in findings) < 400
    # Sorting and a heap cost about n log2 n = 10,000 comparisons here; all pairs would be
    # n^2 / 2 = 500,000. The bound sits well between the two.
    assert work < 60 * n, work
    # The counter does see a quadratic path: comparing all pairs blows through the bound.
    Counted.compared = 0
    events = list(mission.events.values())
    sum(a.end > b.start for i, a in enumerate(events) for b in events[i + 1:])
    assert Counted.compared > 60 * n


def test_through_the_linter_a_pile_up_stays_small(loaded: Load) -> None:
    result = loaded(pile_up(400))
    assert result.mission is not None
    found = [f for f in run_checks(result.mission, Selection(select=("MC101",)))]
    assert len(found) == 399
    assert all("and " in f.message for f in found[3:])
