"""Selecting events: whole mission, --person, --org, --group, --day; unknown ids."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from missionctl.errors import UserError
from missionctl.model import Mission
from missionctl.views.select import Selection, make_selection, parse_day, select_events


def ids(mission: Mission, sel: Selection) -> list[str]:
    return [e.id for e in select_events(mission, sel)]


def test_whole_mission_in_time_order(small: Mission) -> None:
    assert ids(small, Selection()) == [
        "flight", "visit", "clash", "dinner", "night", "round-table",
        "matchmaking.14:00.1", "matchmaking.14:30.2"]


def test_person_gets_what_they_take_part_in(small: Mission) -> None:
    assert ids(small, Selection(person="carla")) == [
        "flight", "visit", "dinner", "night", "round-table"]
    assert ids(small, Selection(person="youssef")) == ["visit", "matchmaking.14:00.1"]


def test_org_gets_its_peoples_events_and_visits_to_it(small: Mission) -> None:
    assert ids(small, Selection(org="beta")) == ["round-table", "matchmaking.14:30.2"]
    assert ids(small, Selection(org="acme")) == ["visit", "matchmaking.14:00.1"]


def test_group_and_day(small: Mission) -> None:
    sel = Selection(group="team", day=date(2027, 5, 11))
    assert ids(small, sel) == ["round-table", "matchmaking.14:00.1", "matchmaking.14:30.2"]


def test_an_event_belongs_to_the_local_day_it_starts(small: Mission) -> None:
    assert "night" in ids(small, Selection(day=date(2027, 5, 10)))
    assert "night" not in ids(small, Selection(day=date(2027, 5, 11)))


@pytest.mark.parametrize(("option", "value", "hint"), [
    ("person", "carlaa", "did you mean 'carla'?"),
    ("org", "acm", "did you mean 'acme'?"),
    ("group", "teams", "did you mean 'team'?"),
])
def test_unknown_id_is_a_usage_error_with_a_hint(small: Mission, option: str, value: str,
                                                 hint: str) -> None:
    with pytest.raises(UserError) as err:
        make_selection(small, **{option: value})
    assert hint in str(err.value)
    assert err.value.exit_code == 2


def test_one_of_person_org_group(small: Mission) -> None:
    with pytest.raises(UserError, match="at most one"):
        make_selection(small, person="ana", org="acme")


def test_bad_day() -> None:
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        parse_day("11/05/2027")
    assert parse_day("2027-05-11") == date(2027, 5, 11)


PREFIXES = """\
missionctl: 1
mission: {id: m, title: M, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-14}
organisations:
  moldes-norte-lda: {name: Moldes Norte}
  atlas: {name: Atlas Automotive Morocco}
people:
  joana-ferreira-santos: {name: Joana Ferreira Santos}
  joao-silva: {name: João Silva}
  r-costa: {name: Rui Costa}
groups:
  delegation-portugal: {name: Delegação portuguesa}
"""


@pytest.mark.parametrize(("option", "value", "hint"), [
    # The id starts with what was typed (too short for a close match).
    ("person", "joana", "did you mean 'joana-ferreira-santos'?"),
    ("org", "moldes", "did you mean 'moldes-norte-lda'?"),
    ("group", "deleg", "did you mean 'delegation-portugal'?"),
    # The name does, whatever the case and the accents: the name is shown.
    ("person", "rui", "did you mean 'r-costa' (Rui Costa)?"),
    ("person", "Joao S", "did you mean 'joao-silva' (João Silva)?"),
    ("org", "atlas automotive", "did you mean 'atlas' (Atlas Automotive Morocco)?"),
])
def test_one_id_or_name_starting_with_the_value_is_suggested(
        mission_of: Callable[[str], Mission], option: str, value: str, hint: str) -> None:
    with pytest.raises(UserError) as err:
        make_selection(mission_of(PREFIXES), **{option: value})
    noun = {"person": "person", "org": "organisation", "group": "group"}[option]
    assert str(err.value) == f"no {noun} '{value}' in this mission ({hint})"


def test_several_starting_with_the_value_are_listed(mission_of: Callable[[str], Mission]) -> None:
    with pytest.raises(UserError) as err:
        make_selection(mission_of(PREFIXES), person="jo")
    assert str(err.value) == (
        "no person 'jo' in this mission (it could be 'joana-ferreira-santos' (Joana Ferreira "
        "Santos) or 'joao-silva' (João Silva); give the whole id)")


def test_the_command_line_says_it_in_one_line(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from missionctl.cli.app import main

    path = tmp_path / "m.yaml"
    path.write_text(PREFIXES, encoding="utf-8")
    assert main(["itinerary", str(path), "--person", "joana"]) == 2
    err = capsys.readouterr().err
    assert err.strip().endswith(
        "no person 'joana' in this mission (did you mean 'joana-ferreira-santos'?)")
    assert len(err.strip().splitlines()) == 1
