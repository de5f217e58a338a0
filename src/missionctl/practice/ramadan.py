"""Ramadan periods, from the Umm al-Qura calendar (`hijridate`).

These dates are estimates for every country that is not Saudi Arabia's civil calendar. Umm
al-Qura is computed astronomically in advance; most countries (Morocco among them) start and
end Ramadan on the local sighting of the crescent, usually the same day or one day later.
Ramadan lasts 29 or 30 days, so the last day can move by a day as well. Checks that use these
periods must say the dates are estimated (MC304 is an info finding for that reason).

The two calendars in this package are separate sources: python-holidays, which gives the
Eid al-Fitr holiday, uses its own Hijri tables. For 1447 and 1448 they agree (Morocco's
estimated Eid al-Fitr is the day after Ramadan's last day here: 2026-03-20, 2027-03-09), but
nothing makes them agree in every year; the tests watch the years missions are planned for.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

RAMADAN = 9
SHAWWAL = 10
# hijridate's Umm al-Qura table runs from 1343 AH to 1500 AH, i.e. these Gregorian dates;
# repeated here so the range check costs no import (values: hijridate.ummalqura).
SUPPORTED = (dt.date(1924, 8, 1), dt.date(2077, 11, 16))


def source() -> str:
    """Where the periods come from, for messages: "hijridate 2.6.0 (Umm al-Qura)"."""
    from missionctl.practice._store import dist_version

    return f"hijridate {dist_version('hijridate') or '?'} (Umm al-Qura)"


@cache
def _period(hijri_year: int) -> tuple[dt.date, dt.date]:
    # Imported here: hijridate costs ~15 ms to import and most checks never ask.
    from hijridate import Hijri

    first = Hijri(hijri_year, RAMADAN, 1).to_gregorian()
    after = Hijri(hijri_year, SHAWWAL, 1).to_gregorian()
    return dt.date(*first.datetuple()), dt.date(*after.datetuple()) - dt.timedelta(days=1)


@cache
def _hijri_year(day: dt.date) -> int:
    from hijridate import Gregorian

    return int(Gregorian(day.year, day.month, day.day).to_hijri().year)


def ramadan_periods(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every Ramadan (first day, last day, both inclusive) that shares at least one day with
    `first`..`last` (inclusive), oldest first. [] when `last` is before `first`.

    Estimated (see module docstring). Raises ValueError for dates outside the Umm al-Qura
    table (1924-08-01..2077-11-16): answering [] there would pass a check it cannot make.
    """
    if last < first:
        return []
    lo, hi = SUPPORTED
    if first < lo or last > hi:
        raise ValueError(
            f"Ramadan dates are known from {lo.isoformat()} to {hi.isoformat()} only "
            f"(asked {first.isoformat()}..{last.isoformat()})"
        )
    out = []
    for year in range(_hijri_year(first), _hijri_year(last) + 1):
        start, end = _period(year)
        if start <= last and end >= first:
            out.append((start, end))
    return out


def in_ramadan(day: dt.date) -> bool:
    """Whether `day` falls in Ramadan (estimated, as above)."""
    return bool(ramadan_periods(day, day))
