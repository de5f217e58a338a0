"""`waive:` as read by the loader (loader/waive.py): every place, the one-day form on people,
and B2B sessions and meetings with `interpreters:` and `waive:`. The body starts on line 9."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from missionctl.findings import Loc
from missionctl.model import Ref, Waiver

if TYPE_CHECKING:
    from conftest import Load

PEOPLE = """\
people:
  ana:
    name: Ana Silva
    waive:
      MC402: reachable through the group leader
      MC105: {2027-05-10: arrival day, 2027-05-14: departure day}
"""


def test_a_person_waives_whole_codes_and_single_days(loaded: Load) -> None:
    result = loaded(PEOPLE)
    assert result.findings == ()
    assert result.mission is not None
    assert result.mission.people["ana"].waivers == (
        Waiver("MC402", "reachable through the group leader", Loc("m.yaml", 13, 7)),
        Waiver("MC105", "arrival day", Loc("m.yaml", 14, 15), date(2027, 5, 10)),
        Waiver("MC105", "departure day", Loc("m.yaml", 14, 40), date(2027, 5, 14)),
    )


def errors(loaded: Load, text: str) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.loc.line, f.loc.column, f.message) for f in loaded(text).findings]


def test_a_day_that_is_not_a_date(loaded: Load) -> None:
    [(code, line, col, message)] = errors(loaded, PEOPLE.replace("2027-05-14", "monday"))
    assert (code, line, col) == ("MC003", 14, 40)
    assert message.endswith("a waiver for one day is keyed by its date: "
                            "MC105: {2027-05-10: \"reason\"}")


def test_one_day_at_a_time_is_for_people_only(loaded: Load) -> None:
    text = """\
events:
  lunch: {kind: meal, title: Lunch, start: 2027-05-11 12:00, end: 13:00,
          waive: {MC404: {2027-05-11: only that day}}}
"""
    assert errors(loaded, text) == [(
        "MC003", 11, 26, "waiving MC404 one day at a time is for people (people.<id>.waive); "
        "here write MC404: \"reason\"")]


def test_no_day_and_no_reason(loaded: Load) -> None:
    text = PEOPLE.replace("{2027-05-10: arrival day, 2027-05-14: departure day}", "{}")
    assert [e[:3] for e in errors(loaded, text)] == [("MC003", 14, 14)]
    text = PEOPLE.replace("departure day", '""')
    assert errors(loaded, text) == [
        ("MC003", 14, 52, "waiving MC105 needs a reason: write why it is acceptable")]


B2B = """\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
people:
  ana: {name: Ana Silva, organisation: moldes}
  karim: {name: Karim Alaoui, organisation: atlas, side: host}
  leila: {name: Leila Benali, side: interpreter}
  omar: {name: Omar Fassi, side: interpreter}
b2b:
  mm:
    title: Matchmaking
    date: 2027-05-12
    start: "14:00"
    end: "16:00"
    slot: 25m
    tables: 2
    participants: [org:moldes, org:atlas]
    interpreters: [leila]
    waive: {MC404: session reason, MC401: hosts are the companies}
    meetings:
      - {at: "14:00", table: 1, between: [moldes, atlas], interpreters: [omar],
         waive: {MC401: meeting reason}}
      - {at: "14:30", table: 1, between: [moldes, atlas]}
"""


def test_b2b_sessions_and_meetings_take_interpreters_and_waivers(
        loaded: Load) -> None:
    result = loaded(B2B)
    assert result.findings == ()
    assert result.mission is not None
    m = result.mission
    session = m.b2b["mm"]
    assert [r.id for r in session.interpreters] == ["leila"]
    assert [w.code for w in session.waivers] == ["MC404", "MC401"]
    first, second = m.events["mm.14:00.1"], m.events["mm.14:30.1"]
    # A meeting's interpreters take part in it; the session's serve every meeting (MC107)
    # but move between tables, so they take part in none.
    assert first.interpreters == (Ref("person", "omar", Loc("m.yaml", 29, 74)),)
    assert m.taking_part["mm.14:00.1"] == {"ana", "karim", "omar"}
    assert m.taking_part["mm.14:30.1"] == {"ana", "karim"}
    # The meeting's own waiver wins over the session's; the session's reach every meeting.
    assert first.waive == {"MC404": "session reason", "MC401": "meeting reason"}
    assert second.waive == {"MC404": "session reason", "MC401": "hosts are the companies"}
    assert [w.reason for w in first.waivers] == [
        "meeting reason", "session reason", "hosts are the companies"]
