"""Dates, lists and durations in a language other than English, from CLDR through Babel.

Babel is an optional dependency (the `i18n` extra) and heavy to import (its locale data is
read per language), so this module is imported only when a non-English output is written:
`wording.py` calls it for a language that is not `en`, and English never needs it. Babel is
used rather than strftime because the machine has no system locales and the `locale` module
would make an output depend on the process (`LANG`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from missionctl.errors import UserError

if TYPE_CHECKING:
    from babel import Locale

_LOCALES: dict[str, Locale] = {}


def require(lang: str) -> Locale:
    """Babel's locale for `lang`; a UserError saying how to install Babel when it is missing."""
    found = _LOCALES.get(lang)
    if found is not None:
        return found
    try:
        from babel import Locale
    except ImportError:
        raise UserError(
            f"writing in '{lang}' needs Babel, which is not installed: "
            "pip install Babel (or, in missionctl's clone, pip install -e '.[i18n]'); "
            "--lang en needs nothing"
        ) from None
    found = _LOCALES[lang] = Locale.parse(lang)
    return found


def weekday(day: date, lang: str, width: str = "wide") -> str:
    """'segunda-feira', 'lundi', 'الاثنين' (width 'abbreviated': 'seg.', 'lun.')."""
    names: Any = require(lang).days["format"][width]
    return str(names[day.weekday()])


def month(number: int, lang: str, width: str = "wide") -> str:
    names: Any = require(lang).months["format"][width]
    return str(names[number])


def day_full(day: date, lang: str) -> str:
    """'segunda-feira, 10 de maio de 2027', 'lundi 10 mai 2027': CLDR's full date."""
    from babel.dates import format_date

    return str(format_date(day, "full", locale=require(lang)))


def day_brief(day: date, lang: str) -> str:
    """'seg., 10 de mai.', 'lun. 10 mai': CLDR's abbreviated weekday, day and month."""
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMEd", day, locale=require(lang)))


def span_days(first: date, last: date, lang: str) -> str:
    """'10–14 de maio de 2027', '10–14 mai 2027': CLDR's interval of dates."""
    from babel.dates import format_interval

    return str(format_interval(first, last, "yMMMMd", locale=require(lang)))


def and_list(words: list[str], lang: str) -> str:
    """'a, b e c', 'a, b et c', 'a وb وc'."""
    from babel.lists import format_list

    return str(format_list(words, locale=require(lang)))


def duration(hours: int, minutes: int, lang: str) -> str:
    """'2 h e 30 min', '45 min': CLDR's short units, joined as a list of two.

    The "standard" list style, not "unit-narrow": Babel 2.19 writes the Arabic unit lists of
    two items with the second item twice ('2 س و30 د و30 د')."""
    from babel.lists import format_list
    from babel.units import format_unit

    loc = require(lang)
    parts = []
    if hours:
        parts.append(str(format_unit(hours, "duration-hour", length="short", locale=loc)))
    if minutes or not hours:
        parts.append(str(format_unit(minutes, "duration-minute", length="short", locale=loc)))
    return str(format_list(parts, locale=loc))


def territory(code: str, lang: str) -> str | None:
    """A country's name: 'Marrocos', 'Maroc', 'المغرب' for MA (None when CLDR has none)."""
    names: Any = require(lang).territories
    found = names.get(code.upper())
    return str(found) if found else None


def language(code: str, lang: str) -> str | None:
    """A language's name: 'francês', 'français', 'الفرنسية' for fr (None when CLDR has none)."""
    names: Any = require(lang).languages
    found = names.get(code)
    return str(found) if found else None


def number(n: int, lang: str) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(n, locale=require(lang)))
