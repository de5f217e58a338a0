"""Raw objects -> the Mission model: references checked, groups expanded, instants resolved."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from missionctl import values as v
from missionctl.findings import Loc
from missionctl.loader.bounds import Window, mission_span
from missionctl.loader.groups import group_members
from missionctl.loader.instants import Resolver
from missionctl.loader.read import Raw, RawMission
from missionctl.loader.reference_check import unknown_references
from missionctl.loader.waive import whole
from missionctl.model import (
    B2BMeeting,
    B2BRequest,
    B2BSession,
    CheckSettings,
    Event,
    Group,
    Mission,
    MissionInfo,
    Organisation,
    Person,
    Ref,
    TravelSettings,
    TravelTime,
    Venue,
)

_new = tuple.__new__


def resolve(raw: RawMission) -> Mission | None:
    """Build the Mission; every problem found on the way is added to `raw.findings`."""
    if raw.fatal or not raw.is_mission:
        return None
    res = Resolver(raw)
    res.findings.extend(unknown_references(raw))
    s = raw.sections
    info = _info(raw, res)
    orgs = {k: _org(r) for k, r in s["organisations"].items()}
    people = {k: _person(r, res) for k, r in s["people"].items()}
    org_people: dict[str, set[str]] = {}
    for p in people.values():
        if p.organisation:
            org_people.setdefault(p.organisation, set()).add(p.id)
    org_frozen = {k: frozenset(val) for k, val in org_people.items()}
    members = group_members(raw, org_frozen, res.findings.append)
    groups = {k: Group(k, r.loc, r.locs, r.data.get("name"), r.data.get("members", ()), r.extra)
              for k, r in s["groups"].items()}
    venues = {k: _venue(r, res.zone) for k, r in s["venues"].items()}
    mission_stub = Mission(
        raw.file, tuple(raw.files), info, orgs, people, groups, venues, {}, {}, (),
        CheckSettings(), {}, members, org_frozen, raw.extra,
    )
    events: dict[str, Event] = {}
    zones = {k: venue.timezone for k, venue in venues.items()}  # Mission.venue_zone's answers
    for k, r in s["events"].items():
        ev = _event(r, res, mission_stub, zones)
        if ev is not None:
            events[k] = ev
    sessions: dict[str, B2BSession] = {}
    for k, r in s["b2b"].items():
        session = _b2b(r, res, mission_stub)
        if session is not None:
            sessions[k] = session
            for ev in _meeting_events(session, mission_stub):
                events[ev.id] = ev
    travel = tuple(_travel_time(r) for r in raw.travel_times if not _incomplete(r, ("from",
                   "to", "duration")))
    taking = _taking(events, mission_stub)
    return Mission(
        raw.file, tuple(raw.files), info, orgs, people, groups, venues, events, sessions, travel,
        _checks(raw.checks), taking, members, org_frozen, raw.extra,
    )


def _taking(events: dict[str, Event], m: Mission) -> dict[str, frozenset[str]]:
    """Event id -> the people taking part: `m.expand` of its attendees, hosts and
    interpreters. An event whose people are one group or one organisation (most events of a
    large programme) shares that group's set rather than copying it."""
    expand, members, org_people = m.expand, m.group_members, m.org_people
    out: dict[str, frozenset[str]] = {}
    for eid, e in events.items():
        refs = e.attendees + e.hosts + e.interpreters if e.hosts or e.interpreters else e.attendees
        if len(refs) == 1 and refs[0].kind != "person":
            ref = refs[0]
            found = (members if ref.kind == "group" else org_people).get(ref.id)
            if found is not None:
                out[eid] = found
                continue
        out[eid] = expand(refs)
    return out


def _incomplete(r: Raw, names: tuple[str, ...]) -> bool:
    return any(n not in r.data for n in names)


def _info(raw: RawMission, res: Resolver) -> MissionInfo:
    r = raw.info
    d: dict[str, Any] = r.data if r else {}
    loc = r.loc if r else Loc(raw.file, 1, 1)
    locs = r.locs if r else {}
    start = d.get("start", date(1970, 1, 1))
    end = d.get("end", start)
    if "start" in d and "end" in d and end < start:
        res.error("MC007", f"the mission ends ({end}) before it starts ({start}); "
                  "check mission.end", locs["end"])
    elif "start" in d and "end" in d and not res.report(mission_span(start, end, locs["end"])):
        res.window = Window(start, end)
    return MissionInfo(
        id=d.get("id", "mission"), title=d.get("title", ""), host_country=res.host,
        timezone=res.zone, start=start, end=end, loc=loc, locs=locs,
        organiser=d.get("organiser"), languages=d.get("languages", ()),
        contact=d.get("contact"), description=d.get("description"),
        website=d.get("website"), extra=r.extra if r else {},
    )


