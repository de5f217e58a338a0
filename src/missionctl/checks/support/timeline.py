"""Per-person timelines shared by the people checks (MC101-MC106, MC406).

Every people check needs the same thing: for each person, the events that keep them busy, in
time order. Building it is one global sort of the events (so the whole mission costs
O(E log E + P), P the number of (event, person) pairs), done once per run and shared through
`ctx.memo`. The checks then sweep each person's list: never all pairs of events. People with
the same programme (a team) share one list, and `each_timeline` lets a check judge each
distinct list once, however many people follow it.

Order: by start instant (UTC), then by file order (`event.loc`, file by file in reading
order). So of two events that start at the same instant, the one written later is "later":
MC101 and MC102 point at it.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from itertools import accumulate
from operator import attrgetter, le
from typing import NamedTuple, TypeVar, cast

from missionctl.checks import Context
from missionctl.checks.support.index import LocalSpan, live, local_times
from missionctl.findings import Loc
from missionctl.model import Event, Mission
from missionctl.tz import zone as get_zone

Rank = tuple[int, int, int]
T = TypeVar("T")
_ID, _START, _END = attrgetter("id"), attrgetter("start"), attrgetter("end")
_LOC, _FILE = attrgetter("loc"), attrgetter("file")
IDLE = frozenset({"stay", "free"})  # kinds that keep nobody busy (`Event.occupies`)


class Reach(NamedTuple):
    """A timeline's starts and, at each position, the latest end so far (both sorted, for
    bisect): the events overlapping [t0, t1) all lie in [bisect_right(ends, t0),
    bisect_left(starts, t1))."""

    starts: list[datetime]
    ends: list[datetime]


def reach_of(events: list[Event]) -> Reach:
    return Reach(list(map(_START, events)), list(accumulate(map(_END, events), max)))


class Timelines:
    """`busy[person_id]`: the person's non-cancelled, occupying events (travel included,
    stays and free blocks not), sorted by (start, file order). `day`: event id -> local date
    of its start, in its own zone.

    A plain class, as every class `check` loads: the dataclasses module imports inspect, ast
    and dis, which with the classes' generated methods came to a tenth of a small check."""

    __slots__ = ("_days", "_reach", "busy", "day", "rank")

    def __init__(self, busy: Mapping[str, list[Event]], rank: Mapping[str, Rank],
                 day: Mapping[str, date]) -> None:
        self.busy = busy
        self.rank = rank
        self.day = day
        # Views of `busy`'s lists that several rules need, by id(list): (the list, its view).
        self._days: dict[int, tuple[list[Event], dict[date, list[Event]]]] = {}
        self._reach: dict[int, tuple[list[Event], Reach]] = {}

    def by_day(self, events: Iterable[Event]) -> dict[date, list[Event]]:
        """A person's events grouped by local day (each in its own zone), order kept."""
        day = self.day
        days: dict[date, list[Event]] = {}
        current: date | None = None
        bucket: list[Event] = []
        for event in events:
            d = day[event.id]
            if d != current:  # a person's events come day after day: few dict look-ups
                current = d
                bucket = days.setdefault(d, [])
            bucket.append(event)
        return days

    def days_of(self, events: list[Event]) -> dict[date, list[Event]]:
        """`by_day(events)` for a list of `busy`, worked out once per list."""
        found = self._days.get(id(events))
        if found is None or found[0] is not events:
            found = self._days[id(events)] = (events, self.by_day(events))
        return found[1]

    def reach(self, events: list[Event]) -> Reach:
        """`reach_of(events)` for a list of `busy`, worked out once per list."""
        found = self._reach.get(id(events))
        if found is None or found[0] is not events:
            found = self._reach[id(events)] = (events, reach_of(events))
        return found[1]


    def sequential(self, events: list[Event]) -> bool:
        """Whether no two events of a list of `busy` overlap (each ends by the time the next
        starts, `reach`): then nobody is double-booked in it, and each event's only
        predecessor is the one before it (`predecessors`). The usual programme."""
        starts, ends = self.reach(events)
        return all(map(le, ends, starts[1:]))


def timelines(ctx: Context) -> Timelines:
    """The mission's timelines, built once per run and shared by every check."""
    return cast(Timelines, ctx.memo(
        "timeline.busy", lambda: build(ctx.mission, live(ctx), local_times(ctx))))


def each_timeline(lines: Timelines, judge: Callable[[list[Event]], T]) -> Iterator[tuple[str, T]]:
    """(person id, judge(their timeline)) for each person, in `busy` order, judging each
    distinct timeline once: people with the same programme share one list (`build`)."""
    done: dict[int, T] = {}
    for pid, events in lines.busy.items():
        key = id(events)  # the lists live as long as `lines`
        if key not in done:
            done[key] = judge(events)
        yield pid, done[key]


