"""Which events a view shows: the whole mission, one person, organisation or group, one day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from missionctl.errors import UserError
from missionctl.model import Event, Mission
from missionctl.views.flags import Flag
from missionctl.views.memo import ByIdentity


@dataclass(frozen=True, slots=True)
class Selection:
    """`--person`, `--org`, `--group` (at most one) and `--day`."""

    person: str | None = None
    org: str | None = None
    group: str | None = None
    day: date | None = None
    after: datetime | None = None  # `--next`: from this instant, the event under way and
    # the next to start (UTC)

    @property
    def personal(self) -> bool:
        """One person's or one organisation's view: B2B meetings are listed one by one."""
        return self.person is not None or self.org is not None

    def as_dict(self) -> dict[str, str | None]:
        return {"person": self.person, "org": self.org, "group": self.group,
                "day": self.day.isoformat() if self.day else None}


RELATIVE_DAYS = {"today": 0, "tomorrow": 1}


def relative_day(text: str | None, zone: str, now: datetime) -> str | None:
    """`--day today` or `tomorrow`: that date (ISO) in `zone` (the mission's) at `now` (aware);
    any other text as it is."""
    word = text.strip().casefold() if text is not None else None
    if word not in RELATIVE_DAYS:
        return text
    from missionctl.tz import zone as tz_zone

    return (now.astimezone(tz_zone(zone)) + timedelta(days=RELATIVE_DAYS[word])).date().isoformat()


def parse_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"--day {text!r} is not a date (YYYY-MM-DD, today or tomorrow)"
                        ) from None


def make_selection(mission: Mission, person: str | None = None, org: str | None = None,
                   group: str | None = None, day: str | None = None) -> Selection:
    """A validated selection: an unknown id is a usage error with a "did you mean"."""
    given = [name for name, value in (("--person", person), ("--org", org),
                                      ("--group", group)) if value is not None]
    if len(given) > 1:
        raise UserError(f"give at most one of --person, --org and --group (got {', '.join(given)})")
    _known("person", person, mission.people)
    _known("organisation", org, mission.organisations)
    _known("group", group, mission.groups)
    return Selection(person, org, group, parse_day(day))


def _known(noun: str, ident: str | None, table: Mapping[str, object]) -> None:
    if ident is None or ident in table:
        return
    raise UserError(f"no {noun} '{ident}' in this mission{_hint(ident, table)}")


SHOWN = 5  # ids listed when several start with what was typed


def _hint(typed: str, table: Mapping[str, object]) -> str:
    """What the user probably meant: the one id or name that starts with what they typed
    (`--person joana` for joana-ferreira-santos, `--person rui` for Rui Costa; case and
    accents aside), or the few that do; else the closest id (difflib). A prefix comes first:
    people type the start of a name, which is too short to be a close match of a long id."""
    from missionctl.values import did_you_mean

    want = _fold(typed)
    by_id = [key for key in table if _fold(key).startswith(want)]
    by_name = [key for key, obj in table.items()
               if key not in by_id and _fold(_name(obj)).startswith(want)]
    starting = by_id + by_name
    if len(starting) == 1:  # the name is shown when it is what matched
        return f" (did you mean {_shown(starting[0], table) if by_name else repr(by_id[0])}?)"
    if 1 < len(starting) <= SHOWN:
        listed = [_shown(key, table) for key in starting]
        return (f" (it could be {', '.join(listed[:-1])} or {listed[-1]}; give the whole id)")
    return did_you_mean(typed, list(table))


def _name(obj: object) -> str:
    name = getattr(obj, "name", None)
    return name if isinstance(name, str) else ""


def _shown(key: str, table: Mapping[str, object]) -> str:
    name = _name(table[key])
    return f"'{key}' ({name})" if name and name != key else f"'{key}'"


def _fold(text: str) -> str:
    """Lower case without accents: 'João' and 'joao' are typed alike."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def check_event_id(mission: Mission, ident: str | None) -> None:
    _known("event", ident, mission.events)


def event_day(event: Event) -> date:
    """The day an event belongs to: the local date of its start, in its own zone."""
    return event.local_start().date()


def people_in_view(mission: Mission, sel: Selection) -> frozenset[str] | None:
    """The people the selection is about; None for everyone."""
    if sel.person is not None:
        return frozenset({sel.person})
    if sel.org is not None:
        return mission.org_people.get(sel.org, frozenset())
    if sel.group is not None:
        return mission.group_members.get(sel.group, frozenset())
    return None


def wanted(mission: Mission, sel: Selection, event: Event) -> bool:
    if sel.day is not None and event_day(event) != sel.day:
        return False
    people = people_in_view(mission, sel)
    if people is None:
        return True
    if sel.org is not None and event.organisation == sel.org:
        return True
    return not people.isdisjoint(mission.taking_part.get(event.id, frozenset()))


def select_events(mission: Mission, sel: Selection) -> list[Event]:
    """The selected events in time order (start instant, end instant, id).

    One person's events come from a per-mission index (`events_of`): `--per-person` selects
    once per person, and testing every event each time made it O(people x events)."""
    candidates: Iterable[Event] = mission.events.values()
    if sel.person is not None:
        candidates = events_of(mission).get(sel.person, ())
    found = [e for e in candidates if wanted(mission, sel, e)]
    found.sort(key=lambda e: (e.start, e.end, e.id))
    return found if sel.after is None else upcoming(found, sel.after)


def upcoming(events: list[Event], now: datetime) -> list[Event]:
    """`--next`: of `events` (in time order), those under way at `now` and those starting
    next (the earliest start after `now`). Cancelled events and stays do not count."""
    live = [e for e in events if e.end > now and not e.cancelled and e.occupies]
    running = [e for e in live if e.start <= now]
    later = [e for e in live if e.start > now]
    return running + [e for e in later if e.start == later[0].start] if later else running


EVENTS_OF: ByIdentity[dict[str, list[Event]]] = ByIdentity()


def events_of(mission: Mission) -> dict[str, list[Event]]:
    """Person id -> the events they take part in, in the mission's order; built once per
    mission (`views.memo`)."""
    return EVENTS_OF.get(mission.events, mission.taking_part, lambda: _events_of(mission))


def _events_of(mission: Mission) -> dict[str, list[Event]]:
    index: dict[str, list[Event]] = {}
    for event in mission.events.values():
        for pid in mission.taking_part.get(event.id, ()):
            index.setdefault(pid, []).append(event)
    return index


@dataclass(frozen=True, slots=True)
class Programme:
    """What the itinerary and timeline views show: a mission, the selection, and the findings
    flagged beside events (`views.flags.flags_by_event`; empty: no flags shown)."""

    mission: Mission
    selection: Selection = field(default_factory=Selection)
    flags: Mapping[str, tuple[Flag, ...]] = field(default_factory=dict)

    def events(self) -> list[Event]:
        return select_events(self.mission, self.selection)


def per_person(mission: Mission, sel: Selection) -> list[str]:
    """Whose files `--per-person` writes: the people of the selection (whole mission:
    everyone taking part in a selected event), in the mission's order."""
    from missionctl.views.people import in_file_order

    events = select_events(mission, sel)
    busy = frozenset().union(*(mission.taking_part.get(e.id, frozenset()) for e in events))
    chosen = people_in_view(mission, sel)
    return in_file_order(mission, busy if chosen is None else busy & chosen)
