"""Public holidays per country and year: the embedded calendar, a user override, a cache.

Where the dates come from, in order of precedence:

1. An **override** file the user keeps (`missionctl holidays CC YEAR --source URL` writes one
   from a Nager.Date-compatible service; a person may also edit it): official dates once a
   government has announced them.
2. The **embedded calendar**: python-holidays (`holidays` package). Its Islamic holidays are
   computed from a tabular/astronomical Hijri calendar and flagged as estimated until the
   package confirms them: the real day depends on the local sighting of the moon.

Merge rule (one calendar per country and year):

* every holiday in the override is kept as written;
* an embedded holiday is kept only if its date has no holiday in the override and is not
  listed in the override's `not_holidays`.

So the override wins for the dates it has, and the embedded calendar fills the gaps it leaves:
Nager.Date lists no Moroccan Islamic holidays, and Morocco's Eids still come from
python-holidays. When an estimated date turns out wrong (Eid announced a day later), the
override names the right day and lists the wrong one in `not_holidays`.

Speed: `import holidays` and building one country cost ~165 ms here, so computed calendars
are cached as JSON in the user cache dir, keyed by country, year and the holidays package
version (read without importing it). A cached lookup costs about a millisecond; `holidays` is
never imported when the cache answers, and never at import time of this module.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from missionctl.practice._store import cache_dir, data_dir, dist_version, write_json_atomic

OVERRIDE = "override"
_OVERRIDE_FORMAT = 1
# Bump when the cached layout or the way names/flags are derived changes: old files are then
# simply not found (the number is part of the file name) and get recomputed.
_CACHE_FORMAT = 1
_CODE = re.compile(r"[A-Z]{2}")


class Holiday(NamedTuple):
    """One public holiday on one date. A date with two holidays gives two `Holiday`s."""

    date: dt.date
    name: str
    estimated: bool
    """True when the date is computed (lunar calendar) and may move by a day or two."""
    source: str
    """"holidays 0.109" for the embedded calendar; "override" (or "override: <origin>", e.g.
    "override: Nager.Date") for a date from the user's override file."""


class OverrideError(ValueError):
    """An override file exists but cannot be used. Raised rather than ignored: the file holds
    dates a person chose, and silently falling back to estimates would hide that."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class Override(NamedTuple):
    holidays: tuple[Holiday, ...]
    not_holidays: frozenset[dt.date]


def _code(country: str) -> str | None:
    """ISO 3166-1 alpha-2 code in upper case, or None. Also keeps the code safe to put in a
    file name (no path separators)."""
    code = country.strip().upper()
    return code if _CODE.fullmatch(code) else None


def _check_year(year: int) -> None:
    # bool is an int: refuse it along with years datetime.date cannot hold.
    if isinstance(year, bool) or not isinstance(year, int) or not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"not a year: {year!r}")


# --- the embedded calendar ------------------------------------------------------------------


@cache
def library_version() -> str | None:
    """Version of the installed `holidays` package, without importing it; None if absent.
    Cached for the process: the module a process would import cannot change under it."""
    return dist_version("holidays")


def library_source() -> str | None:
    """The `source` string of embedded holidays, e.g. "holidays 0.109"."""
    version = library_version()
    return None if version is None else f"holidays {version}"


def _cache_file(code: str, year: int, version: str) -> Path:
    safe_version = re.sub(r"[^A-Za-z0-9.+_-]", "_", version)
    name = f"{code}-{year}-holidays-{safe_version}-v{_CACHE_FORMAT}.json"
    return cache_dir() / "holidays" / name


def _read_cache(path: Path, code: str, year: int, version: str) -> list[Holiday] | None:
    """The cached calendar (possibly empty: a country python-holidays lacks), or None when the
    file is missing or unusable. A corrupt or foreign file is treated as missing: the caller
    recomputes and overwrites it."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if (
            raw["format"] != _CACHE_FORMAT
            or raw["version"] != version
            or raw["country"] != code
            or raw["year"] != year
        ):
            return None
        source = f"holidays {version}"
        out = []
        for day, name, estimated in raw["holidays"]:
            if not isinstance(name, str) or not isinstance(estimated, bool):
                return None
            date = dt.date.fromisoformat(day)
            if date.year != year:
                return None
            out.append(Holiday(date, name, estimated, source))
        return out
    except (OSError, ValueError, KeyError, TypeError):
        # OSError: missing/unreadable; ValueError: bad JSON or date; KeyError/TypeError:
        # wrong shape (including a row that is not a 3-item list).
        return None


