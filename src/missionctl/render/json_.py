"""JSON for other programs: the resolved mission (references expanded, instants in UTC as
ISO 8601 with `Z`, local times beside them) with the selected events, the contact sheet,
`check`'s findings (the contract's object), the rule catalogue and the holiday calendar.

Extension data (`x-` keys) is carried as written, on the object that held it. Keys are sorted
and the output is indented, so the same mission always gives the same text. `version` is the
layout of this document (1); a new field may appear, none will be renamed.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from missionctl.export.jsontext import Encoded, chunks, member_text
from missionctl.i18n.text import Text  # imports nothing (the loader has it already)
from missionctl.render import Options

if TYPE_CHECKING:
    # Types only: `check --format json` loads this module, and needs none of the views.
    from missionctl.findings import Finding
    from missionctl.linter import FileReport
    from missionctl.model import B2BSession, Event, Mission, Person, Ref, Venue
    from missionctl.netcmd.holidays import HolidaysResult
    from missionctl.rules.catalogue import RuleInfo
    from missionctl.views.contacts import ContactSheet
    from missionctl.views.flags import Flag
    from missionctl.views.people import Contact
    from missionctl.views.select import Programme, Selection
    from missionctl.views.table import Table

VERSION = 1


def dumps(doc: Mapping[str, Any]) -> str:
    """`json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)` and a line break, the
    same text, written by `export.jsontext` with the C encoder (json's own falls back to its
    pure-Python encoder when asked to indent)."""
    return "".join(chain(chunks(doc), ("\n",)))


def encoded(doc: Mapping[str, Any]) -> bytes:
    """`dumps(doc)` as UTF-8, encoded piece by piece: the file, not the text as well (at 100k
    events the text alone is 112 million characters, two bytes each as soon as one of them is
    outside Latin-1, and its encoding was made beside it)."""
    return b"".join([piece.encode("utf-8") for piece in chain(chunks(doc), ("\n",))])


def utc(dt: datetime | None) -> str | None:
    """'2027-05-10T09:30:00Z'."""
    if dt is None:
        return None
    u = dt.astimezone(UTC)
    if u.year < 1000:  # strftime's %Y does not pad a year before 1000
        return u.strftime("%Y-%m-%dT%H:%M:%SZ")
    # what strftime writes, without its cost (a tenth of building an itinerary's document)
    return (f"{u.year}-{u.month:02}-{u.day:02}T{u.hour:02}:{u.minute:02}:{u.second:02}Z")


def iso_duration(td: timedelta) -> str:
    """'PT25M', 'PT1H30M', 'P1DT2H'."""
    seconds = int(td.total_seconds())
    days, rest = divmod(seconds, 86400)
    h, rest = divmod(rest, 3600)
    m, s = divmod(rest, 60)
    clock = "".join(f"{v}{u}" for v, u in ((h, "H"), (m, "M"), (s, "S")) if v)
    return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock or not days else "")


# JSON's own scalars, written as they are: `_plain` returns them before any other test (most
# values are; `isinstance` against `Mapping`, an ABC, was a fifth of building the document).
_AS_IS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:
        return value
    if isinstance(value, datetime):
        return utc(value)
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return iso_duration(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        # An event's people, a person's languages: ids and names, JSON's own already.
        items = (list(value) if all(map(_AS_IS.__contains__, map(type, value)))
                 else [_plain(v) for v in value])
        return sorted(items) if isinstance(value, frozenset | set) else items
    return value


def _obj(fields: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Fields without the empty ones, plus the object's `x-` data. A text written in several
    languages is the reader's (`--lang`) under its name, and every variant under
    `<name>_i18n` ({"pt": ..., "fr": ...})."""
    # Most values are non-empty strings: `v or` keeps them without comparing them with each
    # empty value, and `_plain` is called only for the others (both per field of every event).
    out = {k: v if type(v) in _AS_IS else _plain(v) for k, v in fields.items()
           if v or v not in _EMPTY}
    if Text in map(type, fields.values()):  # a multilingual text: seldom
        out.update({f"{k}_i18n": dict(v.variants) for k, v in fields.items()
                    if isinstance(v, Text)})
    if extra:
        out.update({k: _plain(v) for k, v in extra.items()})
    return out


# A field equal to one of these is left out (built once: never mutated).
_EMPTY: tuple[object, ...] = (None, (), [], {}, "")


def _refs(refs: Iterable[Ref]) -> list[str]:
    return [str(r) for r in refs]


# --- itinerary -------------------------------------------------------------------------


def itinerary(mission: Mission, events: list[Event], sel: Selection,
              flags: Mapping[str, tuple[Flag, ...]], public: bool = False) -> str:
    return dumps(_itinerary_doc(mission, events, sel, flags, public))


