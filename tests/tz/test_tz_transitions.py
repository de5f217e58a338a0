"""`missionctl.tz.transitions`: the one source of zone transitions, checked against glibc's
`zdump` (an independent reader of the same TZif bytes, public code nobody here wrote) over
every zone of the `tzdata` package, and against an hour-by-hour search on random spans."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export.vtimezone_oracle import hourly_changes
from missionctl import tz
from missionctl.tz import Observance, Transition, observance, offset_fixed_after, transitions

H = timedelta(hours=1)
S = timedelta(seconds=1)
ZERO = timedelta(0)

needs_zdump = pytest.mark.skipif(shutil.which("zdump") is None, reason="zdump (libc-bin) missing")

# (instant, offset seconds, isdst, abbreviation) of the observance that starts at each change.
Row = tuple[datetime, int, int, str]


def utc(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def rows(changes: list[Transition]) -> list[Row]:
    return [
        (t.at, int(t.after.offset.total_seconds()), int(bool(t.after.dst)), t.after.name)
        for t in changes
    ]


def zdump(zones: list[str], first_year: int, stop_year: int) -> dict[str, list[Row]]:
    """Every change glibc sees in [first_year, stop_year), reading the package's TZif files."""
    import tzdata

    folder = Path(tzdata.__file__).parent / "zoneinfo"
    out = subprocess.run(
        ["zdump", "-v", "-c", f"{first_year},{stop_year}", *zones],
        env={"TZDIR": str(folder), "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines: dict[str, list[str]] = {name: [] for name in zones}
    for line in out.splitlines():
        name, rest = line.split(None, 1)
        if "NULL" not in rest:  # the range ends zdump prints for every zone
            lines[name].append(rest)
    found: dict[str, list[Row]] = {}
    for name, text in lines.items():
        found[name] = []
        # zdump -v prints each change as two lines: one second before, and at the change.
        for rest in text[1::2]:
            ut, local = rest.split(" UT = ")
            at = datetime.strptime(ut, "%a %b %d %H:%M:%S %Y").replace(tzinfo=UTC)
            *_, abbr, isdst, gmtoff = local.split()
            found[name].append((at, int(gmtoff.split("=")[1]), int(isdst.split("=")[1]), abbr))
    return found


# --- against zdump --------------------------------------------------------------------------


@needs_zdump
def test_every_zone_2026_and_2027_agrees_with_zdump() -> None:
    zones = sorted(tz.available_zones())
    assert len(zones) > 500
    expected = zdump(zones, 2026, 2028)
    got = {name: rows(transitions(name, utc(2026, 1, 1), utc(2028, 1, 1))) for name in zones}
    assert got == expected
    assert sum(map(len, got.values())) > 500  # the comparison is not empty


TRICKY = [
    "Africa/Casablanca",  # Ramadan switches, DST flag flips, permanent UTC+0 from 2026-09-20
    "Europe/Lisbon",  # footer rule since 1996
    "Europe/Dublin",  # negative DST
    "Asia/Tehran",  # DST abolished in 2022
    "Australia/Lord_Howe",  # 30-minute DST, footer rule
    "America/Sao_Paulo",  # DST abolished in 2019
    "Pacific/Apia",  # skipped 2011-12-30, DST until 2021
    "Pacific/Kiritimati",  # skipped 1994-12-31
    "Antarctica/Troll",  # two-hour DST
    "Asia/Kolkata",  # odd offsets in the 1940s
    "America/Santiago",  # southern footer rule
    "UTC",  # no transition at all
]


@needs_zdump
def test_tricky_zones_agree_with_zdump_1900_to_2040() -> None:
    expected = zdump(TRICKY, 1900, 2041)
    got = {name: rows(transitions(name, utc(1900, 1, 1), utc(2041, 1, 1))) for name in TRICKY}
    assert got == expected
    assert got["UTC"] == []
    assert len(got["Africa/Casablanca"]) > 40


# --- against the hour-by-hour search on random spans ------------------------------------------

ZONES = sorted(tz.available_zones())


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(ZONES),
    start=st.datetimes(datetime(1900, 1, 1), datetime(2045, 1, 1), timezones=st.just(UTC)),
    length=st.timedeltas(ZERO, timedelta(days=500)),
)
def test_random_zones_and_spans_match_an_hourly_search(
    name: str, start: datetime, length: timedelta
) -> None:
    start = start.replace(microsecond=0)
    end = start + length
    found = transitions(name, start, end)
    # hourly_changes covers (floor_hour(start), end]; keep [start, end)
    oracle = [c for c in hourly_changes(name, start - H, end) if start <= c.at < end]
    assert [(t.at, t.offset_from, t.offset_to, t.dst, t.tzname) for t in found] == [
        (c.at, c.offset_from, c.offset_to, c.dst, c.tzname) for c in oracle
    ]


# --- the contract ---------------------------------------------------------------------------


def test_casablanca_2018_to_2027() -> None:
    found = transitions("Africa/Casablanca", utc(2018, 10, 1), utc(2027, 1, 1))
    october_2018 = found[0]
    # The DST flag flips with the offset unchanged: a transition, not an offset change.
    assert october_2018.at == utc(2018, 10, 28, 2)
    assert october_2018.before == Observance(H, H, "+01")
    assert october_2018.after == Observance(H, ZERO, "+01")
    assert not october_2018.offset_changed
    last_three = [(t.at, t.offset_from, t.offset_to, t.dst) for t in found[-3:]]
    assert last_three == [
        (utc(2026, 2, 15, 2), H, ZERO, -H),  # Ramadan: tzdata's negative DST
        (utc(2026, 3, 22, 2), ZERO, H, ZERO),
        (utc(2026, 9, 20, 1), H, ZERO, ZERO),  # permanent UTC+0 (tz 2026c)
    ]
    assert all(t.offset_changed for t in found[1:])
    assert found[-3].local_onset == datetime(2026, 2, 15, 3)  # read with the offset before


def test_half_open_and_whole_seconds() -> None:
    at = utc(2027, 10, 31, 1)
    assert [t.at for t in transitions("Europe/Lisbon", at, at + S)] == [at]
    assert transitions("Europe/Lisbon", at - H, at) == []
    assert transitions("Europe/Lisbon", at, at) == []
    assert transitions("Europe/Lisbon", at + H, at) == []
    micro = timedelta(microseconds=1)
    assert transitions("Europe/Lisbon", at + micro, at + H) == []
    assert len(transitions("Europe/Lisbon", at - H, at + micro)) == 1
    plus5 = timezone(timedelta(hours=5))
    [change] = transitions("Europe/Lisbon", at.astimezone(plus5) - S, at.astimezone(plus5) + S)
    assert change.at == at and change.at.tzinfo is UTC


def test_footer_rule_far_ahead() -> None:
    # Lisbon's file has no explicit transition after 1996: these come from the footer rule.
    found = transitions("Europe/Lisbon", utc(2099, 1, 1), utc(2100, 1, 1))
    assert [(t.at, t.tzname) for t in found] == [
        (utc(2099, 3, 29, 1), "WEST"),
        (utc(2099, 10, 25, 1), "WET"),
    ]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="aware"):
        transitions("Europe/Lisbon", datetime(2027, 1, 1), utc(2028, 1, 1))
    with pytest.raises(ValueError, match="aware"):
        transitions("Europe/Lisbon", utc(2027, 1, 1), datetime(2028, 1, 1))
    with pytest.raises(ValueError, match="aware"):
        observance("Europe/Lisbon", datetime(2027, 1, 1))
    with pytest.raises(ValueError, match="aware"):
        offset_fixed_after("Africa/Casablanca", datetime(2027, 1, 1))
    for call in (
        lambda: transitions("Mars/Olympus_Mons", utc(2027, 1, 1), utc(2028, 1, 1)),
        lambda: observance("Mars/Olympus_Mons", utc(2027, 1, 1)),
        lambda: offset_fixed_after("Mars/Olympus_Mons", utc(2027, 1, 1)),
    ):
        with pytest.raises(KeyError):
            call()


