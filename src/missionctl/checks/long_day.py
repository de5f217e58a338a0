"""MC105 long-day: a person's first start to last end in one local day exceeds max_day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from operator import attrgetter

from missionctl.checks import PERSON_DAY, Check, Context
from missionctl.checks.support.timeline import each_timeline, timelines
from missionctl.findings import Finding
from missionctl.model import Event, Mission
from missionctl.wording import clock_in, day_iso, event_ref, minutes_text, zone_suffix

CODE = "MC105"
_END = attrgetter("end")

LongDay = tuple[date, Event, Event]  # the local day, its first event, the first to end last

WHY = """\
A 6:00 flight followed by visits and a 22:00 dinner wears a delegation out, and tired
delegates make poor meetings the next day.

For each person and local day: from the start of their first event to the end of their last,
in real elapsed time (UTC instants, so a day with a clock change is measured correctly),
compared with `checks.max_day` (default 12h); longer is a finding. The events that count are
those that keep the person busy: travel legs count, stays and free blocks do not, cancelled
events never do. An event belongs to the local date of its start in its own zone (venue,
else mission; a travel leg's origin), so a dinner ending after midnight stays on its evening's
day and a morning flight from Lisbon counts on its Lisbon date.

The message gives the first start and the last end as wall-clock times, each in its own zone;
when the two zones differ (a flight from Lisbon, a dinner in Tangier), each time names its
zone.

Where it points: at the person's id key, once per person per day. A person's waiver for one
day (`waive: {MC105: {2027-05-10: "arrival day"}}`) waives that day only."""

BAD = """\
people:
  ana-silva: {name: Ana Silva}
events:
  flight:
    kind: travel
    title: Flight to Tangier
    start: 2027-05-12 06:00
    end: 07:00
    attendees: [ana-silva]
  dinner:
    kind: meal
    title: Dinner with the cluster
    start: 2027-05-12 20:00
    end: 22:30                   # 16h30 after the flight left
    attendees: [ana-silva]"""

FIX = ("Spread the day's events over more days, start later or finish earlier, or raise "
       "`checks.max_day` if the long day is intended.")


def run(mission: Mission, ctx: Context) -> Iterable[Finding]:
    limit = mission.checks.max_day
    lines = timelines(ctx)

    def long_days(events: list[Event]) -> list[LongDay]:
        out = []
        for day, todays in lines.days_of(events).items():
            first = todays[0]  # sorted by start
            if max(map(_END, todays)) - first.start > limit:
                out.append((day, first, max(todays, key=_END)))  # the first to end last
        return out

    for pid, found in each_timeline(lines, long_days):
        person = mission.people.get(pid)
        if person is None:
            continue
        for day, first, last in found:
            yield Finding(CODE, message(mission, person.name, day, first, last), person.loc,
                          day=day)


def message(mission: Mission, name: str, day: date, first: Event, last: Event) -> str:
    """The two times are wall-clock times, each in its own zone (a flight's origin, a dinner's
    venue): when the zones differ each time names its zone, else the zone is named once when
    it is not the mission's, so "08:10 to 22:00" never reads as one zone's 13h50."""
    limit = mission.checks.max_day
    home = mission.info.timezone
    begin, finish = first.zone, last.end_zone
    if begin != finish:
        since, until = f" ({begin} time)", f" ({finish} time)"
    else:
        since, until = "", zone_suffix(finish, home)
    return (f"{name}'s day on {day_iso(day)} runs {minutes_text(last.end - first.start)}, "
            f"from {event_ref(first)} at {clock_in(first.start, begin)}{since} to the end of "
            f"{event_ref(last)} at {clock_in(last.end, finish)}{until}, longer than "
            f"checks.max_day ({minutes_text(limit)}); spread the programme over more days, "
            "or raise checks.max_day")


RULE = Check(CODE, WHY, BAD, FIX, run, PERSON_DAY)
