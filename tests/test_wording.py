"""missionctl.wording: names, times, days and events as messages and views write them."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from missionctl.loader import Loaded
from missionctl.tz import zone
from missionctl.wording import (
    MONTHS,
    WEEKDAYS,
    and_list,
    clean,
    clock,
    clock_exact,
    clock_in,
    clock_noted,
    day_abbr,
    day_brief,
    day_full,
    day_iso,
    day_long,
    day_pieces,
    day_time,
    minutes_text,
    offset_exact,
    offset_short,
    people_text,
    span_days,
    span_iso,
    span_noted,
    span_short,
    stamp_in,
    zone_and_offset,
    zone_suffix,
)

SRC = Path(__file__).resolve().parent.parent / "src" / "missionctl"


def test_day_pieces() -> None:
    assert day_pieces(datetime(2027, 5, 11, 17), datetime(2027, 5, 13, 10)) == (
        (datetime(2027, 5, 11).date(), time(17), time.max),
        (datetime(2027, 5, 12).date(), time(0), time.max),
        (datetime(2027, 5, 13).date(), time(0), time(10)),
    )
    # An end at midnight is 24:00 of the day before and does not touch the next day.
    assert day_pieces(datetime(2027, 5, 11, 20), datetime(2027, 5, 12)) == (
        (datetime(2027, 5, 11).date(), time(20), time.max),
    )


def test_day_pieces_across_a_clock_going_back() -> None:
    # Lisbon, 2027-10-31: 01:50 (UTC+1) to 01:10 (UTC+0) is 20 minutes of real time.
    assert day_pieces(datetime(2027, 10, 31, 1, 50), datetime(2027, 10, 31, 1, 10)) == (
        (datetime(2027, 10, 31).date(), time(1, 10), time(1, 50)),
    )


def test_24_00_is_the_end_of_the_day_both_ways() -> None:
    day = date(2027, 5, 11)
    assert clock(time.max) == "24:00"
    assert clock(time(9, 5)) == clock(datetime(2027, 5, 11, 9, 5)) == "09:05"
    assert day_time(day, time.max) == datetime(2027, 5, 12)
    assert day_time(day, time(18)) == datetime(2027, 5, 11, 18)
    # A session written "18:00-24:00" is cut back into the same piece.
    assert day_pieces(day_time(day, time(18)), day_time(day, time.max)) == (
        (day, time(18), time.max),)


def test_names_match_the_c_locale_every_day_of_a_year() -> None:
    # The names are written out so that LANG never changes a message; under the C locale
    # (what Python runs with unless told otherwise) they are exactly strftime's.
    assert len(WEEKDAYS) == 7 and len(MONTHS) == 12
    day = date(2027, 1, 1)
    while day.year == 2027:
        assert day_iso(day) == f"{day:%a} {day.isoformat()}"
        assert day_abbr(day) == f"{day:%a %d %b}"
        assert day_long(day) == f"{day:%A %d %b}"
        assert day_brief(day) == f"{day:%a} {day.day} {day:%b}"
        assert day_full(day) == f"{day:%A} {day.day} {day:%B %Y}"
        day += timedelta(days=1)


def test_weekday_and_month_names_are_written_once() -> None:
    # ... in WEEKDAYS and MONTHS: every other module imports them (or a helper using them).
    names = re.compile('"(Monday|Tuesday|January|February)"')
    found = [str(path.relative_to(SRC)) for path in sorted(SRC.rglob("*.py"))
             for line in path.read_text(encoding="utf-8").splitlines() if names.search(line)]
    assert found == ["wording.py", "wording.py"]


def test_no_locale_dependent_strftime_in_checks_or_wording() -> None:
    # %a %A %b %B %c %x %p follow the process locale; names come from WEEKDAYS and MONTHS.
    directive = re.compile("%[aAbBcxp]")
    files = [SRC / "wording.py", *sorted((SRC / "checks").rglob("*.py")),
             *sorted((SRC / "views").rglob("*.py")), *sorted((SRC / "practice").rglob("*.py"))]
    found = [f"{path.relative_to(SRC)}:{n}" for path in files
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if directive.search(line) and not line.lstrip().startswith("#")]
    assert found == []


def test_spans_and_stamps() -> None:
    start, end = datetime(2027, 5, 11, 13), datetime(2027, 5, 11, 14, 30)
    assert span_short(start, end) == "Tue 11 May 13:00–14:30"
    assert span_short(start, datetime(2027, 5, 12, 1)) == "Tue 11 May 13:00 – Wed 12 May 01:00"
    assert span_iso(start, end) == "Tue 2027-05-11 13:00-14:30"
    assert span_iso(start, datetime(2027, 5, 12, 1)) == (
        "Tue 2027-05-11 13:00 - Wed 2027-05-12 01:00")
    instant = datetime(2027, 5, 11, 9, 0, tzinfo=UTC)
    assert clock_in(instant, "Europe/Lisbon") == "10:00"
    assert stamp_in(instant, "Africa/Casablanca") == "2027-05-11 09:00"
    assert zone_suffix("Europe/Lisbon", "Africa/Casablanca") == " (Europe/Lisbon time)"
    assert zone_suffix("Africa/Casablanca", "Africa/Casablanca") == ""


def test_days_and_spans_as_the_views_write_them() -> None:
    assert day_brief(date(2027, 5, 7)) == "Fri 7 May"
    assert day_full(date(2027, 5, 10)) == "Monday 10 May 2027"
    assert span_days(date(2027, 5, 10), date(2027, 5, 10)) == "10 May 2027"
    assert span_days(date(2027, 5, 10), date(2027, 5, 14)) == "10–14 May 2027"
    assert span_days(date(2027, 4, 30), date(2027, 5, 2)) == "30 April – 2 May 2027"
    assert span_days(date(2027, 12, 30), date(2028, 1, 2)) == (
        "30 December 2027 – 2 January 2028")


def test_offsets_and_noted_times() -> None:
    assert offset_short(timedelta(hours=1)) == "UTC+1"
    assert offset_short(timedelta(0)) == "UTC+0"
    assert offset_short(timedelta(hours=-3, minutes=-30)) == "UTC-3:30"
    assert offset_exact(timedelta(hours=1)) == "UTC+01:00"
    assert offset_exact(timedelta(hours=-3, minutes=-30)) == "UTC-03:30"
    assert offset_exact(timedelta(minutes=-36, seconds=-45)) == "UTC-00:36:45"
    assert clock_exact(time(3)) == "03:00"
    assert clock_exact(datetime(1912, 1, 1, 0, 36, 45)) == "00:36:45"
    lisbon = datetime(2027, 5, 11, 10, 30, tzinfo=zone("Europe/Lisbon"))
    casa = datetime(2027, 5, 12, 7, 30, tzinfo=zone("Africa/Casablanca"))
    assert zone_and_offset(lisbon, "Europe/Lisbon") == "Europe/Lisbon, UTC+1"
    assert clock_noted(casa, "Africa/Casablanca", "Africa/Casablanca") == "07:30"
    assert clock_noted(casa, "Africa/Casablanca", "Africa/Casablanca",
                       base=date(2027, 5, 11)) == "Wed 12 May 07:30"
    assert clock_noted(lisbon, "Europe/Lisbon", "Africa/Casablanca") == (
        "10:30 (Europe/Lisbon, UTC+1)")
    assert span_noted(lisbon, "Europe/Lisbon", casa, "Africa/Casablanca",
                      "Africa/Casablanca") == "10:30 (Europe/Lisbon, UTC+1) – Wed 12 May 07:30"


def test_clean_shows_control_characters_and_keeps_tab_and_newline() -> None:
    assert clean("a\x1b[31mred\x07\r\n\tb\x7f\x85ç") == "a\\x1b[31mred\\x07\\x0d\n\tb\\x7f\\x85ç"


def test_wording_helpers() -> None:
    assert minutes_text(timedelta(hours=4, minutes=30)) == "4h30"
    assert minutes_text(timedelta(hours=2)) == "2h"
    assert minutes_text(timedelta(minutes=45, seconds=59)) == "45m"
    assert minutes_text(timedelta(minutes=45, seconds=1), round_up=True) == "46m"
    assert and_list(["a"]) == "a"
    assert and_list(["a", "b", "c"]) == "a, b and c"


def test_people_text(loaded: Callable[..., Loaded]) -> None:
    mission = loaded("""\
people:
  ana-silva: {name: Ana Silva}
  rui-costa: {name: Rui Costa}
""").mission
    assert mission is not None
    assert people_text(mission, ["rui-costa", "ana-silva", "ana-silva"]) == (
        "Ana Silva and Rui Costa")
    assert people_text(mission, ["a", "b", "c", "d", "e", "f"]) == "a, b, c, d and 2 others"
