"""MC106 no-lunch-break: a person busy without a 45-minute gap between 11:30 and 15:00."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from functools import cache

from missionctl.checks import PERSON_DAY, Check, Context
from missionctl.checks.support.timeline import Timelines, each_timeline, timelines
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.values import local_instant
from missionctl.wording import day_iso, event_ref, minutes_text

CODE = "MC106"
LUNCH_FROM, LUNCH_TO = time(11, 30), time(15, 0)
BREAK = timedelta(minutes=45)

WHY = """\
A programme that runs from a morning visit straight into B2B meetings leaves no time to eat;
hosts may also expect a lunch and will not say so.

For each person and local day on which one of their busy events (travel counts; stays, free
blocks and cancelled events do not) overlaps 11:30-15:00 local time, the longest free gap in
that window must be at least 45 minutes. A `meal` event overlapping the window counts as the
lunch break: no finding that day. The window is read in the zone of the day's first event
that falls in it (normally all of a day's events share one zone); every busy event of the
person, from any zone, fills it.

Where it points: at the person's id key, once per person per day (info)."""

BAD = """\
people:
  ana-silva: {name: Ana Silva}
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00
    end: 13:00
    attendees: [ana-silva]
  workshop:
    kind: workshop
    title: Automation workshop
    start: 2027-05-11 13:15      # 15 minutes after the visit
    end: 16:00
    attendees: [ana-silva]"""

FIX = ("Leave 45 free minutes between 11:30 and 15:00, or put a `meal` event (a working "
       "lunch) into the programme.")

Window = tuple[datetime, datetime]
ShortBreak = tuple[date, list[Event], timedelta]  # the day, its lunch-time events, longest gap


def run(mission: Mission, ctx: Context) -> Iterable[Finding]:
    lines = timelines(ctx)
    for pid, found in each_timeline(lines, lambda events: short_breaks(lines, events)):
        person = mission.people.get(pid)
        if person is None:
            continue
        for day, inside, gap in found:
            yield Finding(CODE, message(person.name, day, inside, gap), person.loc, day=day)


def short_breaks(lines: Timelines, events: list[Event]) -> list[ShortBreak]:
    """The days of one timeline without a long enough break in their lunch window."""
    starts, ends = lines.reach(events)
    out = []
    days = lines.days_of(events)
    for day, window in windows(days):
        if _meal_in(days[day], window):
            continue  # a meal in the window is the break (`longest_gap`): the usual day
        # Candidates: from the first event ending after the window opens to the last one
        # starting before it closes (`Reach`): near-linear, never all events.
        lo = bisect.bisect_right(ends, window[0])
        hi = bisect.bisect_left(starts, window[1])
        inside = [e for e in events[lo:hi] if e.end > window[0]]
        gap = longest_gap(inside, window)
        if gap is not None and gap < BREAK:
            out.append((day, inside, gap))
    return out


def windows(by_day: dict[date, list[Event]]) -> Iterator[tuple[date, Window]]:
    """Each local day with an event in its lunch window, and that window (UTC)."""
    for day, todays in by_day.items():
        zone: str | None = None
        window: Window | None = None
        for event in todays:
            if event.zone != zone:  # a day's events nearly always share one zone
                zone = event.zone
                window = lunch_window(day, zone)
            if window is not None and event.start < window[1] and event.end > window[0]:
                yield day, window
                break


@cache  # a handful of (day, zone) pairs, asked for once per person per day
def lunch_window(day: date, zone: str) -> Window | None:
    try:
        return (local_instant(datetime.combine(day, LUNCH_FROM), zone),
                local_instant(datetime.combine(day, LUNCH_TO), zone))
    except ValueError:  # a clock change skips the time: no window to judge that day
        return None


def _meal_in(todays: list[Event], window: Window) -> bool:
    """Whether one of the day's events is a meal in the window: then the events in the
    window (which include it) have their lunch break, and the day needs no closer look."""
    w0, w1 = window
    # A loop rather than any() over a generator (ruff's SIM110), which costs a generator per
    # call: a day of every distinct timeline comes here.
    for e in todays:  # noqa: SIM110
        if e.kind == "meal" and e.start < w1 and e.end > w0:
            return True
    return False


def longest_gap(inside: list[Event], window: Window) -> timedelta | None:
    """The longest free stretch of the window; None when a meal is the lunch break."""
    if any(e.kind == "meal" for e in inside):
        return None
    longest, free_from = timedelta(0), window[0]
    for event in inside:  # sorted by start
        longest = max(longest, min(event.start, window[1]) - free_from)
        free_from = max(free_from, event.end)
    return max(longest, window[1] - free_from)


def message(name: str, day: date, inside: list[Event], gap: timedelta) -> str:
    busy = ", ".join(event_ref(e) for e in inside[:4]) + (" ..." if len(inside) > 4 else "")
    return (f"{name} has no 45-minute break between 11:30 and 15:00 on {day_iso(day)} "
            f"(longest gap {minutes_text(gap)}; busy with {busy}); free 45 minutes or add a "
            "meal event")


RULE = Check(CODE, WHY, BAD, FIX, run, PERSON_DAY)
