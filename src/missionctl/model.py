"""The typed, immutable mission model. Every object knows where it was written.

`loc` is the position of the object's id key (where findings about the object point);
`locs` maps a field name to the position of its value (for findings about one field).
Instants are aware datetimes in UTC; `zone`/`end_zone` say which IANA zone the author's
local times were read in, for display and export.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from typing import Any, NamedTuple

# missionctl.tz at the top, not in Event's methods: `from <package> import` inside a
# function runs importlib's Python `_handle_fromlist` at every call, and local times are
# asked for event after event. (missionctl.values loads missionctl.tz anyway.)
from missionctl.findings import Loc
from missionctl.tz import zone
from missionctl.values import TimeRange

BUSINESS_KINDS = frozenset({"visit", "meeting", "workshop", "training", "presentation"})
EVENT_KINDS = (
    "visit", "meeting", "workshop", "training", "presentation", "briefing", "meal",
    "reception", "travel", "stay", "free", "other",
)
ORG_TYPES = (
    "company", "cluster", "association", "institution", "government", "embassy", "agency",
    "university", "hotel", "transport", "other",
)
SIDES = ("delegate", "host", "organiser", "speaker", "interpreter", "guest", "crew")
VISITOR_SIDES = frozenset({"delegate", "organiser", "speaker", "guest"})
STATUSES = ("confirmed", "tentative", "cancelled")
MODES = ("flight", "train", "coach", "car", "taxi", "ferry", "walk")
PRIORITIES = ("high", "normal", "low")

Locs = Mapping[str, Loc]
Extra = Mapping[str, Any]

# Model objects are NamedTuples: immutable, compact (a 100k-event mission holds 100k of
# them) and far cheaper to define at start-up than frozen dataclasses, which compile half a
# dozen methods per class. They are never compared or hashed as whole objects.
EMPTY: Mapping[str, Any] = MappingProxyType({})


class Ref(NamedTuple):
    """A reference as written: a person id, `group:<id>` or `org:<id>`."""

    kind: str  # "person" | "group" | "org"
    id: str
    loc: Loc

    def __str__(self) -> str:
        return self.id if self.kind == "person" else f"{self.kind}:{self.id}"


class Waiver(NamedTuple):
    """One entry of a `waive:` mapping: findings of `code` about the place it is written on
    are waived, for `reason`. `day` (a person's waiver only) narrows it to the findings about
    that local day. `loc` is the code's key (the day's key for one day): where MC407 reports a
    waiver that waives nothing."""

    code: str
    reason: str
    loc: Loc
    day: date | None = None


class MissionInfo(NamedTuple):
    id: str
    title: str
    host_country: str
    timezone: str
    start: date
    end: date
    loc: Loc
    locs: Locs
    organiser: str | None = None
    languages: tuple[str, ...] = ()
    contact: str | None = None
    description: str | None = None
    website: str | None = None
    extra: Extra = EMPTY


class Organisation(NamedTuple):
    id: str
    name: str
    loc: Loc
    locs: Locs
    country: str | None = None
    type: str | None = None
    sector: str | None = None
    city: str | None = None
    address: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    notes: str | None = None
    extra: Extra = EMPTY


class Person(NamedTuple):
    id: str
    name: str
    loc: Loc
    locs: Locs
    organisation: str | None = None
    role: str | None = None
    side: str = "delegate"
    email: str | None = None
    phone: str | None = None
    languages: tuple[str, ...] = ()
    arrival: datetime | None = None  # UTC
    departure: datetime | None = None  # UTC
    groups: tuple[Ref, ...] = ()
    dietary: str | None = None
    notes: str | None = None
    private: tuple[str, ...] = ()
    extra: Extra = EMPTY
    waivers: tuple[Waiver, ...] = ()  # `waive:`, whole codes or one day at a time


class Group(NamedTuple):
    id: str
    loc: Loc
    locs: Locs
    name: str | None = None
    members: tuple[Ref, ...] = ()
    extra: Extra = EMPTY


class Room(NamedTuple):
    id: str
    loc: Loc
    name: str | None = None
    capacity: int | None = None


class Hours(NamedTuple):
    """Opening hours per weekday (0 = Monday); None for a closed day."""

    days: tuple[TimeRange | None, ...]  # length 7

    def on(self, weekday: int) -> TimeRange | None:
        return self.days[weekday]


class Venue(NamedTuple):
    id: str
    name: str
    timezone: str
    loc: Loc
    locs: Locs
    address: str | None = None
    city: str | None = None
    country: str | None = None
    geo: tuple[float, float] | None = None
    hours: Hours | None = None
    capacity: int | None = None
    rooms: Mapping[str, Room] = EMPTY
    phone: str | None = None
    notes: str | None = None
    extra: Extra = EMPTY


class Event(NamedTuple):
    """An event with its instants resolved. B2B meetings become events too (`b2b` set)."""

    id: str
    kind: str
    title: str
    start: datetime  # UTC
    end: datetime  # UTC, after start
    zone: str  # zone of the start's local time
    end_zone: str  # zone of the end's local time (the `to` venue for travel)
    loc: Loc
    locs: Locs
    venue: str | None = None
    room: str | None = None
    from_: str | None = None
    to: str | None = None
    mode: str | None = None
    carrier: str | None = None
    reference: str | None = None
    attendees: tuple[Ref, ...] = ()
    hosts: tuple[Ref, ...] = ()
    organisation: str | None = None
    language: str | None = None
    interpreters: tuple[Ref, ...] = ()
    capacity: int | None = None
    status: str = "confirmed"
    notes: str | None = None
    waive: Mapping[str, str] = EMPTY
    b2b: str | None = None  # the session id, for meetings expanded from `b2b`
    extra: Extra = EMPTY
    # `waive:` as written, with positions; a B2B meeting's holds its own and its session's.
    waivers: tuple[Waiver, ...] = ()

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def business(self) -> bool:
        return self.kind in BUSINESS_KINDS

    @property
    def occupies(self) -> bool:
        """Whether taking part makes a person busy (stays and free blocks never do)."""
        return self.kind not in ("stay", "free")

    def local_start(self) -> datetime:
        return self.start.astimezone(zone(self.zone))

    def local_end(self) -> datetime:
        return self.end.astimezone(zone(self.end_zone))


class B2BRequest(NamedTuple):
    from_: str
    to: str
    priority: str
    loc: Loc


class B2BMeeting(NamedTuple):
    at: time
    at_text: str
    table: int
    between: tuple[str, str]
    loc: Loc
    locs: Locs
    event_id: str
    interpreters: tuple[Ref, ...] = ()  # take part in this meeting
    waivers: tuple[Waiver, ...] = ()


class B2BSession(NamedTuple):
    id: str
    title: str
    loc: Loc
    locs: Locs
    date: date
    start: time
    end: time
    slot: timedelta
    gap: timedelta
    tables: int
    zone: str
    window: tuple[datetime, datetime]  # UTC
    venue: str | None = None
    room: str | None = None
    participants: tuple[Ref, ...] = ()
    requests: tuple[B2BRequest, ...] = ()
    meetings: tuple[B2BMeeting, ...] = ()  # its own, then those of `b2b_meetings`
    extra: Extra = EMPTY
    # Serve every meeting of the session (MC107 counts them at each table); they move between
    # tables, so they take part in no meeting (no double booking between parallel tables).
    interpreters: tuple[Ref, ...] = ()
    waivers: tuple[Waiver, ...] = ()  # apply to the session and to each of its meetings
    max_meetings: int | None = None  # per organisation (`missionctl schedule` keeps to it)


class TravelTime(NamedTuple):
    from_: str
    to: str
    duration: timedelta
    loc: Loc
    mode: str | None = None
    oneway: bool = False


class TravelSettings(NamedTuple):
    urban_kmh: float = 25.0
    intercity_kmh: float = 80.0
    road_factor: float = 1.3
    buffer: timedelta = timedelta(minutes=15)
    same_city: timedelta = timedelta(minutes=30)


class CheckSettings(NamedTuple):
    fail_on: str = "error"
    severity: Mapping[str, str] = EMPTY
    waive: Mapping[str, str] = EMPTY
    working_hours: TimeRange = TimeRange(time(8, 30), time(18, 30))
    friday_prayer: TimeRange = TimeRange(time(12, 30), time(14, 30))
    ramadan_hours: TimeRange = TimeRange(time(9, 0), time(15, 0))
    max_day: timedelta = timedelta(hours=12)
    travel: TravelSettings = TravelSettings()
    loc: Loc | None = None
    waivers: tuple[Waiver, ...] = ()  # `waive:` with positions (`waive` is code -> reason)


class Mission(NamedTuple):
    """A whole mission: the mission file and its includes, references resolved.

    `events` holds every event, B2B meetings included, in file order. `taking_part[event_id]`
    is the set of person ids taking part (attendees, hosts, interpreters, expanded).
    """

    file: str
    files: tuple[str, ...]
    info: MissionInfo
    organisations: Mapping[str, Organisation]
    people: Mapping[str, Person]
    groups: Mapping[str, Group]
    venues: Mapping[str, Venue]
    events: Mapping[str, Event]
    b2b: Mapping[str, B2BSession]
    travel_times: tuple[TravelTime, ...]
    checks: CheckSettings
    taking_part: Mapping[str, frozenset[str]]
    group_members: Mapping[str, frozenset[str]]
    org_people: Mapping[str, frozenset[str]]
    extra: Extra = EMPTY

    def venue_zone(self, venue_id: str | None) -> str:
        v = self.venues.get(venue_id) if venue_id else None
        return v.timezone if v else self.info.timezone

    def venue_country(self, venue_id: str | None) -> str:
        v = self.venues.get(venue_id) if venue_id else None
        return (v.country if v and v.country else None) or self.info.host_country

    def expand(self, refs: tuple[Ref, ...]) -> frozenset[str]:
        """Person ids reached by references (unknown ones are ignored: MC006 said so)."""
        out: set[str] = set()
        for r in refs:
            if r.kind == "person":
                if r.id in self.people:
                    out.add(r.id)
            elif r.kind == "group":
                out |= self.group_members.get(r.id, frozenset())
            else:
                out |= self.org_people.get(r.id, frozenset())
        return frozenset(out)
