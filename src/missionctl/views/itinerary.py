"""The itinerary as plain data: days, and on each day the events (lines) a reader needs.

Built once, rendered by every format (terminal, Markdown, HTML, CSV). In the whole-mission
and group views the meetings of a B2B session are folded into one line for the session (with
its meeting grid); in a person's or an organisation's view, and in CSV, each meeting is its
own line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from missionctl.i18n import N_, Translator, translator
from missionctl.model import Event, Mission, Venue
from missionctl.views.flags import Flag, naming
from missionctl.views.people import Contact, contact, group_name, who
from missionctl.views.select import Selection, select_events
from missionctl.wording import span_days

MODES = {"flight": N_("Flight"), "train": N_("Train"), "coach": N_("Coach"), "car": N_("Car"),
         "taxi": N_("Taxi"), "ferry": N_("Ferry"), "walk": N_("On foot")}
#: The columns of a B2B session's meeting grid, in every readable format.
MEETING_HEADS = (N_("Time"), N_("Table"), N_("Between"), N_("Who"))


@dataclass(frozen=True, slots=True)
class Meeting:
    """One B2B meeting inside a folded session line."""

    event_id: str
    start: datetime  # local
    table: str
    between: str
    people: tuple[str, ...]
    flags: tuple[Flag, ...] = ()
    paired_flags: tuple[Flag, ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One event (or one folded B2B session) as shown."""

    event_id: str
    kind: str
    title: str
    status: str
    start: datetime  # local to start_zone
    end: datetime  # local to end_zone
    start_zone: str
    end_zone: str
    place: str | None = None
    address: str | None = None
    geo: tuple[float, float] | None = None
    route: tuple[str, str] | None = None
    transport: str | None = None
    organisation: str | None = None
    language: str | None = None
    attending: tuple[str, ...] = ()
    attending_count: int = 0
    hosts: tuple[Contact, ...] = ()
    host_org: str | None = None  # organisation contact when no host person is named
    interpreters: tuple[str, ...] = ()
    notes: str | None = None
    flags: tuple[Flag, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    paired_flags: tuple[Flag, ...] = ()
    """Findings reported at another event that name this one: the earlier event of a double
    booking (MC101, MC201) or of a tight transfer (MC102), which `check` points at the later
    one. The HTML page shows them on both events."""

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def tentative(self) -> bool:
        return self.status == "tentative"


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Itinerary:
    mission_id: str
    title: str
    heading: str  # what is shown: "Whole programme", "Agenda of Inês Carvalho", ...
    dates: str
    zone: str
    days: tuple[Day, ...]
    duty: Contact | None = None
    description: str | None = None
    country_name: str = ""
    emergency: tuple[tuple[str, str], ...] = ()
    lang: str = "en"  # the language of its labels and dates (i18n.SUPPORTED)


def build(mission: Mission, sel: Selection, flags: Mapping[str, tuple[Flag, ...]],
          public: bool = False, fold: bool | None = None, lang: str = "en") -> Itinerary:
    """The itinerary of `sel`, in `lang`. `fold`: B2B meetings as one line per session
    (default: except in a person's or an organisation's view)."""
    from missionctl.views.localise import localised

    mission = localised(mission, lang)
    tr = translator(lang)
    events = select_events(mission, sel)
    fold = not sel.personal if fold is None else fold
    lines = _lines(mission, events, fold, flags, naming(flags), public, tr)
    days: dict[date, list[Line]] = {}
    for line in lines:
        days.setdefault(line.start.date(), []).append(line)
    info = mission.info
    duty = _duty(mission, public)
    from missionctl.practice.countries import practice

    here = practice(info.host_country)
    return Itinerary(
        mission_id=info.id, title=info.title, heading=heading(mission, sel, tr),
        dates=span_days(info.start, info.end, lang), zone=info.timezone,
        days=tuple(Day(d, tuple(ls)) for d, ls in sorted(days.items())),
        duty=duty, description=info.description,
        country_name=country_name(info.host_country, here.name, lang),
        emergency=here.emergency, lang=lang,
    )


def country_name(code: str, english: str, lang: str) -> str:
    """The host country's name in `lang` (CLDR's), or its English name."""
    if lang == "en":
        return english
    from missionctl.i18n import cldr

    return cldr.territory(code, lang) or english


def language_name(code: str, lang: str) -> str:
    """An event's working language as the reader names it ('francês'); in English, the code
    as written (as every English output always showed it)."""
    if lang == "en":
        return code
    from missionctl.i18n import cldr

    return cldr.language(code, lang) or code


def heading(mission: Mission, sel: Selection, tr: Translator | None = None) -> str:
    from missionctl.wording import day_full

    tr = tr or translator("en")
    if sel.person is not None:
        p = mission.people[sel.person]
        text = tr._("Agenda of {name}").format(name=p.name)
    elif sel.org is not None:
        text = tr._("Programme of {name}").format(name=mission.organisations[sel.org].name)
    elif sel.group is not None:
        text = tr._("Programme of {name}").format(name=group_name(mission, sel.group))
    else:
        text = tr._("Programme")
    if sel.day is None:
        return text
    return tr._("{heading}, {day}").format(heading=text, day=day_full(sel.day, tr.lang))


def _lines(mission: Mission, events: list[Event], fold: bool,
           flags: Mapping[str, tuple[Flag, ...]], paired: Mapping[str, tuple[Flag, ...]],
           public: bool, tr: Translator) -> list[Line]:
    out: list[Line] = []
    sessions: dict[str, list[Event]] = {}
    for e in events:
        if e.b2b is not None and fold:
            if e.b2b not in sessions:
                sessions[e.b2b] = []
                out.append(_placeholder(e))
            sessions[e.b2b].append(e)
        else:
            out.append(line(mission, e, flags.get(e.id, ()), public,
                            paired=paired.get(e.id, ()), tr=tr))
    return [_session(mission, sessions[ln.event_id], flags, paired, tr)
            if ln.kind == "b2b" else ln for ln in out]


def _placeholder(e: Event) -> Line:
    assert e.b2b is not None
    return Line(e.b2b, "b2b", "", "", e.start, e.end, e.zone, e.end_zone)


def line(mission: Mission, e: Event, flags: tuple[Flag, ...], public: bool = False, *,
         paired: tuple[Flag, ...] = (), tr: Translator | None = None) -> Line:
    """One event as shown."""
    tr = tr or translator("en")
    taking = mission.taking_part.get(e.id, frozenset())
    hosts = mission.expand(e.hosts)
    interpreters = mission.expand(e.interpreters)
    attending_ids = mission.expand(e.attendees) - hosts - interpreters
    told = who(mission, attending_ids, [r.id for r in e.attendees if r.kind == "group"])
    venue = mission.venues.get(e.venue) if e.venue else None
    return Line(
        event_id=e.id, kind=e.kind, title=e.title, status=e.status,
        start=e.local_start(), end=e.local_end(), start_zone=e.zone, end_zone=e.end_zone,
        place=_place(venue, e.room), address=_address(venue), geo=_geo(mission, e),
        route=_route(mission, e), transport=_transport(e, tr),
        organisation=_org_name(mission, e.organisation),
        language=language_name(e.language, tr.lang) if e.language else None,
        attending=told.labels(mission), attending_count=len(taking),
        hosts=tuple(contact(mission, p, public) for p in _ordered(mission, hosts)),
        host_org=_org_contact(mission, e.organisation) if not hosts else None,
        interpreters=tuple(mission.people[p].name for p in _ordered(mission, interpreters)),
        notes=e.notes, flags=flags, paired_flags=paired,
    )


def _ordered(mission: Mission, ids: frozenset[str]) -> list[str]:
    from missionctl.views.people import in_file_order

    return in_file_order(mission, ids)


def _session(mission: Mission, meetings: list[Event], flags: Mapping[str, tuple[Flag, ...]],
             paired: Mapping[str, tuple[Flag, ...]], tr: Translator) -> Line:
    first = meetings[0]
    assert first.b2b is not None
    session = mission.b2b[first.b2b]
    from missionctl.tz import zone

    tz = zone(session.zone)
    everyone = frozenset().union(*(mission.taking_part.get(m.id, frozenset()) for m in meetings))
    told = who(mission, everyone)
    venue = mission.venues.get(session.venue) if session.venue else None
    orgs = mission.organisations
    between = {mt.event_id: " – ".join(orgs[o].name if o in orgs else o for o in mt.between)
               for mt in session.meetings}
    rows = tuple(_meeting(mission, m, between.get(m.id, m.title), flags.get(m.id, ()),
                          paired.get(m.id, ())) for m in meetings)
    all_flags = tuple(f for m in rows for f in m.flags)
    all_paired = tuple(f for m in rows for f in m.paired_flags)
    return Line(
        event_id=session.id, kind="b2b", title=session.title, status="confirmed",
        start=session.window[0].astimezone(tz), end=session.window[1].astimezone(tz),
        start_zone=session.zone, end_zone=session.zone, place=_place(venue, session.room),
        address=_address(venue), geo=venue.geo if venue else None,
        attending=told.labels(mission), attending_count=len(everyone),
        notes=tr.ngettext("{n} meeting at up to {tables} tables",
                          "{n} meetings at up to {tables} tables",
                          len(meetings)).format(n=len(meetings), tables=session.tables),
        flags=all_flags, meetings=rows, paired_flags=all_paired,
    )


def _meeting(mission: Mission, e: Event, between: str, flags: tuple[Flag, ...],
             paired: tuple[Flag, ...] = ()) -> Meeting:
    """A row of a session's table; `between` names the two organisations (the event's title
    is "B2B: " and them, in the reader's language)."""
    table = e.id.rsplit(".", 1)[-1]
    people = tuple(mission.people[p].name
                   for p in _ordered(mission, mission.taking_part.get(e.id, frozenset())))
    return Meeting(e.id, e.local_start(), table, between, people, flags, paired)


def _place(venue: Venue | None, room: str | None) -> str | None:
    if venue is None:
        return None
    r = venue.rooms.get(room) if room else None
    return f"{venue.name} – {r.name or r.id}" if r is not None else venue.name


def _address(venue: Venue | None) -> str | None:
    if venue is None:
        return None
    parts = [venue.address, venue.city]
    if venue.address and venue.city and venue.city in venue.address:
        parts = [venue.address]
    return ", ".join(p for p in parts if p) or None


def _geo(mission: Mission, e: Event) -> tuple[float, float] | None:
    vid = e.venue or e.from_
    v = mission.venues.get(vid) if vid else None
    return v.geo if v is not None else None


def _route(mission: Mission, e: Event) -> tuple[str, str] | None:
    if e.kind != "travel" or (e.from_ is None and e.to is None):
        return None

    def name(vid: str | None) -> str:
        v = mission.venues.get(vid) if vid else None
        return v.name if v is not None else (vid or "?")

    return (name(e.from_), name(e.to))


def _transport(e: Event, tr: Translator) -> str | None:
    mode = tr._(MODES[e.mode]) if e.mode in MODES else e.mode
    parts = [mode, e.carrier, e.reference]
    return " · ".join(p for p in parts if p) or None


def _org_name(mission: Mission, oid: str | None) -> str | None:
    if oid is None:
        return None
    o = mission.organisations.get(oid)
    return o.name if o is not None else oid


def _org_contact(mission: Mission, oid: str | None) -> str | None:
    o = mission.organisations.get(oid) if oid else None
    if o is None:
        return None
    reach = ", ".join(x for x in (o.phone, o.email) if x)
    return f"{o.name}: {reach}" if reach else None


def detail_rows(ln: Line, tr: Translator | None = None) -> list[tuple[str, str | Contact]]:
    """(label, value) rows under an event's title, shared by every readable format, labels in
    `tr`'s language. A host is given as a `Contact` so each format can link the phone and
    e-mail its own way."""
    _ = (tr or translator("en"))._
    rows: list[tuple[str, str | Contact]] = []
    if ln.route is not None:
        rows.append((_("Route"), f"{ln.route[0]} → {ln.route[1]}"))
    if ln.transport:
        rows.append((_("By"), ln.transport))
    if ln.place:
        rows.append((_("At"), ln.place + (f", {ln.address}" if ln.address else "")))
    if ln.organisation:
        rows.append((_("Visiting"), ln.organisation))
    if ln.attending:
        rows.append((_("With"), "; ".join(ln.attending) + _count(ln.attending_count, tr)))
    rows += [(_("Host"), c) for c in ln.hosts]
    if ln.host_org:
        rows.append((_("Contact"), ln.host_org))
    if ln.interpreters:
        rows.append((_("Interpreters"), ", ".join(ln.interpreters)))
    if ln.language:
        rows.append((_("Language"), ln.language))
    if ln.notes:
        rows.append((_("Notes"), " ".join(ln.notes.split())))
    return rows


def _count(n: int, tr: Translator | None) -> str:
    if n <= 1:
        return ""
    text = (tr or translator("en")).ngettext("{n} person taking part", "{n} people taking part",
                                             n)
    return f" ({text.format(n=n)})"


def host_text(c: Contact) -> str:
    """'Name (role), phone, e-mail'."""
    who = c.name + (f" ({c.role})" if c.role else "")
    reach = c.reach()
    return f"{who}, {reach}" if reach else who




def _duty(mission: Mission, public: bool) -> Contact | None:
    pid = mission.info.contact
    return contact(mission, pid, public) if pid is not None and pid in mission.people else None