def build(mission: Mission, events: Iterable[Event] | None = None,
          local: Mapping[str, LocalSpan] | None = None) -> Timelines:
    """The timelines; `events` (the non-cancelled ones) and `local` (their local times) when
    the caller already has them, as the checks do."""
    rank = FileOrder(mission)
    if events is None:
        events = (e for e in mission.events.values() if not e.cancelled)
    ordered = [e for e in events if e.kind not in IDLE]  # `e.occupies`, inlined
    # One global sort: appending in this order leaves every person's list sorted too. By
    # (start, file order) as two stable sorts with keys that are C functions (a Python key
    # function is a call per event): file order first, then start.
    keys: list[Loc] | list[Rank] = list(map(_LOC, ordered))
    if len(set(map(_FILE, keys))) > 1:  # with includes: by file in reading order, not name
        keys = list(map(rank.__getitem__, map(_ID, ordered)))
    ordered = list(map(ordered.__getitem__, sorted(range(len(ordered)), key=keys.__getitem__)))
    ordered.sort(key=_START)
    same = shared_lists(ordered, mission.taking_part)
    # Local dates once per event, not once per person taking part: zone conversions dominate.
    if local is None:
        day = {e.id: local_day(e) for e in ordered}
    else:
        day = {e.id: local[e.id][0].date() for e in ordered}
    return Timelines(same, rank, day)


def shared_lists(ordered: list[Event], taking: Mapping[str, frozenset[str]]
                 ) -> dict[str, list[Event]]:
    """Person id -> their events (those of `ordered` they take part in, in that order), people
    with the same programme (a team) sharing one list, so that rules can judge each distinct
    timeline once (`each_timeline`). The lists are never changed. People come in the order
    they first take part in an event of `ordered`.

    Built from the distinct sets of people taking part rather than event by event and person
    by person: people who belong to the same distinct sets (a team: its group, its halves in
    parallel meetings) have the same programme, so each event is added once per programme
    that holds it, not once per person (a tenth of the work for teams of ten)."""
    index: dict[frozenset[str], int] = {}  # distinct set -> its number, in order met
    of_event: list[int] = []
    for event in ordered:
        people = taking.get(event.id)
        if not people:
            of_event.append(-1)
            continue
        found = index.get(people)
        if found is None:
            found = index[people] = len(index)
        of_event.append(found)
    belongs: dict[str, list[int]] = {}  # person -> the distinct sets they are in, in order
    for number, people in enumerate(index):
        for pid in people:
            mine = belongs.get(pid)
            if mine is None:
                belongs[pid] = [number]
            else:
                mine.append(number)
    programmes: dict[tuple[int, ...], list[Event]] = {}
    holders: list[list[list[Event]]] = [[] for _ in index]  # set -> programmes holding it
    busy: dict[str, list[Event]] = {}
    for pid, numbers in belongs.items():
        key = tuple(numbers)
        events = programmes.get(key)
        if events is None:
            events = programmes[key] = []
            for number in numbers:
                holders[number].append(events)
        busy[pid] = events
    for event, number in zip(ordered, of_event, strict=True):
        if number >= 0:
            for events in holders[number]:
                events.append(event)
    return busy


class FileOrder(Mapping[str, Rank]):
    """Each event's position as written: (file in reading order, line, column), worked out
    when asked (the timelines' sort needs it only for a mission of several files).

    Not `Loc` ordering itself, which would sort include files by name; B2B meetings sit at
    their entry in `b2b.<session>.meetings`, wherever that is in the files."""

    __slots__ = ("_events", "_files")

    def __init__(self, mission: Mission) -> None:
        self._events = mission.events
        self._files = {name: i for i, name in enumerate(mission.files)}

    def __getitem__(self, event_id: str) -> Rank:
        file, line, column = self._events[event_id].loc
        return (self._files.get(file, len(self._files)), line, column)

    def __iter__(self) -> Iterator[str]:
        return iter(self._events)

    def __len__(self) -> int:
        return len(self._events)


def file_order(mission: Mission) -> dict[str, Rank]:
    """`FileOrder` of every event, as a dict."""
    return dict(FileOrder(mission))


def adjacent(events: list[Event]) -> Iterator[tuple[Event, Event]]:
    """(before, after) for each event and every event the person may come from to it: the
    pairs of `predecessors`, in the order they end."""
    for after, befores in predecessors(events):
        for before in befores:
            yield before, after


def predecessors(events: list[Event]) -> Iterator[tuple[Event, list[Event]]]:
    """(after, the events the person may come from to it), for each event that has any.

    A `before` ends by the time `after` starts, and no other event of theirs before `after`
    in the timeline starts after `before` ends (that one would be where they went next).
    Usually that is the one previous event; it can be several when earlier events overlap: a
    short meeting inside a long visit, or a Lisbon meeting until 16:45 UTC that overlaps a
    Casablanca visit until 17:00 UTC (MC101), before an 18:45 dinner in Casablanca. Pairs
    that overlap are never given: that is a double booking (MC101), not a transfer.

    Those are exactly the events that end in (start of the previous event, start of `after`]:
    a heap of the events not yet ended, popped as the sweep reaches each start, gives them in
    the order they end, and each event is a `before` once at most: O(n log n), whatever the
    overlaps."""
    running: list[tuple[datetime, int, Event]] = []  # heap keyed by end
    for i, event in enumerate(events):
        at = event.start
        if running and running[0][0] <= at:
            if len(running) == 1:  # the usual case: one event before, now over
                yield event, [running[0][2]]
                running = [(event.end, i, event)]
                continue
            befores = []
            while running and running[0][0] <= at:
                befores.append(heapq.heappop(running)[2])
            yield event, befores
        heapq.heappush(running, (event.end, i, event))


# -- local days -----------------------------------------------------------------------------
def local_day(event: Event) -> date:
    """The date an event belongs to: its start's local date, in its own zone."""
    return event.start.astimezone(get_zone(event.zone)).date()
