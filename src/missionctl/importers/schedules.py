"""Conference schedules -> items: frab's `schedule.xml`, and the schedule JSON that frab and
pretalx export (the same tree: conference, days, rooms, events; c3voc.de/wiki/schedule).

An event's instant is its `date` (ISO 8601 with an offset) when it has one: that is the
format's own statement of the instant. Without it, the day's date and the event's `start`
(a wall time), moved to the next day when the start is before the day's own start (an event
at 01:00 on a day that starts at 10:00 is after midnight), read in the conference's
`time_zone_name` when the file has one, else in the venue's zone. Durations are `H:MM` or
`H:MM:SS`.

XML is parsed by defusedxml (no entity expansion, no external entities).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from typing import Any

from missionctl.errors import UserError
from missionctl.importers.items import Item, Source, kind_of, notes
from missionctl.importers.rows import Problem

_DURATION = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def read_frab_xml(data: bytes, source: str) -> Source:
    try:
        from defusedxml import ElementTree
        from defusedxml.common import DefusedXmlException
    except ImportError:
        from missionctl.importers.readers import missing_library

        raise missing_library("defusedxml") from None
    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException:
        raise UserError(f"{source} declares XML entities, which missionctl does not expand; "
                        "export the schedule again") from None
    except Exception as exc:  # ParseError: not well-formed XML
        raise UserError(f"{source} is not readable XML ({' '.join(str(exc).split())})") \
            from None
    if root.tag != "schedule":
        raise UserError(f"{source} is XML but not a frab schedule (its root is <{root.tag}>, "
                        "not <schedule>)")
    conf = root.find("conference")
    out = Source(source, "frab schedule (XML)", default_kind="presentation")
    if conf is not None:
        out.title = _text(conf.find("title"))
        out.acronym = _text(conf.find("acronym"))
        out.zone = _text(conf.find("time_zone_name"))
    for day in root.findall("day"):
        day_start = _day_start(day.get("start"), _text(conf.find("day_change")
                                                        if conf is not None else None))
        for room in day.findall("room"):
            _room(out, room.get("name") or "")
            for ev in room.findall("event"):
                fields = {child.tag: child for child in ev}
                persons = [_text(p) for p in ev.iter("person")]
                raw = {k: _text(v) for k, v in fields.items()}
                raw["persons"] = ", ".join(p for p in persons if p)
                raw.setdefault("room", room.get("name"))
                url = raw.get("url") or _link(ev)
                _add(out, raw, ev.get("guid") or ev.get("id") or "", day.get("date"),
                     day_start, url, f"{source}, event {ev.get('id') or ev.get('guid')}")
    return out


def read_schedule_json(data: bytes, source: str) -> Source:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:
        raise UserError(f"{source} is not readable JSON ({' '.join(str(exc).split())})") \
            from None
    schedule = doc.get("schedule") if isinstance(doc, dict) else None
    conf = schedule.get("conference") if isinstance(schedule, dict) else None
    if not isinstance(conf, dict) or not isinstance(conf.get("days"), list):
        raise UserError(f"{source} is JSON but not a frab or pretalx schedule export (no "
                        "schedule.conference.days); in pretalx, use Schedule > Export > JSON")
    generator = doc.get("generator") if isinstance(doc.get("generator"), dict) else {}
    base = str(schedule.get("base_url") or "") if isinstance(schedule, dict) else ""
    name = str(generator.get("name") or ("pretalx" if "pretalx" in base else "frab or pretalx"))
    out = Source(source, f"{name} schedule (JSON)", default_kind="presentation")
    out.title, out.acronym = _str(conf.get("title")), _str(conf.get("acronym"))
    out.zone = _str(conf.get("time_zone_name"))
    for room in conf.get("rooms") or []:
        if isinstance(room, dict) and room.get("name"):
            _room(out, str(room["name"]))
    for day in conf["days"]:
        if not isinstance(day, dict) or not isinstance(day.get("rooms"), dict):
            continue
        day_start = _day_start(_str(day.get("day_start")), None)
        for room_name, events in day["rooms"].items():
            _room(out, str(room_name))
            for ev in events if isinstance(events, list) else []:
                if not isinstance(ev, dict):
                    continue
                raw = {k: _str(v) for k, v in ev.items() if not isinstance(v, list | dict)}
                raw["persons"] = ", ".join(_person(p) for p in ev.get("persons") or [])
                raw.setdefault("room", str(room_name))
                _add(out, raw, str(ev.get("guid") or ev.get("id") or ""), _str(day.get("date")),
                     day_start, raw.get("url"), f"{source}, event {ev.get('id') or ev.get('guid')}")
    return out


def _add(out: Source, raw: dict[str, str | None], key: str, day: str | None,
         day_start: time | None, url: str | None, where: str) -> None:
    title = " ".join((raw.get("title") or "").split()) or "(no title)"
    where = f"{where} '{title}'"
    try:
        start = _start(raw.get("date"), day, raw.get("start"), day_start)
        length = _duration(raw.get("duration"))
    except ValueError as exc:
        out.problems.append(Problem(where, f"{exc}; not imported"))
        return
    if length <= timedelta(0):
        out.problems.append(Problem(where, "it has no length (duration 00:00); not imported"))
        return
    speakers = f"Speakers: {raw['persons']}" if raw.get("persons") else None
    body = notes(raw.get("subtitle"), speakers, raw.get("abstract") or raw.get("description"),
                 url=url)
    out.items.append(Item(
        key=key or f"{out.acronym or out.title}:{title}:{start.isoformat()}", recurrence=None,
        title=title, start=start, end=start + length, room=raw.get("room") or None,
        kind=kind_of(raw.get("type"), raw.get("track"), title), notes=body, where=where,
        stated=(raw.get("start") or "")[:5] or None))
    _zone_label(out, start)


def _zone_label(out: Source, start: datetime) -> None:
    """A note (once) when the conference's `time_zone_name` disagrees with the offsets its
    times carry: the offsets fix the instants, so those are what is imported."""
    from missionctl import tz

    if start.tzinfo is None or not out.zone or out.zone not in tz.available_zones():
        return
    expected = start.astimezone(tz.zone(out.zone)).utcoffset()
    if expected != start.utcoffset() and not any("time_zone_name" in n for n in out.notes):
        out.notes.append(f"the schedule names its zone {out.zone} (time_zone_name) but its "
                         f"times carry the offset {start.isoformat()[19:]}; imported at the "
                         "instants those offsets give")


def _start(stamp: str | None, day: str | None, clock: str | None,
           day_start: time | None) -> datetime:
    if stamp:
        try:
            return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"'{stamp}' is not a date and time") from None
    if not day or not clock:
        raise ValueError("it has no date or no start time")
    try:
        on = date.fromisoformat(day[:10])
        at = time.fromisoformat(clock if len(clock) > 5 else clock.zfill(5))
    except ValueError:
        raise ValueError(f"'{day} {clock}' is not a date and time") from None
    if day_start is not None and at < day_start:
        on += timedelta(days=1)  # after midnight, on a day that began the evening before
    return datetime.combine(on, at)


def _duration(text: str | None) -> timedelta:
    if not text:
        raise ValueError("it has no duration")
    m = _DURATION.match(text.strip())
    if not m:
        raise ValueError(f"'{text}' is not a duration (HH:MM)")
    days, hours, minutes, seconds = (int(x or 0) for x in m.groups())
    if m[1] is not None and m[4] is None:  # "H:MM:SS" read as days:hours:minutes above
        days, hours, minutes, seconds = 0, days, hours, minutes
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def _day_start(stamp: str | None, change: str | None) -> time | None:
    for text in (stamp, change):
        if text:
            try:
                if "T" in text:
                    return datetime.fromisoformat(text.replace("Z", "+00:00")).time()
                return time.fromisoformat(text if len(text) > 5 else text.zfill(5))
            except ValueError:
                continue
    return None


def _room(out: Source, name: str) -> None:
    if name and name not in out.rooms:
        out.rooms.append(name)


def _link(ev: Any) -> str | None:
    for link in ev.iter("link"):
        if link.get("href"):
            return str(link.get("href"))
    return None


def _person(p: Any) -> str:
    if isinstance(p, dict):
        return str(p.get("public_name") or p.get("name") or "")
    return str(p)


def _text(node: Any) -> str | None:
    if node is None or node.text is None:
        return None
    return node.text.strip() or None


def _str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)
