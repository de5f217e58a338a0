"""MC407 unused-waiver: a `waive:` that waives nothing (like ruff's unused `noqa`).

A waiver says "we know, and it is fine". One that hides nothing is left over from a programme
that changed, or written where its rule never reports (`waive: {MC105: ...}` on an event can
never apply), and misleads the next reader.

Two cases, told apart in the message:

- **Wrong place.** The rule never reports about that place, so the waiver can never apply:
  MC105 (a person's long day) on an event, MC101 on a person, MC305 (a zone of the mission)
  on an event, a one-day waiver of MC402 (which is not about a day). Each rule declares where
  its findings point (`Check.places`); `checks.waive` reaches every rule. Known from the file
  alone, so reported whenever MC407 runs.
- **Nothing to waive.** The rule ran and found nothing that the waiver covers: no MC404 on a
  confirmed event, no long day on the date a person's waiver names, no MC303 anywhere for
  `checks.waive: {MC303: ...}`. Only said when that rule ran in this check (not switched off,
  not left out by `--select`/`--ignore`): a rule that did not run proves nothing.

The linter runs this rule after all the others (`Check.last`) and hands it which rules ran
and which waivers waived something (`Context.ran`, `Context.used`); every waiver that applies
to a finding counts as used, not only the one whose reason is shown. Waivers of MC407 itself
are not judged. Where it points: at the waived code's key (the day's key for one day).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from missionctl.checks import MISSION, Check, Context, registry
from missionctl.findings import Finding
from missionctl.model import Mission, Waiver
from missionctl.wording import and_list, day_iso

CODE = "MC407"


class Written(NamedTuple):
    """A waiver and the place it is written on: `kind` is "mission", "event" (an event or a
    B2B meeting), "session" or "person"; `words` names the place in a message."""

    waiver: Waiver
    kind: str
    words: str


def written(mission: Mission) -> Iterator[Written]:
    """Every waiver of the mission, where it is written."""
    for w in mission.checks.waivers:
        yield Written(w, "mission", "checks.waive")
    for event in mission.events.values():
        if event.b2b is None and event.waivers:  # a meeting's are its entry's and session's
            yield from (Written(w, "event", f"event '{event.id}'") for w in event.waivers)
    for session in mission.b2b.values():
        yield from (Written(w, "session", f"B2B session '{session.id}'")
                    for w in session.waivers)
        for mt in session.meetings:
            where = f"the {mt.at_text} meeting at table {mt.table} of '{session.id}'"
            yield from (Written(w, "event", where) for w in mt.waivers)
    for person in mission.people.values():
        yield from (Written(w, "person", person.name) for w in person.waivers)


PLACES = {"event": "an event", "session": "a B2B session", "person": "a person",
          "mission": "the mission"}
MOVE = {"event": "move it to the event it is about (events.<id>.waive)",
        "session": "move it to the B2B session (b2b.<id>.waive)",
        "person": "move it to the person (people.<id>.waive)",
        "mission": "move it to checks.waive"}


def misplaced(places: frozenset[str], w: Written) -> bool:
    if w.kind == "mission":
        return False
    if w.kind == "session":
        return not places & {"event", "session"}
    if w.kind == "person" and w.waiver.day is not None:
        return "day" not in places
    return w.kind not in places


def run(mission: Mission, ctx: Context) -> Iterator[Finding]:
    rules = registry()
    for w in written(mission):
        code = w.waiver.code
        rule = rules.get(code)
        if rule is None or code == CODE:
            continue
        if misplaced(rule.places, w):
            yield Finding(CODE, wrong_place(w, rule.places), w.waiver.loc)
        elif ctx.ran is not None and ctx.used is not None and code in ctx.ran \
                and w.waiver not in ctx.used:
            yield Finding(CODE, nothing_to_waive(w), w.waiver.loc)


def _what(w: Written) -> str:
    code, day = w.waiver.code, w.waiver.day
    if w.kind == "mission":
        return f"checks.waive of {code}"
    return f"the waiver of {code} on {w.words}" + (f" for {day_iso(day)}" if day else "")


def wrong_place(w: Written, places: frozenset[str]) -> str:
    code = w.waiver.code
    if w.kind == "person" and w.waiver.day is not None and "person" in places:
        return (f"{_what(w)} waives nothing: {code} is not about a day; waive it for "
                f"{w.words} as a whole ({code}: \"reason\")")
    about = and_list([PLACES[p] for p in ("event", "session", "person", "mission")
                      if p in places])
    move = MOVE["mission" if places == MISSION else next(
        p for p in ("event", "session", "person", "mission") if p in places)]
    return (f"{_what(w)} waives nothing: {code} reports about {about}, never about "
            f"{PLACES[w.kind]}; {move}, or remove it")


def nothing_to_waive(w: Written) -> str:
    code = w.waiver.code
    if w.kind == "mission":
        return f"{_what(w)} waives nothing: {code} found nothing in this mission; remove it"
    if w.waiver.day is not None:
        return (f"{_what(w)} waives nothing: {code} found nothing about them that day; "
                "remove it, or check the date")
    there = "about them" if w.kind == "person" else "there"
    return f"{_what(w)} waives nothing: {code} found nothing {there}; remove it"


WHY = __doc__.split("\n\n", 1)[1].strip() if __doc__ else ""

BAD = """\
people:
  ana-silva: {name: Ana Silva, email: ana@example.org}
events:
  arrival:
    kind: travel
    title: Flight to Casablanca
    start: 2027-05-10 06:00
    end: 09:00
    attendees: [ana-silva]
    waive: {MC105: arrival day}     # MC105 is about a person's day, never an event"""

FIX = ("Remove the waiver, or move it to the place its rule reports about: a person's rules "
       "(MC105, MC106, MC402, MC406) on the person, for one day if need be "
       "(`waive: {MC105: {2027-05-10: \"arrival day\"}}`); an event's rules on the event; "
       "any rule for the whole mission in `checks.waive`.")

RULE = Check(CODE, WHY, BAD, FIX, run, MISSION, last=True)
