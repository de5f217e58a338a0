"""Local practice as data: public holidays, Ramadan, weekends and customs per country, UTC
offset changes per zone.

Pure lookups for the calendar rules (MC301-MC306), contact sheets and the `holidays`
command. Importing this package is cheap (standard library only): `holidays` and `hijridate`
are imported inside the functions that need them, and only when no cache answers.

Modules: `holidays` (public holidays, override store, cache), `ramadan`, `countries`,
`transitions`. See docs/local-practice.md.
"""

from missionctl.practice.countries import CountryPractice, practice
from missionctl.practice.holidays import (
    Holiday,
    OverrideError,
    holidays_between,
    override_path,
    public_holidays,
    save_override,
)
from missionctl.practice.ramadan import ramadan_periods
from missionctl.practice.transitions import OffsetChange, describe_change, offset_changes

__all__ = [
    "CountryPractice",
    "Holiday",
    "OffsetChange",
    "OverrideError",
    "describe_change",
    "holidays_between",
    "offset_changes",
    "override_path",
    "practice",
    "public_holidays",
    "ramadan_periods",
    "save_override",
]
