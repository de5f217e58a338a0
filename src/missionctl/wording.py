"""Times, days and events as a person reads them, and the one way to cut an event into days.

Every message and view words times through here, so that one date is written one way:

- **Names by hand.** English weekday and month names come from `WEEKDAYS` and `MONTHS`,
  never from strftime's name directives, which follow the process locale: a message must not
  change language with `LANG`. `%H:%M` and `%Y-%m-%d` are locale-free and used as they are.
- **One name, one meaning.** A helper's name says what it shows and from what:
  `clock*` a time of day ("10:30"), `stamp*` a date and a time ("2027-05-11 10:30"),
  `day_*` a date with its weekday, `span_*` a start and an end, `offset_*` a UTC offset,
  `zone_*` a note about a zone, `event_*` an event. An `_in` suffix takes an aware instant
  and the zone to show it in (without it, the value is already local wall-clock time); a
  `_noted` helper adds the day and the zone where they differ from what the reader assumes.
- **Two families of days.** Findings write the day of the month on two digits (`day_abbr`
  "Fri 07 May", `day_long` "Friday 07 May", `span_short`); the views and MC305's sentence
  write it as people do (`day_brief` "Fri 7 May", `day_full` "Friday 7 May 2027",
  `span_days` "10–14 May 2027", `clock_noted`, `span_noted`). Both stay as they are: every
  message and page already printed depends on them.
- **24:00.** A piece of a day that runs to midnight ends at `time.max`, which is shown as
  "24:00" (`clock`) and read back as the next midnight (`day_time`).
- **Languages.** The views' helpers (`day_brief`, `day_full`, `span_days`, `clock_noted`,
  `span_noted`, `and_list`, `minutes_text`, `weekday_name`, `month_name`) take a `lang`: English
  (the default) is written here by hand, as always; another language of `i18n.SUPPORTED` is
  CLDR's, through Babel (`i18n/cldr.py`, imported only then). Findings stay English.
- `day_pieces` splits a local interval into calendar days: every rule that judges days or
  hours of the day (MC203, MC301-MC304, MC306) judges the same pieces.

Imports nothing heavy: the checks and the views import it on every run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from missionctl.tz import zone as get_zone

if TYPE_CHECKING:
    from missionctl.model import Event, Mission

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

Piece = tuple[date, time, time]  # a local day, from, to (time.max stands for 24:00)

# Terminal control characters (C0 but tab and line feed, DEL, C1) are shown escaped.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Control characters (escape sequences, bells, carriage returns) shown as \\xNN, never
    passed to a terminal or a page. Tab and line feed are kept."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


# -- cutting time into local days --------------------------------------------------------------


def day_pieces(start: datetime, end: datetime) -> tuple[Piece, ...]:
    """Split a naive local wall-clock interval into its part on each calendar day it touches.

    A piece that runs to midnight ends at `time.max` ("24:00"); an interval ending at 00:00
    does not touch the next day.

    When a clock goes back during a short event, its local end can come before its local
    start (Lisbon, 2027-10-31: 01:50 summer time to 01:10 winter time is 20 minutes). The two
    are then *swapped*, not clamped: the piece runs from the end's wall time to the start's.
    Both ends of that piece are wall-clock times the event really shows (it starts at 01:50
    and ends at 01:10), so a window that either one falls outside of is reported. Clamping
    the end to the start would shrink the event to one instant and never look at its end:
    venue hours from 01:30 would pass an event that runs until 01:10. (The wall times
    strictly between the two are the repeated hour's, which the event does not cover; only a
    window shorter than an hour and inside that night-time hour could be misjudged.)
    """
    if end < start:
        start, end = end, start
    day = start.date()
    if end.date() == day:  # the common case: within one day
        return ((day, start.time(), end.time()),)
    out: list[Piece] = []
    while True:
        midnight = datetime.combine(day + timedelta(days=1), time())
        t0 = start.time() if day == start.date() else time()
        t1 = time.max if end >= midnight else end.time()
        out.append((day, t0, t1))
        if end <= midnight:
            return tuple(out)
        day += timedelta(days=1)


def day_time(day: date, t: time) -> datetime:
    """A wall-clock time on a day; "24:00" (`time.max`) is the next midnight."""
    if t == time.max:
        return datetime.combine(day + timedelta(days=1), time())
    return datetime.combine(day, t)


# -- times of day and dates ---------------------------------------------------------------------


def clock(t: time | datetime) -> str:
    """'10:30'; `time.max` (the end of a day's piece) is '24:00'."""
    # What `%H:%M` writes, without strftime (a twentieth of a Markdown itinerary's time).
    return "24:00" if t == time.max else f"{t.hour:02}:{t.minute:02}"


def clock_in(instant: datetime, zone: str) -> str:
    """An aware instant's time of day in `zone`: '10:30'."""
    return f"{instant.astimezone(get_zone(zone)):%H:%M}"


def stamp_in(instant: datetime, zone: str) -> str:
    """An aware instant's date and time in `zone`: '2027-05-11 10:30'."""
    return f"{instant.astimezone(get_zone(zone)):%Y-%m-%d %H:%M}"


def day_iso(day: date) -> str:
    """'Fri 2027-05-14'."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.isoformat()}"


def day_abbr(day: date) -> str:
    """'Fri 07 May': abbreviated names, the day of the month on two digits (`day_brief`
    writes 'Fri 7 May')."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day:02d} {MONTHS[day.month - 1][:3]}"


def day_long(day: date) -> str:
    """'Friday 07 May'."""
    return f"{WEEKDAYS[day.weekday()]} {day.day:02d} {MONTHS[day.month - 1][:3]}"


def weekday_name(day: date, lang: str = "en", *, short: bool = False) -> str:
    """'Monday' ('Mon'); 'segunda-feira' ('seg.') in Portuguese."""
    if lang != "en":
        from missionctl.i18n import cldr

        return cldr.weekday(day, lang, "abbreviated" if short else "wide")
    name = WEEKDAYS[day.weekday()]
    return name[:3] if short else name


def month_name(number: int, lang: str = "en", *, short: bool = False) -> str:
    """'May' for 5; 'maio' in Portuguese, 'mai' in French."""
    if lang != "en":
        from missionctl.i18n import cldr

        return cldr.month(number, lang, "abbreviated" if short else "wide")
    name = MONTHS[number - 1]
    return name[:3] if short else name


def day_brief(day: date, lang: str = "en") -> str:
    """'Mon 10 May', 'Fri 7 May': as the views write a day beside a time ('seg., 10 de mai.')."""
    if lang != "en":
        from missionctl.i18n import cldr

        return cldr.day_brief(day, lang)
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"


def day_full(day: date, lang: str = "en") -> str:
    """'Monday 10 May 2027': a day's heading, and the day of a clock change ('segunda-feira,
    10 de maio de 2027')."""
    if lang != "en":
        from missionctl.i18n import cldr

        return cldr.day_full(day, lang)
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def span_days(first: date, last: date, lang: str = "en") -> str:
    """'10–14 May 2027', '30 April – 2 May 2027', '30 December 2027 – 2 January 2028'."""
    if lang != "en":
        from missionctl.i18n import cldr

        return cldr.span_days(first, last, lang)
    if first == last:
        return f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    if first.year != last.year:
        return (f"{first.day} {MONTHS[first.month - 1]} {first.year} – "
                f"{last.day} {MONTHS[last.month - 1]} {last.year}")
    if first.month != last.month:
        return (f"{first.day} {MONTHS[first.month - 1]} – "
                f"{last.day} {MONTHS[last.month - 1]} {last.year}")
    return f"{first.day}–{last.day} {MONTHS[first.month - 1]} {first.year}"


def span_short(start: datetime, end: datetime) -> str:
    """Two local datetimes: 'Tue 11 May 13:00–14:30' (the end's day when it differs)."""
    head = f"{day_abbr(start.date())} {start:%H:%M}"
    if end.date() == start.date():
        return f"{head}–{end:%H:%M}"
    return f"{head} – {day_abbr(end.date())} {end:%H:%M}"


def span_iso(start: datetime, end: datetime) -> str:
    """Two local datetimes: 'Fri 2027-05-14 12:00-13:00' (the end's day when it differs)."""
    head = f"{day_iso(start.date())} {start:%H:%M}"
    if end.date() == start.date():
        return f"{head}-{end:%H:%M}"
    return f"{head} - {day_iso(end.date())} {end:%H:%M}"


def zone_suffix(zone: str, mission_zone: str) -> str:
    """' (Europe/Lisbon time)' when the zone is not the mission's: a bare 10:00 would mislead."""
    return "" if zone == mission_zone else f" ({zone} time)"


# -- UTC offsets, and times as the views show them ---------------------------------------------


def clock_exact(t: time | datetime) -> str:
    """'03:00', or '03:00:10' when there are seconds (old local mean time offsets have them)."""
    return f"{t:%H:%M:%S}" if t.second else f"{t:%H:%M}"


def offset_short(offset: timedelta) -> str:
    """'UTC+1', 'UTC+0', 'UTC-3:30': as a traveller reads it beside a time."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h}" + (f":{m:02d}" if m else "")


def offset_exact(offset: timedelta) -> str:
    """'UTC+01:00', 'UTC-03:30'; seconds shown only when there are some (old LMT offsets)."""
    total = int(offset.total_seconds())
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"UTC{sign}{hours:02d}:{minutes:02d}"
    return text + (f":{seconds:02d}" if seconds else "")


def zone_and_offset(local: datetime, zone: str) -> str:
    """'Europe/Lisbon, UTC+1': an aware local time's zone and the offset it is in."""
    return f"{zone}, {offset_short(local.utcoffset() or timedelta(0))}"


def clock_noted(local: datetime, zone: str, mission_zone: str, base: date | None = None,
                lang: str = "en") -> str:
    """'10:30'; '10:30 (Europe/Lisbon, UTC+1)' in another zone than the mission's; 'Tue 11
    May 07:30' when not on the day `base`."""
    text = clock(local)
    if base is not None and local.date() != base:
        text = f"{day_brief(local.date(), lang)} {text}"
    if zone != mission_zone:
        text += f" ({zone_and_offset(local, zone)})"
    return text


def span_noted(start: datetime, start_zone: str, end: datetime, end_zone: str,
               mission_zone: str, lang: str = "en") -> str:
    """'10:30 (Europe/Lisbon, UTC+1) – 11:30', 'Mon 10 May 22:00 – Tue 11 May 07:30'."""
    first = clock_noted(start, start_zone, mission_zone)
    last = clock_noted(end, end_zone, mission_zone, base=start.date(), lang=lang)
    return f"{first} – {last}"


# -- events, people, amounts --------------------------------------------------------------------


def event_ref(event: Event, detail: str = "") -> str:
    """"'Plant visit' (plant-visit)", or "'Plant visit' (plant-visit, <detail>)"."""
    return f"'{event.title}' ({event.id}{', ' + detail if detail else ''})"


def event_dated(event: Event) -> str:
    """"'Plant visit' (Tue 11 May 10:00–12:00)": its title and local times."""
    return f"'{event.title}' ({span_short(event.local_start(), event.local_end())})"


def event_span(event: Event, mission_zone: str) -> str:
    """'2027-05-11 10:00-12:00', with the zone when it is not the mission's, and both zones
    for an event (a travel leg) that ends in another zone than it starts."""
    start = event.start.astimezone(get_zone(event.zone))
    end = event.end.astimezone(get_zone(event.end_zone))
    if event.zone != event.end_zone:
        return (f"{start:%Y-%m-%d %H:%M} {event.zone} - "
                f"{end:%Y-%m-%d %H:%M} {event.end_zone}")
    tail = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    return f"{start:%Y-%m-%d %H:%M}-{tail}{zone_suffix(event.zone, mission_zone)}"


def minutes_text(delta: timedelta, *, round_up: bool = False, lang: str = "en") -> str:
    """4h30, 45m, 2h; seconds are dropped (or rounded up, for a time that is needed). In
    another language, CLDR's units: '4 h e 30 min'."""
    seconds = int(delta.total_seconds())
    minutes = -(-seconds // 60) if round_up else seconds // 60
    hours, mins = divmod(max(minutes, 0), 60)
    if lang != "en":
        from missionctl.i18n import cldr

        return cldr.duration(hours, mins, lang)
    if hours and mins:
        return f"{hours}h{mins:02d}"
    return f"{hours}h" if hours else f"{mins}m"


def and_list(words: list[str], lang: str = "en") -> str:
    """'a', 'a and b', 'a, b and c' ('a, b e c' in Portuguese)."""
    if lang != "en" and words:
        from missionctl.i18n import cldr

        return cldr.and_list(words, lang)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def people_text(mission: Mission, ids: Iterable[str], limit: int = 4) -> str:
    """'Ana Silva', 'Ana Silva and Rui Costa', 'A, B, C, D and 3 others' (by name)."""
    names = sorted(mission.people[p].name if p in mission.people else p for p in set(ids))
    if len(names) > limit:
        rest = len(names) - limit
        return f"{', '.join(names[:limit])} and {rest} other{'s' if rest > 1 else ''}"
    if len(names) > 1:
        return and_list(names)
    return names[0] if names else "nobody"


def org_name(mission: Mission, org_id: str) -> str:
    """An organisation's name, or its id when it has none."""
    org = mission.organisations.get(org_id)
    return org.name if org is not None else org_id