def test_observance() -> None:
    assert observance("Europe/Lisbon", utc(2027, 7, 1)) == Observance(H, H, "WEST")
    assert observance("Africa/Casablanca", utc(2026, 3, 1)) == Observance(ZERO, -H, "+00")
    assert observance("UTC", utc(2027, 7, 1)) == Observance(ZERO, ZERO, "UTC")


def test_offset_fixed_after() -> None:
    casablanca = "Africa/Casablanca"
    assert offset_fixed_after(casablanca, utc(2026, 9, 20, 1))
    assert not offset_fixed_after(casablanca, utc(2026, 9, 20, 1) - S)  # the change itself
    assert not offset_fixed_after(casablanca, utc(2026, 3, 1))
    assert not offset_fixed_after("Europe/Lisbon", utc(2027, 1, 1))  # a DST rule
    assert offset_fixed_after("Asia/Tehran", utc(2023, 1, 1))  # DST abolished in 2022
    assert offset_fixed_after("UTC", utc(1900, 1, 1))
    # Tokyo's last transition (1951) only returns to standard time: nothing after it.
    assert not offset_fixed_after("Asia/Tokyo", utc(1951, 1, 1))
    assert offset_fixed_after("Asia/Tokyo", utc(1952, 1, 1))


def test_transitions_is_loaded_lazily_and_stays_the_function() -> None:
    code = (
        "import sys, missionctl.tz as tz\n"
        "print('missionctl.tz._transitions' in sys.modules, "
        "'missionctl.tz._tzif' in sys.modules)\n"
        "import missionctl.tz._transitions\n"
        "from missionctl.tz import transitions\n"
        "print(callable(transitions), transitions is tz.transitions)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False", "True", "True"]
    assert sorted(tz.__all__) == sorted({*tz._LAZY, "ZoneInfo", "available_zones", "zone",
                                         "tzdata_version"})
    for name in tz.__all__:
        assert getattr(tz, name) is not None, name
    with pytest.raises(AttributeError):
        _ = tz.no_such_name
