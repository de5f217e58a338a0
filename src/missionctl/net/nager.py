"""Public holidays from a Nager.Date-compatible service (API v3).

``GET {base}/api/v3/PublicHolidays/{year}/{country}`` answers a JSON list of
``{date, localName, name, countryCode, fixed, global, counties, launchYear, types}``.

"No data" is an error, not an empty list: Nager.Date answers 404 for a country it does not know
and 204 (no content) when it has nothing for that year. An empty list would read as "this country
has no public holidays", which the holiday checks would then trust, so both raise
:class:`NoHolidayData` (a :class:`NetError` of kind ``nodata``) and the caller can fall back to
the built-in calendar. Nager.Date has no Moroccan Islamic holidays at all (reported): its MA
list is partial by design, whatever the status.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import httpx

from missionctl.net.errors import NetError, display_url
from missionctl.net.http import decode_json, malformed, request

__all__ = ["NoHolidayData", "public_holidays"]

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class NoHolidayData(NetError):
    """The service has no holidays for that country (404) or that year (204)."""

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        super().__init__(message, kind="nodata", url=url, status=status)


def public_holidays(
    client: httpx.Client, base_url: str, year: int, country: str
) -> list[dict[str, Any]]:
    """The public holidays of ``country`` (ISO 3166-1 alpha-2) in ``year``, as the service gives
    them, each checked to have ``date`` (``YYYY-MM-DD`` in that year), ``localName`` and ``name``
    (strings); other fields are kept as they come, after a type check of the known ones."""
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise NetError(f"invalid year {year!r}", kind="input")
    if not _COUNTRY.match(country):
        raise NetError(f"invalid country code {country!r} (expected two letters)", kind="input")
    code = country.upper()
    url = f"{base_url.rstrip('/')}/api/v3/PublicHolidays/{year}/{code}"
    response = request(client, "GET", url, accept=(404,))
    if response.status_code == 404:
        raise NoHolidayData(
            f"holiday service {display_url(base_url)} does not know country {code}",
            url=url,
            status=404,
        )
    if response.status_code == 204:
        raise NoHolidayData(
            f"holiday service {display_url(base_url)} has no holidays for {code} in {year}",
            url=url,
            status=response.status_code,
        )
    # A 200 must hold the holidays. An empty body or an empty list is no answer, not "no
    # holidays": taken as one, it would be stored and every holiday check would pass (a
    # captive portal, a broken proxy or a stub answers so; Nager.Date says 204 for nothing).
    if not response.content.strip():
        raise malformed(response, "holiday service", "an empty answer (HTTP "
                        f"{response.status_code} with no body; a service with no holidays "
                        "for that year answers 204)")
    data = decode_json(response, what="holiday service")
    if not isinstance(data, list):
        raise malformed(response, "holiday service", "expected a JSON list of holidays")
    if not data:
        raise malformed(response, "holiday service", "an empty list of holidays (a service "
                        "with no holidays for that year answers 204)")
    return [_check(response, i, item, year) for i, item in enumerate(data)]


_OPTIONAL: dict[str, tuple[type, ...]] = {
    "countryCode": (str,),
    "fixed": (bool,),
    "global": (bool,),
    "launchYear": (int, type(None)),
}


def _check(response: httpx.Response, index: int, item: object, year: int) -> dict[str, Any]:
    what = "holiday service"
    if not isinstance(item, dict):
        raise malformed(response, what, f"holiday #{index} is not a JSON object")
    for key in ("date", "localName", "name"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise malformed(response, what, f"holiday #{index} has no {key!r} text")
    text = item["date"]
    try:
        day = date.fromisoformat(text) if _DATE.match(text) else None
    except ValueError:
        day = None
    if day is None:
        raise malformed(response, what, f"holiday #{index} has date {text!r}, not YYYY-MM-DD")
    if day.year != year:
        raise malformed(response, what, f"holiday #{index} is dated {text}, not in {year}")
    for key, types in _OPTIONAL.items():
        if key in item and not isinstance(item[key], types):
            raise malformed(response, what, f"holiday #{index} has a bad {key!r}")
    for key in ("counties", "types"):
        value = item.get(key)
        if value is not None and (
            not isinstance(value, list) or not all(isinstance(v, str) for v in value)
        ):
            raise malformed(response, what, f"holiday #{index} has a bad {key!r} list")
    return dict(item)
