"""Organisations from the organisation column: spellings merged, ids kept, the author's reused.

Spellings with one `names.org_key` are one organisation. Its name is the spelling a person
would pick: not one typed in capitals when another exists, then the most used, then the first
met. Its country is the one most of its people gave.

An organisation the author already defines (the same key as its `name`, or as its id) is
used, not made again: people point at the author's id and the import writes nothing for it.
One the last import made keeps its id. Every merge is reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from missionctl.importers.names import Ids, org_key, slug
from missionctl.importers.rows import Registration


@dataclass(frozen=True, slots=True)
class Merge:
    """Several spellings made one organisation."""

    id: str
    name: str
    spellings: tuple[tuple[str, tuple[int, ...]], ...]  # spelling, its rows


@dataclass(frozen=True, slots=True)
class Known:
    """An organisation the mission already has: the author's, or the last import's."""

    id: str
    name: str
    where: str | None  # the author's file and line; None for the last import's


@dataclass(slots=True)
class Orgs:
    ids: dict[str, str] = field(default_factory=dict)  # key -> id
    made: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> name, country
    merges: list[Merge] = field(default_factory=list)
    authors: list[tuple[str, Known, tuple[int, ...]]] = field(default_factory=list)
    countries: list[tuple[str, dict[str, tuple[int, ...]]]] = field(default_factory=list)

    def id_of(self, spelling: str | None) -> str | None:
        return self.ids.get(org_key(spelling)) if spelling else None


def organisations(regs: list[Registration], author: list[Known], previous: list[Known],
                  ids: Ids) -> Orgs:
    """The organisations the registrations name, each made once."""
    spellings: dict[str, dict[str, list[int]]] = {}
    countries: dict[str, Counter[str]] = {}
    country_rows: dict[str, dict[str, list[int]]] = {}
    for reg in regs:
        if not reg.organisation:
            continue
        key = org_key(reg.organisation)
        for spelling, row in reg.spellings:
            if org_key(spelling) == key:  # not a spelling a later row of theirs replaced
                spellings.setdefault(key, {}).setdefault(spelling, []).append(row)
        if reg.country:
            countries.setdefault(key, Counter())[reg.country] += 1
            country_rows.setdefault(key, {}).setdefault(reg.country, []).extend(reg.rows)
    theirs = _index(author)
    ours = _index(previous)
    out = Orgs()
    for key, unordered in spellings.items():
        written = dict(sorted(unordered.items(), key=lambda kv: min(kv[1])))  # by first row
        name = choose_name(written)
        known = theirs.get(key)
        if known is not None:
            out.ids[key] = known.id
            out.authors.append((name, known, tuple(sorted(r for rs in written.values()
                                                          for r in rs))))
            continue
        kept = ours.get(key)
        org_id = kept.id if kept is not None else ids.new(slug(key, "organisation"))
        out.ids[key] = org_id
        entry = {"name": name}
        if key in countries:
            entry["country"] = countries[key].most_common(1)[0][0]
            if len(countries[key]) > 1:
                out.countries.append((org_id, {c: tuple(rows) for c, rows
                                               in country_rows[key].items()}))
        out.made[org_id] = entry
        if len(written) > 1:
            out.merges.append(Merge(org_id, name, tuple(
                (s, tuple(rows)) for s, rows in written.items())))
    return out


def choose_name(written: dict[str, list[int]]) -> str:
    """The spelling to write: not typed all in capitals (or all in small letters) if another
    is not, then the most rows, then the first met (dicts keep the order rows came in)."""
    order = {s: i for i, s in enumerate(written)}

    def careless(s: str) -> bool:
        letters = [c for c in s if c.isalpha()]
        return len(letters) > 4 and (all(c.isupper() for c in letters)
                                     or all(c.islower() for c in letters))

    return min(written, key=lambda s: (careless(s), -len(written[s]), order[s]))


def _index(known: list[Known]) -> dict[str, Known]:
    """key -> organisation, by its name's key and by its id read as a name (first wins)."""
    out: dict[str, Known] = {}
    for k in known:
        out.setdefault(org_key(k.name), k)
    for k in known:
        out.setdefault(org_key(k.id.replace("-", " ")), k)
    return out
