"""Outputs in the reader's language: which languages, which direction, and the translator.

- **Languages.** `SUPPORTED` are the languages missionctl writes its outputs in (labels,
  headings, dates); `first_supported` picks a reader's (a person's `languages`, the
  mission's). English needs nothing; the others need Babel (the `i18n` extra) for dates,
  lists and units (`cldr.py`), and read their labels from the gettext catalogs under
  `locale/` (built with Babel's `pybabel`; docs/languages.md gives the commands).
- **Translator.** `translator(lang)` gives a `Translator`: `gettext`/`ngettext` over the
  compiled catalog (read with the standard library's `gettext`, so no system locale and no
  `locale` module is involved), and `lang`/`direction` for what renders it. Weekday and
  month names, dates, durations and lists are `wording.py`'s, which takes a language.
- **Not translated:** machine outputs (`check` as JSON, SARIF, JUnit, GitHub) and rule
  messages stay English.
- **Multilingual text** in the mission (`Text`, `pick`) is `text.py`.

Imports only the standard library, and only when asked: the views import this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext as _gettext

SUPPORTED: tuple[str, ...] = ("en", "pt", "fr", "ar")
RTL = frozenset({"ar"})
DOMAIN = "missionctl"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "N_",
    "RTL",
    "SUPPORTED",
    "Translator",
    "direction",
    "first_supported",
    "translator",
]


def N_(message: str) -> str:
    """Marks a message for the catalogs (`pybabel extract -k N_`) where it is defined, to be
    translated where it is shown (`Translator.gettext`)."""
    return message


def first_supported(langs: Iterable[str]) -> str | None:
    """The first of `langs` missionctl writes outputs in, or None."""
    for lang in langs:
        if lang in SUPPORTED:
            return lang
    return None


def direction(lang: str) -> str:
    """'rtl' for a right-to-left language (Arabic), else 'ltr'."""
    return "rtl" if lang in RTL else "ltr"


class Translator:
    """The labels of one language: `gettext` and `ngettext` over its compiled catalog.

    `_` is `gettext` (the name `pybabel extract` looks for, with `ngettext`); a message
    the catalog lacks comes back in English, as written in the source.
    """

    def __init__(self, lang: str, catalog: _gettext.NullTranslations) -> None:
        self.lang = lang
        self._catalog = catalog

    @property
    def direction(self) -> str:
        return direction(self.lang)

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    _ = gettext

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def colon(self, label: str) -> str:
        """'With:', 'Avec\u202f:' (French puts a narrow no-break space before a colon, as
        CLDR and the Imprimerie nationale do), 'مع:': a label before its value, the
        punctuation from the catalog so each language writes its own."""
        return self.gettext("{label}:").format(label=label)


@lru_cache(maxsize=8)
def translator(lang: str = "en") -> Translator:
    """The translator of `lang` (one of `SUPPORTED`; ValueError otherwise). English is the
    source language and reads no catalog; another language needs Babel for its dates, so it
    is asked for here (`cldr.require`), once, before anything is rendered."""
    if lang not in SUPPORTED:
        raise ValueError(f"missionctl writes no outputs in {lang!r}: choose from "
                         f"{', '.join(SUPPORTED)}")
    import gettext

    if lang == "en":
        return Translator(lang, gettext.NullTranslations())
    from missionctl.i18n.cldr import require

    require(lang)
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with mo.open("rb") as fp:
        return Translator(lang, gettext.GNUTranslations(fp))