def _org(r: Raw) -> Organisation:
    d = r.data
    return Organisation(
        r.id, d.get("name", r.id), r.loc, r.locs, d.get("country"), d.get("type"),
        d.get("sector"), d.get("city"), d.get("address"), d.get("website"), d.get("email"),
        d.get("phone"), d.get("notes"), r.extra,
    )


def _person(r: Raw, res: Resolver) -> Person:
    d = r.data
    arrival = departure = None
    if "arrival" in d:
        arrival = res.instant(d["arrival"], res.zone, r, "arrival")
        if arrival and res.outside(f"person '{r.id}' arrives", arrival, d["arrival"].wall.date(),
                                   r.locs["arrival"]):
            arrival = None
    if "departure" in d:
        departure = res.instant(d["departure"], res.zone, r, "departure")
        if departure and res.outside(f"person '{r.id}' departs", departure,
                                     d["departure"].wall.date(), r.locs["departure"]):
            departure = None
    if arrival and departure and departure <= arrival:
        res.error("MC007", f"{r.id} departs before arriving; check 'departure'",
                  r.locs["departure"])
    return Person(
        r.id, d.get("name", r.id), r.loc, r.locs, d.get("organisation"), d.get("role"),
        d.get("side", "delegate"), d.get("email"), d.get("phone"), d.get("languages", ()),
        arrival, departure, d.get("groups", ()), d.get("dietary"), d.get("notes"),
        d.get("private", ()), r.extra, d.get("waive", ()),
    )


def _venue(r: Raw, mission_zone: str) -> Venue:
    d = r.data
    return Venue(
        r.id, d.get("name", r.id), d.get("timezone", mission_zone), r.loc, r.locs,
        d.get("address"), d.get("city"), d.get("country"), d.get("geo"), d.get("hours"),
        d.get("capacity"), d.get("rooms", {}), d.get("phone"), d.get("notes"), r.extra,
    )


def _room_ok(res: Resolver, m: Mission, r: Raw, venue: str | None) -> bool:
    room = r.data.get("room")
    if room is None:
        return True
    if venue is None:
        res.error("MC006", f"room '{room}' needs a venue: add 'venue:' naming where it is",
                  r.locs["room"])
        return False
    v_ = m.venues.get(venue)
    if v_ is not None and room not in v_.rooms:
        hint = v.did_you_mean(room, list(v_.rooms))
        known = f"; it has {', '.join(v_.rooms)}" if v_.rooms else "; it lists no rooms"
        res.error("MC006", f"venue '{venue}' has no room '{room}'{hint}{known}", r.locs["room"])
        return False
    return True


#: Event's fields read straight from the data with their defaults, in the order of Event's
#: fields from `room` to `notes` (read through `map(d.get, ...)`: one C loop, not 14 calls).
_PLAIN_KEYS = ("room", "from", "to", "mode", "carrier", "reference", "attendees", "hosts",
               "organisation", "language", "interpreters", "capacity", "status", "notes")
_PLAIN_DEFAULTS = (None, None, None, None, None, None, (), (), None, None, (), None,
                   "confirmed", None)


def _event(r: Raw, res: Resolver, m: Mission, zones: dict[str, str]) -> Event | None:
    """`zones`: venue id -> its zone (`m.venue_zone`, looked up without a call)."""
    d = r.data
    get = d.get
    kind = get("kind")
    venue = get("venue")
    home = m.info.timezone
    zone = zones.get(venue, home) if venue else home
    end_zone = zone
    if kind == "travel":
        zone = m.venue_zone(get("from") or venue)
        end_zone = m.venue_zone(get("to") or get("from") or venue)
    room_ok = "room" not in d or _room_ok(res, m, r, venue)
    times = res.event_times(r, zone, end_zone)
    if times is None or kind is None or "title" not in d or not room_ok:
        return None
    waivers = get("waive", ())
    # Positional, in the order of Event's fields, through tuple.__new__ (no Python-level
    # __new__): with keywords, building 10,000 events cost three times as much.
    return _new(Event, (
        r.id, kind, d["title"], times[0], times[1], zone, end_zone, r.loc, r.locs, venue,
        *map(get, _PLAIN_KEYS, _PLAIN_DEFAULTS),
        whole(waivers) if waivers else {}, None, r.extra, waivers,
    ))


