"""An ICS calendar -> items: icalendar parses, x-wr-timezone repairs Google's calendars that
give their zone only as `X-WR-TIMEZONE`, recurring-ical-events expands RRULE/RDATE with
EXDATE and RECURRENCE-ID exceptions (a moved or cancelled occurrence is the exception, not
the rule's occurrence). All three are well-kept libraries; none of this is done by hand.

Zones: an event's `TZID` is resolved by icalendar, which uses the IANA zone of that name (read
through zoneinfo from the pinned `tzdata` package once `missionctl.tz` is imported) or, for a
name that is not one (Outlook's "W. Europe Standard Time"), the zone the file's VTIMEZONE
describes. Either way an item carries an instant; `programme.py` converts it into the venue's
zone through `missionctl.tz`. A time without zone (floating) stays a wall time.

Identity: `UID`, plus the occurrence's `RECURRENCE-ID` (as a UTC instant or a date) for
events that belong to a series, so that re-importing updates each occurrence by UID.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from missionctl.errors import UserError
from missionctl.importers.items import Item, Source, kind_of, notes
from missionctl.importers.rows import Problem

STATUSES = {"CANCELLED": "cancelled", "TENTATIVE": "tentative"}


def read_ics(data: bytes, source: str, window: tuple[date, date]) -> Source:
    """The events of `data` overlapping the days `window` ([first, last], a day of margin
    each side: the exact cut is made in the venue's zone later)."""
    try:
        import icalendar
        import recurring_ical_events
        import x_wr_timezone
    except ImportError as exc:
        from missionctl.importers.readers import missing_library

        raise missing_library(exc.name or "recurring-ical-events") from None
    import missionctl.tz  # noqa: F401 - zoneinfo reads the pinned tzdata from now on

    try:  # icalendar raises ValueError (and others) on text it cannot read: outside input
        calendars = icalendar.Calendar.from_ical(_tidy_rules(data), multiple=True)
    except Exception as exc:  # see above
        raise UserError(f"{source} is not a readable ICS calendar ({_short(exc)})") from None
    out = Source(source, "ICS calendar")
    if not any(c.walk("VEVENT") for c in calendars):
        raise UserError(f"{source} is an ICS calendar with no events (no VEVENT) to import")
    for calendar in calendars:
        _read_calendar(calendar, out, window, icalendar, recurring_ical_events, x_wr_timezone)
    return out


def _read_calendar(calendar: Any, out: Source, window: tuple[date, date], icalendar: Any,
                   rie: Any, xwr: Any) -> None:
    if out.title is None and calendar.get("X-WR-CALNAME"):
        out.title = str(calendar.get("X-WR-CALNAME"))
    try:
        calendar = xwr.to_standard(calendar)
    except Exception as exc:  # a broken X-WR-TIMEZONE: keep the calendar as it is
        out.notes.append(f"X-WR-TIMEZONE could not be applied ({_short(exc)})")
    _drop_broken(calendar, out)
    series = {str(c.get("UID")) for c in calendar.walk("VEVENT")
              if c.get("RRULE") or c.get("RDATE") or c.get("RECURRENCE-ID")}
    span = (window[0] - timedelta(days=1), window[1] + timedelta(days=2))
    try:
        occurrences = rie.of(calendar).between(*span)
    except Exception:  # a series the library cannot expand: find it, keep the others
        occurrences = _each_series(calendar, out, span, icalendar, rie)
    seen: set[str] = set()
    for component in occurrences:
        seen.add(str(component.get("UID") or ""))
        item = _item(component, out, series)
        if item is not None:
            out.items.append(item)
    # events (or whole series) with no occurrence in the window: counted for the report
    out.outside += len({str(c.get("UID") or "") for c in calendar.walk("VEVENT")} - seen)


def _drop_broken(calendar: Any, out: Source) -> None:
    """Events holding a value icalendar could not read (its `errors`) are reported and left
    out before expansion; the others are imported."""
    kept = []
    for part in calendar.subcomponents:
        errors = getattr(part, "errors", None) if part.name == "VEVENT" else None
        if errors:
            title = " ".join(str(part.get("SUMMARY") or "").split()) or "(no title)"
            uid = str(part.get("UID") or "")
            what = "; ".join(f"{name}: {_short(Exception(why))}" for name, why in errors)
            out.problems.append(Problem(f"{out.name}, event '{title}'"
                                        + (f" (UID {uid})" if uid else ""),
                                        f"it cannot be read ({what}); not imported"))
        else:
            kept.append(part)
    calendar.subcomponents = kept


def _each_series(calendar: Any, out: Source, span: tuple[date, date], icalendar: Any,
                 rie: Any) -> list[Any]:
    """Occurrences UID by UID, so that one series that cannot be expanded is reported and
    skipped while the others are imported (each UID once: linear in the events)."""
    zones = list(calendar.walk("VTIMEZONE"))
    by_uid: dict[str, list[Any]] = {}
    for event in calendar.walk("VEVENT"):
        by_uid.setdefault(str(event.get("UID") or ""), []).append(event)
    found: list[Any] = []
    for uid, events in by_uid.items():
        single = icalendar.Calendar()
        for part in [*zones, *events]:
            single.add_component(part)
        try:
            found += rie.of(single).between(*span)
        except Exception as exc:  # this series only
            title = " ".join(str(events[0].get("SUMMARY") or "").split()) or "(no title)"
            out.problems.append(Problem(
                f"{out.name}, event '{title}' (UID {uid})",
                f"its recurrence cannot be expanded ({_short(exc)}); not imported"))
    return found


def _tidy_rules(data: bytes) -> bytes:
    """RRULE and EXRULE values without the spaces Microsoft CDO writes after commas
    (`BYDAY=MO, TU`): RFC 5545 has none there, and recurrence libraries refuse them. Lines are
    unfolded first (a fold may fall inside the rule); nothing else is touched."""
    import re

    unfolded = re.sub(rb"\r?\n[ \t]", b"", data)
    if not re.search(rb"(?im)^(?:RRULE|EXRULE)[;:][^\r\n]*, ", unfolded):
        return data
    return re.sub(rb"(?im)^((?:RRULE|EXRULE)[;:][^\r\n]*)$",
                  lambda m: m[1].replace(b", ", b","), unfolded)


def _item(c: Any, out: Source, series: set[str]) -> Item | None:
    uid = str(c.get("UID") or "")
    title = " ".join(str(c.get("SUMMARY") or "").split()) or "(no title)"
    where = f"{out.name}, event '{title}'" + (f" (UID {uid})" if uid else "")
    start = c.get("DTSTART")
    if start is None:
        out.problems.append(Problem(where, "it has no start (DTSTART); not imported"))
        return None
    begin = start.dt
    end = _end(c, begin)
    recurrence = None
    if uid in series and c.get("RECURRENCE-ID") is not None:
        recurrence = _stamp(c.get("RECURRENCE-ID").dt)
    if not uid:
        uid = f"no-uid:{title}:{_stamp(begin)}"
        note = f"event '{title}' has no UID; it is matched by title and start"
        if note not in out.notes:
            out.notes.append(note)
    categories = _categories(c)
    kind = kind_of(categories, title)
    fields: dict[str, Any] = {
        "key": uid, "recurrence": recurrence, "title": title, "kind": kind,
        "location": " ".join(str(c.get("LOCATION") or "").split()) or None,
        "status": STATUSES.get(str(c.get("STATUS") or "").upper()),
        "notes": notes(str(c.get("DESCRIPTION") or ""), url=_url(c)), "where": where,
    }
    if not isinstance(begin, datetime):  # an all-day event: dates, end exclusive
        last = end if isinstance(end, date) and not isinstance(end, datetime) else begin
        return Item(start=None, end=None, all_day=(begin, max(last, begin + timedelta(1))),
                    **fields)
    if isinstance(end, datetime) and (end.tzinfo is None) != (begin.tzinfo is None):
        out.problems.append(Problem(where, "its start and end disagree: one has a time zone, "
                                    "the other none; correct it in the calendar"))
        return None
    if not isinstance(end, datetime) or end <= begin:
        out.problems.append(Problem(where, f"it has no length (it ends when it starts, "
                                    f"{_stamp(begin)}); give it an end in the calendar"))
        return None
    return Item(start=begin, end=end, **fields)


def _end(c: Any, begin: Any) -> Any:
    if c.get("DTEND") is not None:
        return c.get("DTEND").dt
    if c.get("DURATION") is not None:
        return begin + c.get("DURATION").dt
    return begin + timedelta(days=1) if not isinstance(begin, datetime) else begin


def _categories(c: Any) -> str:
    value = c.get("CATEGORIES")
    if value is None:
        return ""
    groups = value if isinstance(value, list) else [value]
    words: list[str] = []
    for group in groups:
        cats = getattr(group, "cats", None)
        words += [str(x) for x in cats] if cats is not None else [str(group)]
    return " ".join(words)


def _url(c: Any) -> str | None:
    value = c.get("URL")
    return str(value) if value else None


def _stamp(value: Any) -> str:
    """An instant as UTC ISO text ('2027-05-10T08:00:00Z'), a floating time or a date as
    itself: the recurrence part of a key."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
