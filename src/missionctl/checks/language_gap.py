"""MC107 language-gap: visitors and hosts share no language and no interpreter bridges them."""

from __future__ import annotations

from collections.abc import Iterable

from missionctl.checks import Check, Context
from missionctl.checks.support.index import live
from missionctl.findings import Finding
from missionctl.model import VISITOR_SIDES, Event, Mission, Ref
from missionctl.wording import event_ref, people_text

CODE = "MC107"

WHY = """\
A visit where the Portuguese delegates speak Portuguese and English and the Moroccan hosts
speak Arabic and French needs an interpreter, and it takes weeks to book one.

Who is who: the hosts are the people reached through the event's `hosts`, plus attendees whose
`side` is `host` (so B2B meetings, which have no `hosts`, are checked too); the visitors are
the other people taking part whose side is delegate, organiser, speaker or guest; the people in
`interpreters` bridge. A B2B meeting takes `interpreters:` too, and so does its session: the
session's interpreters serve every one of its meetings (they move between the tables, so they
are not booked into each meeting and parallel tables never double-book them). People without
`languages` are unknown and never cause a finding: the check only speaks when both sides have
someone with languages listed.

Without an event `language`: a finding when no language is spoken on both sides and no
interpreter speaks a language of each side. With an event `language`: the event is held in it,
so everyone (with languages listed) on either side must speak it or be bridged by an
interpreter who speaks it and one of their languages; the finding names who would be lost.

Where it points: at the event. Cancelled events are skipped."""

BAD = """\
people:
  ana-silva: {name: Ana Silva, languages: [pt, en]}
  karim-alaoui: {name: Karim Alaoui, side: host, languages: [ar, fr]}
events:
  plant-visit:
    kind: visit
    title: Plant visit
    start: 2027-05-11 10:00
    end: 12:00
    attendees: [ana-silva]
    hosts: [karim-alaoui]"""

FIX = ("Add an interpreter who speaks a language of each side (`interpreters:` on the event; "
       "for B2B meetings on the meeting, or on the session for all its tables), bring a "
       "colleague who speaks the hosts' language, or record the languages people do speak.")


def sides(mission: Mission, event: Event) -> tuple[list[str], list[str], list[str]]:
    """(visitors, hosts, interpreters) as person ids, sorted. A B2B meeting's interpreters
    are its own and its session's (who serve every table)."""
    interpreters = mission.expand(event.interpreters + _session_interpreters(mission, event))
    hosts = set(mission.expand(event.hosts))
    attendees = mission.expand(event.attendees)
    hosts |= {p for p in attendees if mission.people[p].side == "host"}
    visitors = {p for p in mission.taking_part.get(event.id, ())
                if mission.people[p].side in VISITOR_SIDES} - hosts - interpreters
    return sorted(visitors), sorted(hosts), sorted(interpreters)


def _session_interpreters(mission: Mission, event: Event) -> tuple[Ref, ...]:
    session = mission.b2b.get(event.b2b) if event.b2b is not None else None
    return session.interpreters if session is not None else ()


def run(mission: Mission, ctx: Context) -> Iterable[Finding]:
    people = mission.people
    host_side = {pid for pid, person in people.items() if person.side == "host"}
    spoken = {pid: frozenset(person.languages) for pid, person in people.items()
              if person.languages}
    # A team's events share one set of people (`taking_part` holds equal frozensets, whose
    # hash is kept): the languages they all speak are worked out once per set.
    commons: dict[frozenset[str], frozenset[str]] = {}
    for event in live(ctx):
        taking = mission.taking_part.get(event.id, frozenset())
        # Without `hosts`, the hosts are the attendees of the host side (all taking part):
        # when nobody taking part is, there is no host side to speak to.
        if not event.hosts and host_side.isdisjoint(taking):
            continue
        # A language that everyone taking part speaks (of those with languages) is shared by
        # the two sides; when it is the event's language too, nobody is lost.
        common = commons.get(taking)
        if common is None:
            common = commons[taking] = _spoken_by_all(taking, spoken)
        if common and (event.language is None or event.language in common):
            continue
        visitors, hosts, interpreters = sides(mission, event)
        known_v = [p for p in visitors if mission.people[p].languages]
        known_h = [p for p in hosts if mission.people[p].languages]
        if not known_v or not known_h:
            continue  # unknown languages never raise an alarm
        bridges = [set(mission.people[p].languages) for p in interpreters]
        if event.language:
            text = lost_in(mission, event, known_v + known_h, bridges)
        else:
            text = no_common(mission, event, known_v, known_h, bridges)
        if text:
            yield Finding(CODE, text, event.loc, subject=event.id)


def _spoken_by_all(ids: Iterable[str], spoken: dict[str, frozenset[str]]) -> frozenset[str]:
    sets = [spoken[p] for p in ids if p in spoken]
    return frozenset.intersection(*sets) if sets else frozenset()


def _spoken(mission: Mission, ids: list[str]) -> set[str]:
    return {lang for p in ids for lang in mission.people[p].languages}


def no_common(mission: Mission, event: Event, visitors: list[str], hosts: list[str],
              bridges: list[set[str]]) -> str | None:
    """Side against side: one shared language or one interpreter bridging them is enough."""
    v_langs, h_langs = _spoken(mission, visitors), _spoken(mission, hosts)
    if v_langs & h_langs or any(b & v_langs and b & h_langs for b in bridges):
        return None
    return (f"{event_ref(event)}: the visitors ({people_text(mission, visitors)}) speak "
            f"{_codes(v_langs)} and the hosts ({people_text(mission, hosts)}) speak "
            f"{_codes(h_langs)}, with no interpreter between them; add an interpreter who "
            f"speaks {_codes(h_langs)} and {_codes(v_langs)}")


def lost_in(mission: Mission, event: Event, people: list[str],
            bridges: list[set[str]]) -> str | None:
    """The event is held in its `language`: who neither speaks it nor has an interpreter."""
    lang = event.language or ""
    usable = [b for b in bridges if lang in b]
    lost = [p for p in people if lang not in mission.people[p].languages
            and not any(b & set(mission.people[p].languages) for b in usable)]
    if not lost:
        return None
    theirs = _codes(_spoken(mission, lost))
    return (f"{event_ref(event)} is held in {lang}, which {people_text(mission, lost)} "
            f"{'does' if len(lost) == 1 else 'do'} not speak ({theirs} listed) and no "
            f"interpreter bridges; add an interpreter who speaks {lang} and {theirs}, or "
            "change the event's language")


def _codes(langs: set[str]) -> str:
    return "/".join(sorted(langs))


RULE = Check(CODE, WHY, BAD, FIX, run)
