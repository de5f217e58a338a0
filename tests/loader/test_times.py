"""Event times: empty `end`/`duration`, dates at the edge of the calendar, absurd spans."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from missionctl.loader import Loaded

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
