"""Local practice as data: public holidays, Ramadan, weekends and customs per country, UTC
offset changes per zone.

Pure lookups for the calendar rules (MC301-MC306), contact sheets and the `holidays`
command. Modules: `holidays` (public holidays, override store, cache), `ramadan`,
`countries`, `transitions`. See docs/local-practice.md.

Start-up cost matters (checks run in pre-commit hooks), so this package imports nothing on
its own: the names below are loaded on first use (PEP 562), `import
missionctl.practice.holidays` does not pay for the zone-file reader, and `holidays` and
`hijridate` are imported inside the functions that need them, only when no cache answers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_EXPORTS = {
    "CountryPractice": "countries",
    "practice": "countries",
    "Holiday": "holidays",
    "OverrideError": "holidays",
    "holidays_between": "holidays",
    "override_path": "holidays",
    "public_holidays": "holidays",
    "save_override": "holidays",
    "ramadan_periods": "ramadan",
    "OffsetChange": "transitions",
    "describe_change": "transitions",
    "offset_changes": "transitions",
}

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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
