"""A mission as a reader of one language sees it: every multilingual text in their language.

`localised(mission, lang)` gives the same mission with each `Text` turned to prefer the
reader's language (`Text.prefer`: the reader's, else the mission's first language, else the
first written), so every view, format and export that reads a title, a name or a note as a
string gets the right one without knowing about languages, and the JSON export can still
write every variant. Plain strings are left as they are; a mission with no multilingual text
is returned as it is.

One pass over the objects' multilingual fields (linear); the result is kept for the last few
(mission, language) pairs, so `--per-person` (a file per person, a handful of languages)
localises once per language, never once per person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from missionctl.i18n import SUPPORTED, first_supported
from missionctl.i18n.text import MULTILINGUAL, Text
from missionctl.model import Event, Mission

T = TypeVar("T")

FIELDS = MULTILINGUAL

_CACHE: dict[tuple[int, str], tuple[Mission, Mission]] = {}
_KEEP = 8


def default_lang(mission: Mission, person: str | None = None) -> str:
    """The language an output is written in when none is asked for: a person's first
    language missionctl writes in (for their own agenda), else the mission's, else English."""
    langs: Sequence[str] = ()
    if person is not None and person in mission.people:
        langs = mission.people[person].languages
    return first_supported(langs) or first_supported(mission.info.languages) or "en"


def localised(mission: Mission, lang: str) -> Mission:
    """`mission` with every multilingual text preferring `lang` (see the module's doc)."""
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}")
    key = (id(mission), lang)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is mission:
        return hit[1]
    out = _localise(mission, lang, mission.info.languages[:1])
    if len(_CACHE) >= _KEEP:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (mission, out)
    return out


def _localise(m: Mission, lang: str, fallback: Sequence[str]) -> Mission:
    def one(obj: T) -> T:
        names = FIELDS[type(obj).__name__]
        changes: dict[str, Any] = {}
        for name in names:
            value = getattr(obj, name)
            if value.__class__ is Text:
                changes[name] = value.prefer(lang, fallback)
        rooms = getattr(obj, "rooms", None)
        if rooms:
            new_rooms = _table(rooms, one)
            if new_rooms is not rooms:
                changes["rooms"] = new_rooms
        return obj._replace(**changes) if changes else obj  # type: ignore[attr-defined]

    changed: dict[str, Any] = {}
    info = one(m.info)
    if info is not m.info:
        changed["info"] = info
    for name in ("organisations", "people", "groups", "venues", "events", "b2b"):
        table = getattr(m, name)
        new = _table(table, one)
        if new is not table:
            changed[name] = new
    out = m._replace(**changed) if changed else m
    return _meeting_titles(out, lang) if out.b2b else out


def _meeting_titles(m: Mission, lang: str) -> Mission:
    """A B2B meeting's title ("B2B: A – B") and notes ("session, table 3"), which the loader
    writes in English with the names as first written, in `lang` with the names `lang`
    prefers. One pass over the meetings; the same mission when nothing changed (English,
    names in one language)."""
    from missionctl.i18n import translator

    tr = translator(lang)
    title, notes = tr._("B2B: {names}"), tr._("{session}, table {table}")
    orgs = m.organisations
    events: dict[str, Event] | None = None
    for session in m.b2b.values():
        for mt in session.meetings:
            e = (events or m.events).get(mt.event_id)
            if e is None or e.b2b != session.id:
                continue
            names = " – ".join(orgs[o].name if o in orgs else o for o in mt.between)
            new = e._replace(title=title.format(names=names),
                             notes=notes.format(session=session.title, table=mt.table))
            if new != e:
                if events is None:
                    events = dict(m.events)
                events[e.id] = new
    return m if events is None else m._replace(events=events)


def _table(table: Mapping[str, T], one: Any) -> Mapping[str, T]:
    """The table with each object localised; the same table when nothing changed."""
    out: dict[str, T] | None = None
    for key, obj in table.items():
        new = one(obj)
        if new is not obj:
            if out is None:
                out = dict(table)
            out[key] = new
    return table if out is None else out
