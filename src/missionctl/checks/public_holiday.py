"""MC301 public-holiday: an event on a public holiday of its venue's country.

Holidays come from `public_holidays(country, year)` (the user's override, else the embedded
python-holidays calendar: docs/local-practice.md), asked once per country and year. Every
local day the event touches counts (an event ending at 00:00 does not touch the next day);
one finding per event names every holiday it touches. Holidays whose date is estimated
(Islamic holidays fixed by the sighting of the moon) say "(estimated date)".

Where the contract is silent:

- Checked: every non-travel event except `stay` and `free`. A hotel night or free time on a
  holiday is no problem (it may even be the point); meals, receptions and briefings are
  checked, because a host's restaurant or office may be closed too.
- A broken override file (`OverrideError`) stops the check with a user error naming the file
  (exit code 2), rather than checking against dates the user did not choose.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, cast

from missionctl.checks import Check, Context
from missionctl.checks.support.calendar import (
    country_name,
    local_dated,
    local_events,
    practice_of,
    waive_hint,
)
from missionctl.errors import UserError
from missionctl.findings import Finding
from missionctl.model import Mission
from missionctl.wording import and_list, day_iso

if TYPE_CHECKING:
    from missionctl.practice.holidays import Holiday

CODE = "MC301"

Calendar = dict[date, list["Holiday"]]


def calendar(ctx: Context, country: str, year: int) -> Calendar:
    """The holidays of `country` in `year` by date, looked up once per run."""
    table = cast(dict[tuple[str, int], Calendar], ctx.memo("calendar.holidays", dict))
    key = (country, year)
    found = table.get(key)
    if found is None:
        from missionctl.practice.holidays import OverrideError, public_holidays

        try:
            listed = public_holidays(country, year)
        except OverrideError as exc:
            raise UserError(
                f"the holiday override {exc.path} cannot be used ({exc.reason}); correct it, "
                f"delete it to use the built-in calendar, or refresh it with `missionctl "
                f"holidays {country} {year} --source URL`"
            ) from None
        found = {}
        for holiday in listed:
            found.setdefault(holiday.date, []).append(holiday)
        table[key] = found
    return found


def _words(holiday: Holiday) -> str:
    text = f"{holiday.name} on {day_iso(holiday.date)}"
    return text + " (estimated date)" if holiday.estimated else text


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    calendars: dict[tuple[str, int], Calendar] = {}  # this run's look-ups, without ctx.memo
    for le in local_events(ctx):
        hit: list[Holiday] = []
        for day, _, _ in le.pieces:
            key = (le.country, day.year)
            cal = calendars.get(key)
            if cal is None:
                cal = calendars[key] = calendar(ctx, *key)
            if day in cal:
                hit.extend(cal[day])
        if not hit:
            continue
        names = [_words(h) for h in hit]
        listed = and_list(names)
        plural = "public holidays" if len(hit) > 1 else "a public holiday"
        message = (f"{local_dated(le, mission)} falls on {listed}, {plural} in "
                   f"{country_name(practice_of(ctx, le.country))}; move it to a working day, "
                   f"{waive_hint(CODE)} if the host confirmed")
        if any(h.estimated for h in hit):
            message += (". Estimated dates follow the sighting of the moon and can move by a "
                        "day: check the official announcement")
        yield Finding(CODE, message, le.event.loc, subject=le.event.id)


RULE = Check(
    code=CODE,
    why=(
        "On a public holiday offices, ministries and most plants are closed and hosts are "
        "with their families. Holidays are those of the venue's country (else the mission's "
        "`host_country`), on the venue's local dates. Islamic holidays follow the sighting of "
        "the moon: until announced their dates are estimates that can move by a day, and the "
        "message says \"(estimated date)\". Travel, hotel stays and free time are not checked; "
        "cancelled events are ignored."
    ),
    bad=(
        "events:\n"
        "  plant-visit:\n"
        "    kind: visit\n"
        "    title: Atlas Auto plant tour\n"
        "    start: 2027-05-17 10:00     # Eid al-Adha in Morocco (estimated)\n"
        "    end: 12:00"
    ),
    fix="Move the event to a working day (for an estimated date, avoid the days either side "
        "too), record the official dates with `missionctl holidays CC YEAR --source URL`, or "
        "waive it on the event when the host confirmed (`waive: {MC301: \"host confirmed\"}`).",
    run=run,
)