def _write_cache(path: Path, code: str, year: int, version: str, cal: list[Holiday]) -> None:
    payload = {
        "format": _CACHE_FORMAT,
        "package": "holidays",
        "version": version,
        "country": code,
        "year": year,
        "holidays": [[h.date.isoformat(), h.name, h.estimated] for h in cal],
    }
    # A cache is an optimisation: a read-only home must not break a check.
    with contextlib.suppress(OSError):
        write_json_atomic(path, payload)


_memo: dict[tuple[str, int, str], tuple[Holiday, ...]] = {}


def embedded_holidays(country: str, year: int) -> list[Holiday]:
    """The embedded (python-holidays) calendar alone, without the override; [] for a country
    it does not know or when the package is not installed."""
    _check_year(year)
    code = _code(country)
    version = library_version()
    if code is None or version is None:
        return []
    key = (code, year, version)
    if key not in _memo:
        path = _cache_file(code, year, version)
        cal = _read_cache(path, code, year, version)
        if cal is None:
            from missionctl.practice import _library

            rows = _library.compute(code, year) or []
            source = f"holidays {version}"
            cal = [Holiday(day, name, est, source) for day, name, est in rows]
            _write_cache(path, code, year, version, cal)
        _memo[key] = tuple(cal)
    return list(_memo[key])


def clear_memory_cache() -> None:
    """Forget calendars held in this process (the on-disk cache stays)."""
    _memo.clear()


# --- the override store ---------------------------------------------------------------------


def override_path(country: str, year: int) -> Path:
    """Where the override for `country` and `year` lives: `<data dir>/holidays/CC-YEAR.json`.
    Raises ValueError for something that is not an alpha-2 code or a year."""
    _check_year(year)
    code = _code(country)
    if code is None:
        raise ValueError(f"not an ISO 3166-1 alpha-2 country code: {country!r}")
    return data_dir() / "holidays" / f"{code}-{year}.json"


def _origin(source: str) -> str:
    # What we store: where the date came from, without our own "override" wrapper, so a
    # calendar read back and saved again does not become "override: override: ...".
    if source == OVERRIDE:
        return ""
    return source.removeprefix(OVERRIDE + ": ")


def save_override(
    country: str,
    year: int,
    holidays: Iterable[Holiday],
    *,
    not_holidays: Iterable[dt.date] = (),
) -> Path:
    """Store `holidays` as the override for `country` and `year` (replacing any earlier one),
    atomically. `not_holidays` are dates the embedded calendar must not contribute (an
    estimated Eid that was announced on another day). Returns the file's path."""
    path = override_path(country, year)
    items = sorted(holidays, key=lambda h: (h.date, h.name))
    removed = sorted(set(not_holidays))
    for day in [h.date for h in items] + removed:
        if day.year != year:
            raise ValueError(f"{day.isoformat()} is not in {year}")
    for h in items:
        if not h.name.strip():
            raise ValueError(f"holiday on {h.date.isoformat()} has no name")
    payload: dict[str, Any] = {
        "format": _OVERRIDE_FORMAT,
        "country": path.stem.split("-")[0],
        "year": year,
        "holidays": [
            {
                "date": h.date.isoformat(),
                "name": h.name,
                "estimated": h.estimated,
                "source": _origin(h.source),
            }
            for h in items
        ],
        "not_holidays": [d.isoformat() for d in removed],
    }
    return write_json_atomic(path, payload)


