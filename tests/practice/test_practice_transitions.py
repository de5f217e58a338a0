from __future__ import annotations

import datetime as dt

import pytest

from missionctl.practice.transitions import OffsetChange, describe_change, offset_changes
from missionctl.tz import _tzif, zone
from missionctl.wording import offset_exact

UTC = dt.UTC
H = dt.timedelta(hours=1)
ZERO = dt.timedelta(0)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def offset(name: str, ts: int) -> dt.timedelta:
    off = dt.datetime.fromtimestamp(ts, zone(name)).utcoffset()
    assert off is not None
    return off


def brute_force(name: str, start: dt.datetime, end: dt.datetime) -> list[OffsetChange]:
    """An independent answer: look every 15 minutes (every real change in the years tested
    is on a quarter hour boundary and months apart), then second by second inside the quarter
    hour that changed."""
    out = []
    step = 900
    t, stop = int(start.timestamp()), int(end.timestamp())
    prev = offset(name, t - 1)
    while t < stop:
        probe = min(t + step, stop) - 1
        if offset(name, probe) != prev or offset(name, t) != prev:
            for s in range(t, probe + 1):
                now = offset(name, s)
                if now != prev:
                    out.append(OffsetChange(dt.datetime.fromtimestamp(s, UTC), prev, now))
                    prev = now
        t += step
    return out


def test_casablanca_2026() -> None:
    changes = offset_changes("Africa/Casablanca", utc(2026, 1, 1), utc(2027, 1, 1))
    assert [(c.at.date(), c.before, c.after) for c in changes] == [
        (dt.date(2026, 2, 15), H, ZERO),  # Ramadan: back to UTC+0
        (dt.date(2026, 3, 22), ZERO, H),  # after Ramadan
        (dt.date(2026, 9, 20), H, ZERO),  # permanent UTC+0 (tz 2026c)
    ]
    # Each instant is exact: zoneinfo gives the old offset one second before, the new one at.
    for c in changes:
        ts = int(c.at.timestamp())
        assert c.at.tzinfo is UTC and c.at.microsecond == 0
        assert offset("Africa/Casablanca", ts - 1) == c.before
        assert offset("Africa/Casablanca", ts) == c.after
    assert changes[0].at == utc(2026, 2, 15, 2)
    assert changes[1].at == utc(2026, 3, 22, 2)


def test_casablanca_2026_matches_brute_force() -> None:
    start, end = utc(2026, 1, 1), utc(2027, 1, 1)
    assert offset_changes("Africa/Casablanca", start, end) == brute_force(
        "Africa/Casablanca", start, end
    )


def test_casablanca_no_change_in_may_2027_nor_after_september_2026() -> None:
    assert offset_changes("Africa/Casablanca", utc(2027, 5, 1), utc(2027, 6, 1)) == []
    assert offset_changes("Africa/Casablanca", utc(2026, 9, 21), utc(2040, 1, 1)) == []


def test_lisbon_2027_autumn() -> None:
    changes = offset_changes("Europe/Lisbon", utc(2027, 10, 1), utc(2027, 11, 30))
    assert changes == [OffsetChange(utc(2027, 10, 31, 1), H, ZERO)]
    ts = int(changes[0].at.timestamp())
    assert offset("Europe/Lisbon", ts - 1) == H and offset("Europe/Lisbon", ts) == ZERO


@pytest.mark.parametrize(
    "name",
    [
        "Europe/Lisbon",  # footer rule, northern DST
        "America/Santiago",  # footer rule, southern DST
        "Australia/Lord_Howe",  # half-hour DST
        "Africa/Cairo",  # DST reintroduced in 2023
        "America/Nuuk",
        "Asia/Tehran",  # DST abolished in 2022: nothing
        "Africa/Casablanca",
    ],
)
def test_matches_brute_force_2026_2027(name: str) -> None:
    start, end = utc(2026, 1, 1), utc(2028, 1, 1)
    assert offset_changes(name, start, end) == brute_force(name, start, end)


