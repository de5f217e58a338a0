"""A cell's value for one field: the text to write, or `Invalid` with a sentence for the person.

The last word is always `missionctl.values`, the parsers `check` uses (e-mail, country and
language codes, date-times and whether they exist in the mission's zone), so what the import
writes, `check` accepts. Before them, this module accepts what registration forms hold:
country and language names in English, Portuguese or French ("Marrocos", "Maroc", "Inglês"),
day-first dates ("10/05/2027 14:30"), names typed in capitals.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache

from missionctl import values
from missionctl.importers.columns import normalise
from missionctl.importers.table import Value, text_of
from missionctl.values import Invalid

#: Words written in lower case inside a name ("Maria da Silva", "Jean de la Fontaine").
PARTICLES = frozenset({"da", "das", "de", "del", "della", "di", "do", "dos", "du", "des", "e",
                       "la", "le", "van", "von", "der", "den", "y"})

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
                        r"(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$")
_LIST_SPLIT = re.compile(r"\s*(?:[,;/+&]|\band\b|\be\b|\bet\b)\s*", re.IGNORECASE)


def person_name(raw: str) -> str:
    """A name as a person writes it: 'JOÃO DA SILVA' and 'joão da silva' become
    'João da Silva'; a name already in mixed case is left as typed."""
    text = " ".join(raw.split())
    letters = [c for c in text if c.isalpha()]
    if not letters or not (all(c.isupper() for c in letters)
                           or all(c.islower() for c in letters)):
        return text
    words = []
    for i, word in enumerate(text.lower().split(" ")):
        if i and word in PARTICLES:
            words.append(word)
        else:
            words.append(re.sub(r"(^|[-'’])(\w)", lambda m: m[1] + m[2].upper(), word))
    return " ".join(words)


def email(raw: str) -> str:
    text = raw.strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    address = values.email(text)
    return address.lower() if address.isupper() else address


def phone(raw: str) -> str:
    if "@" in raw:
        raise Invalid(f"'{raw}' is an e-mail address, not a phone number")
    if not any(c.isdigit() for c in raw):
        raise Invalid(f"'{raw}' is not a phone number (it has no digits)")
    return raw


@lru_cache(maxsize=4096)
def country(raw: str) -> str:
    """An ISO 3166-1 code, from a code in any case or a country's name (English, Portuguese,
    French, as the Unicode CLDR spells them, through Babel)."""
    text = raw.strip()
    if len(text) == 2 and text.isalpha():
        return values.country(text.upper())
    code = _named(normalise(text), "territories")
    if code is None:
        raise Invalid(f"'{raw}' is not a country: write its name or its ISO code (PT, MA, FR)")
    return values.country(code)


#: CLDR locales whose names are read, in this order; each is loaded only when a name was not
#: found in the ones before (most sheets say "Portugal", which English already knows).
LOCALES = ("en", "pt", "fr", "pt_PT")
_NAMES: dict[tuple[str, str], dict[str, str]] = {}


def _named(key: str, kind: str) -> str | None:
    """The code a country ('territories') or language ('languages') name stands for."""
    for locale in LOCALES:
        table = _NAMES.get((locale, kind))
        if table is None:
            table = _NAMES[(locale, kind)] = _load_names(locale, kind)
        if key in table:
            return table[key]
    return None


def _load_names(locale: str, kind: str) -> dict[str, str]:
    try:
        from babel import Locale
    except ImportError:
        from missionctl.importers.readers import missing_library

        raise missing_library("babel") from None
    from missionctl.codes import COUNTRIES, LANGUAGES

    known = COUNTRIES if kind == "territories" else LANGUAGES
    names = getattr(Locale.parse(locale), kind)
    return {normalise(name): code for code, name in names.items() if code in known}


def languages(raw: str) -> list[str]:
    """ISO 639-1 codes from 'pt, en', 'Português e Inglês', 'French / Arabic'."""
    return list(_languages(raw))


@lru_cache(maxsize=4096)  # a sheet repeats the same few answers on every row
def _languages(raw: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in _LIST_SPLIT.split(raw.strip()):
        if not part:
            continue
        code = language(part)
        if code not in out:
            out.append(code)
    return tuple(out)


def language(text: str) -> str:
    if len(text) == 2 and text.isalpha():
        return values.language(text.lower())
    code = _named(normalise(text), "languages")
    if code is None:
        raise Invalid(f"'{text}' is not a language: write its name or its ISO 639-1 code "
                      "(pt, en, fr, ar)")
    return values.language(code)


def moment(value: Value, zone: str, *, leaving: bool) -> str:
    """`arrival`/`departure`: 'YYYY-MM-DD HH:MM' local to the mission zone. A date alone (or
    a date-time at midnight, which is how a date cell comes out of an .xlsx) is the start of
    that day for an arrival and its last minute for a departure."""
    wall = _wall(value, leaving)
    text = wall.strftime("%Y-%m-%d %H:%M")
    values.date_time(text).instant(zone)  # Invalid when the clocks skip that time
    return text


def _wall(value: Value, leaving: bool) -> datetime:
    day_end = time(23, 59) if leaving else time(0, 0)
    if isinstance(value, datetime) and value.time() != time(0, 0):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, datetime):  # midnight: how xlsx stores a date cell
        return datetime.combine(value.date(), day_end)
    if isinstance(value, date):
        return datetime.combine(value, day_end)
    text = text_of(value)
    m = _DAY_FIRST.match(text)
    if m:
        try:
            day = date(int(m[3]), int(m[2]), int(m[1]))
            clock = time(int(m[4]), int(m[5])) if m[4] else day_end
        except ValueError:
            raise Invalid(f"'{text}' is not a real date (write day/month/year, e.g. "
                          "10/05/2027 14:30, or 2027-05-10 14:30)") from None
        return datetime.combine(day, clock)
    try:
        return datetime.combine(values.a_date(text), day_end)
    except Invalid:
        pass
    try:
        local = values.date_time(text)
    except Invalid:
        raise Invalid(f"'{text}' is not a date and time (write 2027-05-10 14:30 or "
                      "10/05/2027 14:30)") from None
    if local.offset is not None:
        raise Invalid(f"'{text}' has a UTC offset; write the local time of the mission's "
                      "zone without it")
    return local.wall
