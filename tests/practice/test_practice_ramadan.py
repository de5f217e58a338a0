from __future__ import annotations

import datetime as dt
import itertools

import pytest

from missionctl.practice.holidays import public_holidays
from missionctl.practice.ramadan import in_ramadan, ramadan_periods, source

D = dt.date


def test_ramadan_1447_and_1448() -> None:
    assert ramadan_periods(D(2026, 1, 1), D(2027, 12, 31)) == [
        (D(2026, 2, 18), D(2026, 3, 19)),  # 1447: 30 days
        (D(2027, 2, 8), D(2027, 3, 8)),  # 1448: 29 days (1 Shawwal is 2027-03-09)
    ]


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (D(2026, 3, 1), D(2026, 3, 1), [(D(2026, 2, 18), D(2026, 3, 19))]),
        (D(2026, 2, 1), D(2026, 2, 18), [(D(2026, 2, 18), D(2026, 3, 19))]),  # ends on day 1
        (D(2026, 3, 19), D(2026, 4, 30), [(D(2026, 2, 18), D(2026, 3, 19))]),  # starts on last
        (D(2026, 2, 17), D(2026, 2, 17), []),  # the eve
        (D(2026, 3, 20), D(2027, 2, 7), []),  # between two Ramadans
        (D(2026, 3, 1), D(2026, 2, 1), []),  # empty range
    ],
)
def test_intersection(
    first: dt.date, last: dt.date, expected: list[tuple[dt.date, dt.date]]
) -> None:
    assert ramadan_periods(first, last) == expected


def test_every_ramadan_lasts_29_or_30_days_and_they_follow_each_other() -> None:
    periods = ramadan_periods(D(2024, 1, 1), D(2045, 12, 31))
    # 22 Gregorian years hold 23 Hijri years (a lunar year is ~11 days shorter).
    assert len(periods) == 23
    for start, end in periods:
        assert (end - start).days + 1 in (29, 30)
    for (_, end), (start, _) in itertools.pairwise(periods):
        assert 320 < (start - end).days < 330


@pytest.mark.parametrize("year", [2026, 2027])
def test_agrees_with_moroccan_eid_al_fitr(year: int) -> None:
    ((_, last),) = ramadan_periods(D(year, 1, 1), D(year, 12, 31))
    eid = min(h.date for h in public_holidays("MA", year) if h.name == "Eid al-Fitr")
    assert eid == last + dt.timedelta(days=1)


def test_outside_the_table_is_an_error_not_silence() -> None:
    with pytest.raises(ValueError, match="known from"):
        ramadan_periods(D(2077, 1, 1), D(2078, 1, 1))
    with pytest.raises(ValueError):
        ramadan_periods(D(1900, 1, 1), D(1900, 2, 1))


def test_two_ramadans_in_one_gregorian_year() -> None:
    # 1451 and 1452 both start in 2030; the second runs into 2031.
    assert ramadan_periods(D(2030, 1, 1), D(2030, 12, 31)) == [
        (D(2030, 1, 5), D(2030, 2, 3)),
        (D(2030, 12, 26), D(2031, 1, 23)),
    ]


def test_in_ramadan() -> None:
    assert in_ramadan(D(2027, 3, 8))
    assert not in_ramadan(D(2027, 3, 9))


def test_source_names_the_calendar() -> None:
    assert source().startswith("hijridate ") and source().endswith("(Umm al-Qura)")