def test_half_open_interval() -> None:
    at = utc(2027, 10, 31, 1)
    assert len(offset_changes("Europe/Lisbon", at, at + dt.timedelta(seconds=1))) == 1
    assert offset_changes("Europe/Lisbon", at - H, at) == []
    assert offset_changes("Europe/Lisbon", at, at) == []
    assert offset_changes("Europe/Lisbon", at + H, at) == []


def test_sub_second_bounds() -> None:
    at = utc(2027, 10, 31, 1)
    micro = dt.timedelta(microseconds=1)
    assert offset_changes("Europe/Lisbon", at + micro, at + H) == []
    assert len(offset_changes("Europe/Lisbon", at - H, at + micro)) == 1


def test_aware_bounds_in_any_zone() -> None:
    plus5 = dt.timezone(dt.timedelta(hours=5))
    changes = offset_changes(
        "Europe/Lisbon",
        dt.datetime(2027, 10, 31, 5, 59, tzinfo=plus5),
        dt.datetime(2027, 10, 31, 6, 1, tzinfo=plus5),
    )
    assert [c.at for c in changes] == [utc(2027, 10, 31, 1)]
    assert changes[0].at.tzinfo is UTC


def test_abbreviation_only_transition_is_not_a_change() -> None:
    # Casablanca's file has a transition on 2018-10-28 (DST +01 became standard +01).
    lo, hi = utc(2018, 10, 1), utc(2018, 11, 30)
    times = _tzif.zone_file("Africa/Casablanca").transitions
    assert [t for t in times if lo.timestamp() <= t < hi.timestamp()]
    assert offset_changes("Africa/Casablanca", lo, hi) == []


def test_naive_bounds_and_unknown_zone() -> None:
    with pytest.raises(ValueError, match="aware"):
        offset_changes("Europe/Lisbon", dt.datetime(2027, 1, 1), utc(2028, 1, 1))
    with pytest.raises(ValueError, match="aware"):
        offset_changes("Europe/Lisbon", utc(2027, 1, 1), dt.datetime(2028, 1, 1))
    with pytest.raises(KeyError):
        offset_changes("Mars/Olympus_Mons", utc(2027, 1, 1), utc(2028, 1, 1))
    with pytest.raises(KeyError):
        _tzif.zone_file("../tzdata.zi")


def test_describe_back() -> None:
    change = OffsetChange(utc(2026, 9, 20, 2), H, ZERO)
    assert describe_change("Africa/Casablanca", change) == (
        "on Sunday 20 September 2026 at 03:00 local time clocks in Africa/Casablanca go back "
        "to 02:00 (UTC+01:00 -> UTC+00:00)"
    )


def test_describe_real_changes() -> None:
    changes = offset_changes("Europe/Lisbon", utc(2027, 1, 1), utc(2028, 1, 1))
    assert [describe_change("Europe/Lisbon", c) for c in changes] == [
        "on Sunday 28 March 2027 at 01:00 local time clocks in Europe/Lisbon go forward to "
        "02:00 (UTC+00:00 -> UTC+01:00)",
        "on Sunday 31 October 2027 at 02:00 local time clocks in Europe/Lisbon go back to "
        "01:00 (UTC+01:00 -> UTC+00:00)",
    ]


def test_describe_across_midnight_and_odd_offsets() -> None:
    back = OffsetChange(
        utc(1942, 5, 14, 17, 30),
        dt.timedelta(hours=6, minutes=30),
        dt.timedelta(hours=5, minutes=30),
    )
    assert describe_change("Asia/Kolkata", back) == (
        "on Friday 15 May 1942 at 00:00 local time clocks in Asia/Kolkata go back to 23:00 on "
        "Thursday 14 May 1942 (UTC+06:30 -> UTC+05:30)"
    )
    assert offset_exact(dt.timedelta(hours=-3, minutes=-30)) == "UTC-03:30"
    assert offset_exact(dt.timedelta(hours=5, minutes=21, seconds=10)) == "UTC+05:21:10"
    assert OffsetChange(utc(2026, 1, 1), H, ZERO).delta == -H
