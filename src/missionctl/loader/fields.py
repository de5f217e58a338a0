"""The format's fields: one table read by the model builder, the JSON Schema and the docs.

A field's kind names how its value is typed (see `KINDS` in `convert.py`). `texts` is free
text that may be written in several languages (`{pt: ..., fr: ...}`, read as an
`i18n.text.Text`); `text` is one string (a person's name, a phone number, an address).
Keeping the table in one place means `missionctl schema`, the unknown-key check (MC002) and
required-field check (MC004) cannot drift apart.
"""

from __future__ import annotations

from typing import NamedTuple

from missionctl.model import EVENT_KINDS, MODES, ORG_TYPES, PRIORITIES, SIDES, STATUSES


class F(NamedTuple):
    kind: str
    required: bool = False
    doc: str = ""
    choices: tuple[str, ...] = ()


TOP_LEVEL = {
    "missionctl": F("int", doc="format version: 1"),
    "mission": F("section"),
    "include": F("includes", doc="files merged into this mission, relative to this file"),
    "organisations": F("section"),
    "people": F("section"),
    "groups": F("section"),
    "venues": F("section"),
    "events": F("section"),
    "b2b": F("section"),
    "travel_times": F("section"),
    "b2b_meetings": F("section", doc="B2B session id -> its meetings, kept outside the "
                      "session (e.g. in the file `missionctl schedule` generates)"),
    "checks": F("section"),
}
NOT_IN_INCLUDES = ("missionctl", "mission", "checks")

MISSION = {
    "id": F("id", True, "stable id; used in exported UIDs"),
    "title": F("texts", True),
    "organiser": F("ref:organisation", doc="the organisation running the mission"),
    "host_country": F("country", True, "ISO 3166-1 alpha-2; drives holidays and local practice"),
    "timezone": F("zone", True, "IANA zone: the default for every local time"),
    "start": F("date", True, "first day, inclusive"),
    "end": F("date", True, "last day, inclusive"),
    "languages": F("languages", doc="working languages, ISO 639-1"),
    "contact": F("ref:person", doc="the mission's duty contact"),
    "description": F("texts"),
    "website": F("url"),
}

ORGANISATION = {
    "name": F("texts", True),
    "country": F("country"),
    "type": F("enum", choices=ORG_TYPES),
    "sector": F("texts"),
    "city": F("text"),
    "address": F("text"),
    "website": F("url"),
    "email": F("email"),
    "phone": F("text"),
    "notes": F("texts"),
}

PERSON = {
    "name": F("text", True),
    "organisation": F("ref:organisation"),
    "role": F("texts"),
    "side": F("enum", choices=SIDES, doc="default: delegate"),
    "email": F("email"),
    "phone": F("text"),
    "languages": F("languages"),
    "arrival": F("datetime", doc="local to the mission zone unless an offset is written"),
    "departure": F("datetime", doc="local to the mission zone unless an offset is written"),
    "groups": F("ids:group"),
    "dietary": F("texts"),
    "notes": F("texts"),
    "private": F("private", doc="contact fields left out of shared exports"),
    "waive": F("waive_days", doc='{MC402: "reason"}, or one day at a time: '
               '{MC105: {2027-05-10: "arrival day"}}'),
}
CONTACT_FIELDS = ("email", "phone", "role", "organisation", "dietary", "notes", "languages",
                  "arrival", "departure")

GROUP = {
    "name": F("texts"),
    "members": F("refs"),
}

VENUE = {
    "name": F("texts", True),
    "address": F("text"),
    "city": F("text"),
    "country": F("country"),
    "geo": F("geo", doc="[latitude, longitude], WGS84 degrees"),
    "timezone": F("zone", doc="default: the mission's"),
    "hours": F("hours", doc='"08:00-18:00" or {mon-thu: "08:30-17:30", sat-sun: closed}'),
    "capacity": F("count"),
    "rooms": F("rooms"),
    "phone": F("text"),
    "notes": F("texts"),
}
ROOM = {"name": F("texts"), "capacity": F("count")}

EVENT = {
    "kind": F("enum", True, choices=EVENT_KINDS),
    "title": F("texts", True),
    "start": F("datetime", True, "YYYY-MM-DD HH:MM, local to the venue (for travel: to `from`)"),
    "end": F("end", doc="a full date-time or a bare HH:MM on the start's local date"),
    "duration": F("duration", doc="45m, 1h30m, 2h or PT1H30M"),
    "venue": F("ref:venue"),
    "room": F("id"),
    "from": F("ref:venue"),
    "to": F("ref:venue"),
    "mode": F("enum", choices=MODES),
    "carrier": F("text"),
    "reference": F("text"),
    "attendees": F("refs"),
    "hosts": F("refs"),
    "organisation": F("ref:organisation"),
    "language": F("language"),
    "interpreters": F("persons"),
    "capacity": F("count"),
    "status": F("enum", choices=STATUSES),
    "notes": F("texts"),
    "waive": F("waive"),
}

B2B = {
    "title": F("texts", True),
    "venue": F("ref:venue"),
    "room": F("id"),
    "date": F("date", True),
    "start": F("time", True),
    "end": F("time", True),
    "slot": F("duration", True, "meeting length"),
    "gap": F("duration", doc="between meetings; default 0"),
    "tables": F("count", True),
    "participants": F("refs"),
    "interpreters": F("persons", doc="serve every meeting of the session"),
    "max_meetings": F("count", doc="at most this many meetings per organisation in the "
                      "session (`missionctl schedule` keeps to it)"),
    "requests": F("requests"),
    "meetings": F("meetings"),
    "waive": F("waive", doc="applies to the session and to each of its meetings"),
}
B2B_REQUEST = {
    "from": F("ref:organisation", True),
    "to": F("ref:organisation", True),
    "priority": F("enum", choices=PRIORITIES),
}
B2B_MEETING = {
    "at": F("time", True),
    "table": F("count", True),
    "between": F("orgpair", True),
    "interpreters": F("persons", doc="take part in this meeting"),
    "waive": F("waive"),
}

TRAVEL_TIME = {
    "from": F("ref:venue", True),
    "to": F("ref:venue", True),
    "duration": F("duration", True),
    "mode": F("enum", choices=MODES),
    "oneway": F("bool"),
}

CHECKS = {
    "fail_on": F("enum", choices=("error", "warning", "info")),
    "severity": F("severities"),
    "waive": F("waivers"),
    "working_hours": F("timerange"),
    "friday_prayer": F("timerange"),
    "ramadan_hours": F("timerange"),
    "max_day": F("duration"),
    "travel": F("travel"),
}
TRAVEL_SETTINGS = {
    "urban_kmh": F("speed"),
    "intercity_kmh": F("speed"),
    "road_factor": F("factor"),
    "buffer": F("duration"),
    "same_city": F("duration"),
}

SECTIONS = {
    "organisations": ORGANISATION,
    "people": PERSON,
    "groups": GROUP,
    "venues": VENUE,
    "events": EVENT,
    "b2b": B2B,
}