def _parse_override(path: Path, raw: Any, code: str, year: int) -> Override:
    def fail(reason: str) -> OverrideError:
        return OverrideError(path, reason)

    if not isinstance(raw, dict):
        raise fail("not a JSON object")
    if raw.get("format") != _OVERRIDE_FORMAT:
        raise fail(f"unsupported format {raw.get('format')!r} (expected {_OVERRIDE_FORMAT})")
    if raw.get("country") != code or raw.get("year") != year:
        raise fail(f"holds {raw.get('country')!r} {raw.get('year')!r}, not {code} {year}")

    def day_of(value: Any, where: str) -> dt.date:
        try:
            day = dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise fail(f"{where}: not a YYYY-MM-DD date: {value!r}") from None
        if day.year != year:
            raise fail(f"{where}: {value} is not in {year}")
        return day

    entries = raw.get("holidays", [])
    if not isinstance(entries, list):
        raise fail("'holidays' is not a list")
    out = []
    for i, item in enumerate(entries):
        where = f"holidays[{i}]"
        if not isinstance(item, dict):
            raise fail(f"{where}: not an object")
        name = item.get("name")
        estimated = item.get("estimated", False)
        origin = item.get("source", "")
        if not isinstance(name, str) or not name.strip():
            raise fail(f"{where}: 'name' must be a non-empty string")
        if not isinstance(estimated, bool):
            raise fail(f"{where}: 'estimated' must be true or false")
        if not isinstance(origin, str):
            raise fail(f"{where}: 'source' must be a string")
        source = f"{OVERRIDE}: {origin}" if origin else OVERRIDE
        out.append(Holiday(day_of(item.get("date"), where), name, estimated, source))
    removed = raw.get("not_holidays", [])
    if not isinstance(removed, list):
        raise fail("'not_holidays' is not a list")
    not_days = frozenset(day_of(v, f"not_holidays[{i}]") for i, v in enumerate(removed))
    return Override(tuple(sorted(out, key=lambda h: (h.date, h.name))), not_days)


def load_override(country: str, year: int) -> Override | None:
    """The override for `country` and `year`, or None when there is none. Raises
    OverrideError for a file that exists but is unreadable or malformed."""
    path = override_path(country, year)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OverrideError(path, f"cannot read: {exc.strerror or exc}") from exc
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise OverrideError(path, f"not valid JSON: {exc}") from exc
    return _parse_override(path, raw, path.stem.split("-")[0], year)


# --- the merged calendar --------------------------------------------------------------------


def merge(embedded: Iterable[Holiday], override: Override | None) -> list[Holiday]:
    """Apply the merge rule (module docstring): override dates win, embedded ones fill gaps."""
    if override is None:
        return sorted(embedded, key=lambda h: (h.date, h.name))
    taken = {h.date for h in override.holidays} | override.not_holidays
    kept = [h for h in embedded if h.date not in taken]
    return sorted([*kept, *override.holidays], key=lambda h: (h.date, h.name))


def public_holidays(country: str, year: int) -> list[Holiday]:
    """Public holidays of `country` (ISO 3166-1 alpha-2, any case) in `year`, sorted by date.

    [] for a country neither the override store nor python-holidays knows (including strings
    that are not alpha-2 codes). Raises OverrideError when an override file is malformed.
    """
    _check_year(year)
    code = _code(country)
    if code is None:
        return []
    return merge(embedded_holidays(code, year), load_override(code, year))


def holidays_between(country: str, first: dt.date, last: dt.date) -> list[Holiday]:
    """Public holidays of `country` from `first` to `last`, both inclusive (a mission's dates
    may straddle New Year)."""
    out: list[Holiday] = []
    for year in range(first.year, last.year + 1):
        out.extend(h for h in public_holidays(country, year) if first <= h.date <= last)
    return out


def holidays_from_nager(
    items: Iterable[Mapping[str, Any]], *, source: str = "Nager.Date"
) -> list[Holiday]:
    """Holidays from a Nager.Date v3 `/PublicHolidays/{year}/{country}` answer, ready for
    `save_override`. Keeps nationwide (`global`) public holidays only: regional ones
    (`counties`) and bank/school/optional days do not close a country's offices. The English
    `name` is used, as python-holidays names are English too."""
    out = []
    for i, item in enumerate(items):
        try:
            day = dt.date.fromisoformat(item["date"])
            name = item["name"]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"Nager.Date entry {i}: {exc!r}") from exc
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"Nager.Date entry {i}: no name")
        if item.get("global", True) is False:
            continue
        types = item.get("types")
        if isinstance(types, list) and types and "Public" not in types:
            continue
        out.append(Holiday(day, name.strip(), False, source))
    return sorted(out, key=lambda h: (h.date, h.name))