def _itinerary_doc(mission: Mission, events: list[Event], sel: Selection,
                   flags: Mapping[str, tuple[Flag, ...]], public: bool) -> dict[str, Any]:
    from missionctl.views.people import in_file_order

    doc: dict[str, Any] = {
        **_whole_mission(mission, public),
        "version": VERSION,
        "selection": {k: v for k, v in sel.as_dict().items() if v is not None},
        # Made one at a time as they are written (`export.jsontext.chunks`): at 100k events,
        # all of them held together as objects were a third of the command's peak memory.
        "events": (_event(mission, e, flags.get(e.id, ()), in_file_order) for e in events),
    }
    return doc


def _whole_mission(mission: Mission, public: bool) -> dict[str, Encoded]:
    """The members that are the same whatever the selection (the mission, its organisations,
    people, groups, venues and B2B sessions, its `x-` data), written once per mission (and
    `public`): `--per-person` writes them in every person's file, and making them again for
    each file made its work grow like the people squared."""
    from missionctl.views.people import memo

    known = memo(mission)
    key = ("json: whole mission", public)
    found = known.get(key)
    if found is None:
        found = known[key] = {k: Encoded(member_text(v)) for k, v in
                              _mission_members(mission, public).items()}
    return found  # type: ignore[no-any-return]


def _mission_members(mission: Mission, public: bool) -> dict[str, Any]:
    from missionctl.views.people import in_file_order

    members = {
        "mission": _mission(mission),
        "organisations": {k: _obj(_fields(o, ("name", "country", "type", "sector", "city",
                                              "address", "website", "email", "phone",
                                              "notes")), o.extra)
                          for k, o in mission.organisations.items()},
        "people": {k: _person(p, public) for k, p in mission.people.items()},
        "groups": {k: _obj({"name": g.name, "members": _refs(g.members),
                            "people": in_file_order(mission, mission.group_members.get(k, ()))},
                           g.extra) for k, g in mission.groups.items()},
        "venues": {k: _venue(v) for k, v in mission.venues.items()},
        "b2b": {k: _session(s) for k, s in mission.b2b.items()},
    }
    members.update({k: _plain(v) for k, v in mission.extra.items()})
    return members


