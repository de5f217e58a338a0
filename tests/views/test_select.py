"""Selecting events: whole mission, --person, --org, --group, --day; unknown ids."""

from __future__ import annotations

from datetime import date

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
