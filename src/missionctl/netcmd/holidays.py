"""`missionctl holidays COUNTRY YEAR`: the holiday calendar the checks use, and its refresh.

Without `--source` nothing goes online: the calendar is `practice.holidays.public_holidays`,
the override (if any) merged over the embedded python-holidays calendar.

With `--source URL` the Nager.Date-compatible service is asked for that country and year; its
nationwide public holidays (`practice.holidays.holidays_from_nager`) are stored as the
override, which the checks then use. The refresh replaces only what an earlier refresh stored
(entries whose source starts with "Nager.Date"): holidays a person wrote into the override by
hand stay, win over the service on their dates, and `not_holidays` stays as it was. Where the
service has gaps (Nager.Date has no Moroccan Islamic holidays) the embedded calendar still
fills them, by the merge rule of practice/holidays.py.

When the service has no data (`NoHolidayData`: unknown country, or nothing for that year),
nothing is saved, the checks keep the calendar they had, and the command exits 1 (a network
operation that did not deliver, like every NetError).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from missionctl.errors import UserError

if TYPE_CHECKING:
    import httpx

    from missionctl.practice.holidays import Holiday

NAGER_SOURCE = "Nager.Date"


@dataclass(slots=True)
class Refresh:
    """What `--source` did."""

    host: str
    fetched: int  # entries the service answered
    stored: int  # nationwide public holidays stored from it
    kept: int  # holidays written by hand, kept
    path: Path


@dataclass(slots=True)
class HolidaysResult:
    country: str
    year: int
    holidays: list[Holiday]
    override: Path | None  # the override file in use, if any
    refresh: Refresh | None = None


def country_code(text: str) -> str:
    """An ISO 3166-1 alpha-2 code, upper-cased; UserError (exit 2) for anything else."""
    from missionctl.codes import COUNTRIES

    code = text.strip().upper()
    if len(code) != 2 or code not in COUNTRIES:
        raise UserError(f"{text!r} is not an ISO 3166-1 alpha-2 country code (e.g. MA, PT, FR)")
    return code


def calendar(country: str, year: int) -> HolidaysResult:
    """The merged calendar the checks use. UserError when the override file is unusable."""
    from missionctl.practice.holidays import (
        OverrideError,
        override_path,
        public_holidays,
    )

    code = country_code(country)
    try:
        listed = public_holidays(code, year)
    except OverrideError as exc:
        raise UserError(
            f"the holiday override {exc.path} cannot be used ({exc.reason}); correct it, "
            f"delete it to use the built-in calendar, or refresh it with `missionctl "
            f"holidays {code} {year} --source URL`"
        ) from None
    path = override_path(code, year)
    return HolidaysResult(code, year, listed, path if path.exists() else None)


def refresh(
    country: str,
    year: int,
    source: str,
    *,
    client: httpx.Client | None = None,
    client_options: Mapping[str, Any] | None = None,
) -> HolidaysResult:
    """Fetch from `source`, store the override (atomically), return the merged calendar.
    Raises NetError (NoHolidayData included) before anything is written."""
    from missionctl.net.errors import NetError, host_of
    from missionctl.practice.holidays import (
        OverrideError,
        holidays_from_nager,
        load_override,
        save_override,
    )

    code = country_code(country)
    items = _fetch(code, year, source, client, client_options)
    host = host_of(source)
    label = NAGER_SOURCE if host == "date.nager.at" else f"{NAGER_SOURCE} ({host})"
    try:
        fetched = holidays_from_nager(items, source=label)
    except ValueError as exc:
        raise NetError(f"unexpected answer from holiday service {host}: {exc}",
                       kind="malformed") from None
    try:
        existing = load_override(code, year)
    except OverrideError as exc:
        raise UserError(
            f"the holiday override {exc.path} cannot be used ({exc.reason}); correct or "
            "delete it before refreshing: a refresh keeps the holidays written there by hand"
        ) from None
    by_hand = [h for h in (existing.holidays if existing else ()) if not _from_service(h)]
    hand_dates = {h.date for h in by_hand}
    stored = [h for h in fetched if h.date not in hand_dates]
    try:
        path = save_override(
            code, year, [*by_hand, *stored],
            not_holidays=existing.not_holidays if existing else (),
        )
    except OSError as exc:  # a read-only data folder, a symlink in the way: the user's to fix
        raise UserError(f"cannot store the holiday override: {exc.strerror or exc}") from None
    result = calendar(code, year)
    result.refresh = Refresh(host, len(items), len(stored), len(by_hand), path)
    return result


def _fetch(code: str, year: int, source: str, client: httpx.Client | None,
           client_options: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The service's holidays; a failure that leaves nothing to store says what stays used."""
    from missionctl.net import nager
    from missionctl.net.errors import NetError
    from missionctl.net.http import make_client

    try:
        if client is not None:
            return nager.public_holidays(client, source, year, code)
        with make_client(**(client_options or {})) as own:
            return nager.public_holidays(own, source, year, code)
    except nager.NoHolidayData as err:
        raise nager.NoHolidayData(f"{err}; {_kept(code, year)}", url=err.url,
                                  status=err.status) from None
    except NetError as err:
        if err.kind != "malformed":
            raise
        raise NetError(f"{err}; {_kept(code, year)}", kind=err.kind, url=err.url,
                       status=err.status) from None


def _kept(code: str, year: int) -> str:
    """What a failed refresh leaves in force."""
    from missionctl.practice.holidays import override_path

    path = override_path(code, year)
    kept = f"the override {path}" if path.exists() else "the built-in calendar"
    return f"nothing was saved; the checks keep using {kept}"


def _from_service(holiday: Holiday) -> bool:
    origin = holiday.source.removeprefix("override").removeprefix(":").strip()
    return origin.startswith(NAGER_SOURCE)