def _fields(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return dict(zip(names, _getter(names)(obj), strict=True))


@functools.cache
def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The attributes `names` of an object, as a tuple, in one call (a dict comprehension
    of `getattr` was a tenth of building an itinerary's document)."""
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda obj: (get(obj),)


def _mission(mission: Mission) -> dict[str, Any]:
    i = mission.info
    return _obj(_fields(i, ("id", "title", "organiser", "host_country", "timezone", "start",
                            "end", "languages", "contact", "description", "website")), i.extra)


def _person(p: Person, public: bool) -> dict[str, Any]:
    fields = _fields(p, ("name", "organisation", "role", "side", "email", "phone", "languages",
                         "arrival", "departure", "dietary", "notes", "private"))
    fields["groups"] = [r.id for r in p.groups]
    if public:
        for name in p.private:
            fields.pop(name, None)
    return _obj(fields, p.extra)


def _venue(v: Venue) -> dict[str, Any]:
    fields = _fields(v, ("name", "timezone", "address", "city", "country", "capacity",
                         "phone", "notes"))
    fields["geo"] = list(v.geo) if v.geo else None
    fields["rooms"] = {k: _obj({"name": r.name, "capacity": r.capacity}, {})
                       for k, r in v.rooms.items()}
    if v.hours is not None:
        days = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        fields["hours"] = {d: (str(r) if r is not None else "closed")
                           for d, r in zip(days, v.hours.days, strict=True)}
    return _obj(fields, v.extra)


def _event(mission: Mission, e: Event, flags: tuple[Flag, ...],
           in_file_order: Callable[[Mission, Iterable[str]], list[str]]) -> dict[str, Any]:
    fields = _fields(e, ("id", "kind", "title", "status", "zone", "end_zone", "venue", "room",
                         "to", "mode", "carrier", "reference", "organisation", "language",
                         "capacity", "notes", "b2b"))
    fields.update({
        "start": e.start, "end": e.end,
        "local_start": e.local_start().isoformat(), "local_end": e.local_end().isoformat(),
        "from": e.from_, "attendees": _refs(e.attendees), "hosts": _refs(e.hosts),
        "interpreters": _refs(e.interpreters),
        "taking_part": in_file_order(mission, mission.taking_part.get(e.id, frozenset())),
        "waive": dict(e.waive),
        "findings": [{"code": f.code, "severity": f.severity, "message": f.message}
                     for f in flags],
    })
    return _obj(fields, e.extra)


def _session(s: B2BSession) -> dict[str, Any]:
    fields = _fields(s, ("title", "venue", "room", "date", "slot", "gap", "tables", "zone"))
    fields.update({
        "start": s.window[0], "end": s.window[1], "participants": _refs(s.participants),
        "requests": [{"from": q.from_, "to": q.to, "priority": q.priority} for q in s.requests],
        "meetings": [{"at": m.at_text, "table": m.table, "between": list(m.between),
                      "event": m.event_id} for m in s.meetings],
    })
    return _obj(fields, s.extra)


# --- contacts --------------------------------------------------------------------------


def contacts(sheet: ContactSheet) -> str:
    doc = {
        "version": VERSION,
        "mission": {"id": sheet.mission_id, "title": sheet.title},
        "heading": sheet.heading,
        "public": sheet.public,
        "duty_contact": _contact(sheet.duty) if sheet.duty else None,
        "organisations": [
            _obj({"id": s.id, "name": s.name, "type": s.type, "city": s.city,
                  "phone": s.phone, "email": s.email,
                  "people": [_contact(c) for c in s.people]}, {})
            for s in sheet.sections],
        "emergency": {"country": sheet.country, "numbers": [
            {"service": s, "number": n} for s, n in sheet.emergency],
            "note": sheet.emergency_note},
        "embassies": [_obj(_fields(e, ("id", "name", "city", "address", "phone", "email",
                                       "website")), {}) for e in sheet.embassies],
    }
    return dumps(doc)


def _contact(c: Contact) -> dict[str, Any]:
    return _obj(_fields(c, ("id", "name", "role", "organisation", "organisation_id", "phone",
                            "email", "languages", "side")), {})


# --- findings, rules, holidays ----------------------------------------------------------


def finding_dict(f: Finding) -> dict[str, object]:
    from missionctl.rules.catalogue import RULES

    out: dict[str, object] = {
        "code": f.code,
        "rule": RULES[f.code].name,
        "severity": f.severity.label if f.severity is not None else "error",
        "message": f.message,
        "file": f.loc.file,
        "line": f.loc.line,
        "column": f.loc.column,
        "related": [{"file": r.file, "line": r.line, "column": r.column} for r in f.related],
    }
    if f.waived is not None:
        out["waived"] = f.waived
    return out


def findings(reports: Sequence[FileReport], options: Options) -> str:
    """`check --format json`: the contract's object, findings sorted, waived ones counted
    (and listed only with --show-waived)."""
    from missionctl.findings import Finding
    from missionctl.linter import summarise

    found = sorted((f for r in reports for f in (r.findings if options.show_waived
                                                 else r.shown)), key=Finding.sort_key)
    doc = {
        "version": 1,
        "findings": [finding_dict(f) for f in found],
        "summary": summarise(reports),
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def rules(rows: Sequence[RuleInfo], options: Options) -> str:
    return json.dumps([{"code": r.code, "name": r.name, "severity": r.default,
                        "summary": r.summary} for r in rows], indent=2) + "\n"


def rule(info: RuleInfo, options: Options) -> str:
    from missionctl.rules.docs import doc_for

    doc = doc_for(info.code)
    body: dict[str, object] = {"code": info.code, "name": info.name,
                               "severity": info.default, "summary": info.summary}
    if doc:
        body |= {"why": doc.why, "example": doc.bad, "fix": doc.fix}
    return json.dumps(body, indent=2) + "\n"


def holidays(result: HolidaysResult, options: Options) -> str:
    payload: dict[str, Any] = {
        "country": result.country,
        "year": result.year,
        "holidays": [
            {
                "date": h.date.isoformat(),
                "weekday": h.date.strftime("%a"),
                "name": h.name,
                "estimated": h.estimated,
                "source": h.source,
            }
            for h in result.holidays
        ],
        "override": str(result.override) if result.override else None,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --- the registry's entry points ---------------------------------------------------------


def _itinerary(p: Programme, options: Options) -> bytes:
    from dataclasses import replace

    from missionctl.views.localise import localised

    p = replace(p, mission=localised(p.mission, options.lang))
    return encoded(_itinerary_doc(p.mission, p.events(), p.selection, p.flags, options.public))


def _contacts(sheet: ContactSheet, options: Options) -> str:
    return contacts(sheet)


def sheet(t: Table, options: Options) -> str:
    """The sheet's rows as objects keyed by column (dates and times ISO 8601, local)."""
    keys = [c.key for c in t.columns]
    rows = [{k: (v.isoformat(timespec="minutes") if isinstance(v, (datetime, time)) else
                 v.isoformat() if isinstance(v, date) else v) for k, v in zip(keys, row,
                                                                            strict=False)}
            for row in t.rows]
    return dumps({"version": 1, "sheet": t.kind, "mission": t.mission_id, "title": t.title,
                  "heading": t.heading, "rows": rows})


VIEWS = {"itinerary": _itinerary, "contacts": _contacts, "sheet": sheet, "findings": findings,
         "rules": rules,
         "rule": rule, "holidays": holidays}
