"""Ids made from names, and the keys that say two spellings name the same thing.

Ids are slugs (`João Ferreira` -> `joao-ferreira`), made unique by a suffix (`joao-ferreira-2`)
in the order people are met, so the same spreadsheet always gives the same ids. `Ids` keeps,
per slug, the next suffix to try: N people with one name cost N steps, not N^2/2.

Organisation keys: casefolded, accents and punctuation gone, legal forms dropped from the end
("Moldes Norte, Lda." = "MOLDES NORTE LDA" = "Moldes Norte Unipessoal Lda"), so that spellings
that differ only by those are one organisation. Only from the end: short forms such as "as"
or "co" are ordinary words inside a name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from missionctl.importers.columns import normalise

#: Legal forms, as `normalise` writes them (dots and commas gone: "S.A." is "s a").
LEGAL_FORMS = (
    # Portugal, Brazil
    "lda", "limitada", "unipessoal", "unipessoal lda", "s a", "sa", "sgps", "sgps s a",
    "s a r l", "crl", "ace", "eireli", "ltda", "me",
    # France, Morocco, Belgium, Switzerland
    "sarl", "sarl au", "sas", "sasu", "eurl", "snc", "sca", "scs", "gie", "sprl", "sarlau",
    # United Kingdom, Ireland, United States
    "ltd", "limited", "plc", "llc", "llp", "inc", "incorporated", "corp", "corporation",
    "co", "company",
    # Germany, Austria, Netherlands, Italy, Spain, Nordics
    "gmbh", "ag", "kg", "gmbh co kg", "bv", "nv", "spa", "s p a", "srl", "s r l", "sl", "s l",
    "slu", "ab", "as", "a s", "oy", "aps",
)
_LEGAL = re.compile(r"(?:^|\s)(?:" + "|".join(
    re.escape(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True)) + r")$")
_SLUG_PARTS = re.compile(r"[^a-z0-9]+")
#: Room left in the 64-character id for a suffix such as `-1234`.
SLUG_LENGTH = 56


@lru_cache(maxsize=1 << 16)
def org_key(name: str) -> str:
    """The key two spellings of one organisation share ('' for a name that is all legal
    form)."""
    key = normalise(name)
    while True:
        shorter = _LEGAL.sub("", key).strip()
        if shorter == key or not shorter:
            return key
        key = shorter


def person_key(name: str) -> str:
    """Names compared: case, accents, punctuation and the order of spaces ignored."""
    return normalise(name)


def slug(text: str, fallback: str) -> str:
    """`text` as an id: ASCII letters and digits joined by '-', at most SLUG_LENGTH long."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    out = _SLUG_PARTS.sub("-", ascii_text.replace("ß", "ss")).strip("-")
    if len(out) > SLUG_LENGTH:
        out = out[:SLUG_LENGTH].rstrip("-")
    return out or fallback


@dataclass(slots=True)
class Ids:
    """Unique ids within one namespace (people, organisations or events).

    `taken` holds every id already in use (the mission's, and those kept from the last
    import). `steps` counts the candidates tried, for the tests that keep it linear.
    """

    taken: set[str] = field(default_factory=set)
    _next: dict[str, int] = field(default_factory=dict)
    steps: int = 0

    def new(self, base: str) -> str:
        n = self._next.get(base, 1)
        while True:
            self.steps += 1
            candidate = base if n == 1 else f"{base}-{n}"
            n += 1
            if candidate not in self.taken:
                self._next[base] = n
                self.taken.add(candidate)
                return candidate