def _b2b(r: Raw, res: Resolver, m: Mission) -> B2BSession | None:
    d = r.data
    if _incomplete(r, ("title", "date", "start", "end", "slot", "tables")):
        return None
    venue = d.get("venue")
    zone = m.venue_zone(venue)
    if not _room_ok(res, m, r, venue):
        return None
    try:
        w0 = v.local_instant(datetime.combine(d["date"], d["start"]), zone)
        w1 = v.local_instant(datetime.combine(d["date"], d["end"]), zone)
    except v.Invalid as exc:
        res.error("MC003", str(exc), r.locs["start"])
        return None
    if w1 <= w0:
        res.error("MC007", f"B2B session '{r.id}' ends before it starts", r.locs["end"])
        return None
    if res.outside(f"B2B session '{r.id}' is", w0, d["date"], r.locs["date"]):
        return None
    if d["slot"] <= timedelta(0):
        res.error("MC003", "a B2B slot must be longer than zero", r.locs["slot"])
        return None
    requests = tuple(
        B2BRequest(q.data["from"], q.data["to"], q.data.get("priority", "normal"), q.loc)
        for q in d.get("requests", ()) if not _incomplete(q, ("from", "to"))
    )
    meetings = []
    ids: set[str] = set()
    from missionctl.loader.meetings import meetings_of  # read only for missions with B2B

    for q in meetings_of(res.raw, r):  # its own, then those listed under b2b_meetings
        if _incomplete(q, ("at", "table", "between")):
            continue
        at: time = q.data["at"]
        at_text = f"{at:%H:%M}"
        event_id = base = f"{r.id}.{at_text}.{q.data['table']}"
        n = 1
        while event_id in ids:  # a table used twice in a slot (MC204): keep both meetings
            n += 1
            event_id = f"{base}.{n}"
        ids.add(event_id)
        meetings.append(B2BMeeting(at, at_text, q.data["table"], q.data["between"], q.loc,
                                   q.locs, event_id, q.data.get("interpreters", ()),
                                   q.data.get("waive", ())))
    return B2BSession(
        r.id, d["title"], r.loc, r.locs, d["date"], d["start"], d["end"], d["slot"],
        d.get("gap", timedelta(0)), d["tables"], zone, (w0, w1), venue, d.get("room"),
        d.get("participants", ()), requests, tuple(meetings), r.extra,
        d.get("interpreters", ()), d.get("waive", ()),
        d.get("max_meetings"),
    )


def _meeting_events(session: B2BSession, m: Mission) -> list[Event]:
    participants = m.expand(session.participants)
    out = []
    for mt in session.meetings:
        try:
            start = v.local_instant(datetime.combine(session.date, mt.at), session.zone)
        except v.Invalid:
            continue
        a, b = mt.between
        people = sorted(p for p in participants if m.people[p].organisation in (a, b))
        names = " – ".join(m.organisations[o].name if o in m.organisations else o for o in (a, b))
        out.append(Event(
            id=mt.event_id, kind="meeting", title=f"B2B: {names}", start=start,
            end=start + session.slot, zone=session.zone, end_zone=session.zone, loc=mt.loc,
            locs=mt.locs, venue=session.venue, room=session.room,
            attendees=tuple(Ref("person", p, mt.loc) for p in people),
            interpreters=mt.interpreters, notes=f"{session.title}, table {mt.table}",
            # The meeting's own waivers first: they win over the session's for the reason.
            waive=whole(session.waivers + mt.waivers), waivers=mt.waivers + session.waivers,
            b2b=session.id,
        ))
    return out


def _travel_time(r: Raw) -> TravelTime:
    d = r.data
    return TravelTime(d["from"], d["to"], d["duration"], r.loc, d.get("mode"),
                      d.get("oneway", False))


def _checks(r: Raw | None) -> CheckSettings:
    if r is None:
        return CheckSettings()
    d = r.data
    defaults = CheckSettings()
    t = d.get("travel", {})
    travel = TravelSettings(**{k: t[k] for k in ("urban_kmh", "intercity_kmh", "road_factor",
                                                  "buffer", "same_city") if k in t})
    return CheckSettings(
        fail_on=d.get("fail_on", "error"), severity=d.get("severity", {}),
        waive=whole(d.get("waive", ())), waivers=d.get("waive", ()),
        working_hours=d.get("working_hours", defaults.working_hours),
        friday_prayer=d.get("friday_prayer", defaults.friday_prayer),
        ramadan_hours=d.get("ramadan_hours", defaults.ramadan_hours),
        max_day=d.get("max_day", defaults.max_day), travel=travel, loc=r.loc,
    )
