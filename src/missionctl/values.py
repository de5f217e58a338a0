"""Scalars typed by the field they sit in, from the text the author wrote.

Each parser takes the scalar's source text and returns a value or raises `Invalid` with a
sentence for the author; the builder turns that into MC003 at the value.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import NamedTuple

from missionctl import tz


class Invalid(ValueError):
    """A value of the wrong kind; the message says what was expected."""


# The bounds of what a mission can hold (docs/format.md, "Bounds"). Python's calendar runs
# from year 1 to 9999, and an instant there plus an offset or a day falls off its edge; no
# trade mission is planned in either. Every span (a duration, an event, a mission) is at
# most MAX_SPAN, so nothing downstream builds a calendar for centuries.
FIRST_YEAR, LAST_YEAR = 1900, 2999
MAX_SPAN = timedelta(days=366)


ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_DT_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$"
)
_DUR_RE = re.compile(r"^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?$")
_ISO_DUR_RE = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
# An e-mail address is an RFC 5322 dot-atom (RFC 6531: letters of any script), '@', and a
# domain of two or more DNS labels whose last is not all digits. Written by hand rather than
# with email-validator: it runs for every person at `check`'s start-up, and what it accepts
# is exactly what every export writes as is (an ICS `mailto:`, a vCard EMAIL, a CSV cell).
# Quoted local parts ("a b"@x) and address literals (a@[192.0.2.1]) are valid RFC 5322 but
# never seen in a delegation's address book, and each export would need its own quoting.
_ATOM = r"[\w!#$%&'*+/=?^`{|}~-]+"  # \w: letters and digits of any script, and _
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_EMAIL_RE = re.compile(
    rf"^{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+(?=[\w-]*[^\W\d_])(?!.*_){_LABEL}$"
)
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_LANG_RE = re.compile(r"^[a-z]{2}$")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def ident(text: str) -> str:
    if not ID_RE.match(text):
        raise Invalid(bad_id(text))
    return text


def bad_id(text: str) -> str:
    return (f"'{text}' is not a valid id: use letters, digits, '.', '_' or '-', "
            "starting with a letter or digit, at most 64 characters")


def a_date(text: str) -> date:
    m = _DATE_RE.match(text.strip())
    if not m:
        raise Invalid(f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2027-05-11")
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise Invalid(f"'{text}' is not a real date ({exc})") from None
    _in_years(day.year, text)
    return day


def _in_years(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Invalid(f"'{text}' is outside the years missionctl accepts "
                      f"({FIRST_YEAR}-{LAST_YEAR}); check the year")


def a_time(text: str, *, allow_24: bool = False) -> time:
    m = _TIME_RE.match(text.strip())
    if not m:
        raise Invalid(f"'{text}' is not a time; write HH:MM, e.g. 09:30")
    h, mi, s = int(m[1]), int(m[2]), int(m[3] or 0)
    if h == 24 and mi == 0 and s == 0 and allow_24:
        return time.max  # "24:00" closes a day in opening hours and working hours
    if h > 23 or mi > 59 or s > 59:
        raise Invalid(f"'{text}' is not a time of day (hours 00-23, minutes 00-59)")
    return time(h, mi, s)


class LocalDateTime(NamedTuple):
    """A date-time as written: wall clock, plus the offset if the author wrote one."""

    wall: datetime  # naive
    offset: timedelta | None

    def instant(self, zone_name: str) -> datetime:
        """The UTC instant; raises Invalid for a wall time that does not exist in the zone."""
        if self.offset is not None:
            return (self.wall.replace(tzinfo=timezone(self.offset))).astimezone(UTC)
        return local_instant(self.wall, zone_name)


_INSTANTS: dict[tuple[datetime, str], datetime] = {}
INSTANTS_KEPT = 200_000  # a 100k-event mission has far fewer distinct wall times


def local_instant(wall: datetime, zone_name: str) -> datetime:
    """The UTC instant of a wall-clock time in a zone; Invalid if the clocks skip it.

    Memoised: a programme repeats the same wall times (09:00 every day, a coach at 14:30)
    across hundreds of events, and each conversion costs two zoneinfo lookups. The memo is
    emptied when full, so a process that loads mission after mission keeps it bounded.
    """
    key = (wall, zone_name)
    found = _INSTANTS.get(key)
    if found is None:
        if len(_INSTANTS) >= INSTANTS_KEPT:
            _INSTANTS.clear()
        found = _INSTANTS[key] = _local_instant(wall, zone_name)
    return found


def _local_instant(wall: datetime, zone_name: str) -> datetime:
    z = tz.zone(zone_name)
    aware = wall.replace(tzinfo=z)
    utc = aware.astimezone(UTC)
    if utc.astimezone(z).replace(tzinfo=None) != wall:
        raise Invalid(
            f"{wall:%Y-%m-%d %H:%M} does not exist in {zone_name}: the clocks jump over it "
            "that night; pick a time after the change"
        )
    return utc


def date_time(text: str) -> LocalDateTime:
    m = _DT_RE.match(text.strip())
    if not m:
        raise Invalid(
            f"'{text}' is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2027-05-11 09:30"
        )
    try:
        wall = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
    except ValueError as exc:
        raise Invalid(f"'{text}' is not a real date and time ({exc})") from None
    _in_years(wall.year, text)
    return LocalDateTime(wall, _offset(m[7]) if m[7] else None)


def _offset(text: str) -> timedelta:
    if text in ("Z", "z"):
        return timedelta(0)
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        raise Invalid(f"'{text}' is not a UTC offset")
    return sign * timedelta(hours=hours, minutes=minutes)


def time_or_date_time(text: str) -> time | LocalDateTime:
    """`end`: a bare HH:MM or a full date-time."""
    if _TIME_RE.match(text.strip()):
        return a_time(text)
    return date_time(text)


def duration(text: str) -> timedelta:
    s = text.strip()
    m = _ISO_DUR_RE.match(s)
    if m and s not in ("P", "PT") and not s.endswith("T"):
        d, h, mi, sec = (int(x or 0) for x in m.groups())
        return _span(text, ((d * 24 + h) * 60 + mi) * 60 + sec)
    m = _DUR_RE.match(s)
    if s and m and any(m.groups()):
        d, h, mi = (int(x or 0) for x in m.groups())
        return _span(text, ((d * 24 + h) * 60 + mi) * 60)
    raise Invalid(f"'{text}' is not a duration; write e.g. 45m, 1h30m, 2h or PT1H30M")


def _span(text: str, seconds: int) -> timedelta:
    # Compared as an int first: timedelta itself overflows past 999,999,999 days.
    if seconds > MAX_SPAN.total_seconds():
        raise Invalid(f"'{text}' is longer than {MAX_SPAN.days} days, the longest duration "
                      "missionctl accepts; check the number")
    return timedelta(seconds=seconds)


def zone_name(text: str) -> str:
    if text not in tz.available_zones():
        hint = _close(text, tz.available_zones())
        raise Invalid(f"'{text}' is not an IANA time zone{hint}")
    return text


def country(text: str) -> str:
    from missionctl.codes import COUNTRIES

    if not _COUNTRY_RE.match(text) or text not in COUNTRIES:
        up = text.upper()
        hint = f" (did you mean '{up}'?)" if up in COUNTRIES else ""
        raise Invalid(f"'{text}' is not an ISO 3166-1 alpha-2 country code{hint}")
    return text


def language(text: str) -> str:
    from missionctl.codes import LANGUAGES

    if not _LANG_RE.match(text) or text not in LANGUAGES:
        low = text.lower()
        if low in LANGUAGES:
            hint = f" (did you mean '{low}'?)"
        else:  # a name (Portuguese, português, portugais) or a 3-letter code: the table
            from missionctl.language_names import code_for  # loads only for this message

            code = code_for(text)
            hint = f" (did you mean '{code}'?)" if code else ""
        raise Invalid(f"'{text}' is not an ISO 639-1 language code{hint}")
    return text


def email(text: str) -> str:
    address = text.strip()
    local, _, domain = address.rpartition("@")
    if len(local) > 64 or len(address) > 254 or not _EMAIL_RE.match(address) or "_" in domain:
        raise Invalid(f"'{text}' is not an e-mail address: write name@domain.tld, with letters,"
                      " digits and . _ + - ' before the @ (no spaces, quotes, : or ;)")
    return address


def url(text: str) -> str:
    if not _URL_RE.match(text.strip()):
        raise Invalid(f"'{text}' is not a web address; write it with http:// or https://")
    return text.strip()


def integer(text: str, *, minimum: int = 0) -> int:
    s = text.strip().replace("_", "")
    if not re.fullmatch(r"[+-]?\d+", s):
        raise Invalid(f"'{text}' is not a whole number")
    value = int(s)
    if value < minimum:
        raise Invalid(f"'{text}' must be at least {minimum}")
    return value


def number(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise Invalid(f"'{text}' is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise Invalid(f"'{text}' is not a finite number")
    return value


def boolean(text: str) -> bool:
    if text == "true":
        return True
    if text == "false":
        return False
    raise Invalid(f"'{text}' is not a boolean; write true or false")


class TimeRange(NamedTuple):
    start: time
    end: time  # time.max stands for 24:00

    def __str__(self) -> str:
        end = "24:00" if self.end == time.max else f"{self.end:%H:%M}"
        return f"{self.start:%H:%M}-{end}"


def time_range(text: str) -> TimeRange:
    parts = text.replace("–", "-").split("-")
    if len(parts) != 2:
        raise Invalid(f"'{text}' is not a time range; write HH:MM-HH:MM, e.g. 08:30-18:00")
    start, end = a_time(parts[0]), a_time(parts[1], allow_24=True)
    if end <= start:
        raise Invalid(f"'{text}': the range must end after it starts")
    return TimeRange(start, end)


def _close(word: str, options: frozenset[str] | set[str] | list[str]) -> str:
    from difflib import get_close_matches

    best = get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{best[0]}'?)" if best else ""


def did_you_mean(word: str, options: frozenset[str] | set[str] | list[str]) -> str:
    """' (did you mean 'x'?)' when a close option exists, else ''."""
    return _close(word, options)
