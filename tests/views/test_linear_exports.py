"""Every export does work in proportion to the mission: counted, never timed.

The benchmark generator writes two missions, one with four times the events of the other
(people, groups and organisations grow with them; the people taking part in each event grow a
little faster, so outputs that list them grow faster than the mission). Each export of each is
run under a tracer that counts the work missionctl does: every line of it run (so a loop
inside a comprehension counts once per turn) and every call of its functions; libraries are
left out, their share grows with what they are given. The work must grow like the mission or
like the output, whichever grew more; a path that tests every event for every person (or
every group for every event) grows like their product. The last tests put such paths back
and check that the count catches them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import missionctl
from bench import generator
from missionctl import render
from missionctl.loader import load
from missionctl.model import Mission
from missionctl.render import ics
from missionctl.views import contacts, memo, people, select
from missionctl.views.localise import default_lang
from missionctl.views.select import Programme, Selection, per_person

OURS = str(Path(missionctl.__file__).resolve().parent)
SMALL, LARGE = 200, 800  # events
SLACK = 1.35  # work ratio allowed over the size ratio (longer names, more days, sorting)


def size(m: Mission) -> int:
    return len(m.events) + len(m.people) + len(m.groups) + len(m.organisations)


@pytest.fixture(scope="module")
def missions(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Mission]:
    generate = generator().generate
    out = {}
    for n in (SMALL, LARGE):
        path = tmp_path_factory.mktemp("linear") / f"mission-{n}.yaml"
        path.write_text(generate(n)[0], encoding="utf-8")
        loaded = load(path, path.name)
        assert loaded.mission is not None, f"the generated {n}-event mission does not load"
        out[n] = loaded.mission
    return out


def work(job: Callable[[], object]) -> int:
    """Lines of missionctl run (and its functions called) while `job` runs."""
    count = 0

    def in_ours(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return in_ours

    def anywhere(frame: FrameType, event: str, arg: Any) -> Any:
        return in_ours(frame, event, arg) if frame.f_code.co_filename.startswith(OURS) else None

    sys.settrace(anywhere)
    try:
        job()
    finally:
        sys.settrace(None)
    return count


def _itinerary(view: str, fmt: str) -> Callable[[Mission], object]:
    return lambda m: render.render(view, fmt, Programme(m, Selection()), render.Options())


def _per_person(fmt: str) -> Callable[[Mission], object]:
    """What `itinerary --per-person DIR --format FMT` renders (cli.views._per_person)."""
    def run(m: Mission) -> object:
        whole = Programme(m, Selection())
        return [render.render("itinerary", fmt, replace(whole, selection=Selection(person=pid)),
                              render.Options())
                for pid in per_person(m, Selection())]
    return run


def _per_person_own_language(m: Mission) -> object:
    """`itinerary --per-person DIR --format ics` as the command writes it: each person in
    their own language (`views.localise.default_lang`), so the files alternate between the
    mission's localised copies."""
    whole = Programme(m, Selection())
    return [render.render("itinerary", "ics", replace(whole, selection=Selection(person=pid)),
                          render.Options(lang=default_lang(m, pid)))
            for pid in per_person(m, Selection())]


def _contacts(fmt: str) -> Callable[[Mission], object]:
    return lambda m: render.render("contacts", fmt, contacts.build(m), render.Options())


EXPORTS: dict[str, Callable[[Mission], object]] = {
    **{f"itinerary {f}": _itinerary("itinerary", f)
       for f in ("ics", "json", "csv", "html", "markdown", "text")},
    **{f"timeline {f}": _itinerary("timeline", f) for f in ("html", "text", "markdown")},
    "per-person ics": _per_person("ics"),
    "per-person json": _per_person("json"),
    "per-person ics, own languages": _per_person_own_language,
    "ics person_calendars": lambda m: ics.person_calendars(
        m, select.select_events(m, Selection()), per_person(m, Selection())),
    **{f"contacts {f}": _contacts(f) for f in ("json", "vcf", "text", "html", "csv", "markdown")},
}


@pytest.mark.parametrize("name", list(EXPORTS))
def test_export_work_grows_with_the_mission_not_faster(
        name: str, missions: dict[int, Mission]) -> None:
    ratio, grown = _ratios(EXPORTS[name], missions)
    assert ratio <= SLACK * grown, f"{name}: {grown:.1f}x the mission cost {ratio:.1f}x the work"


def _ratios(export: Callable[[Mission], object], missions: dict[int, Mission]
            ) -> tuple[float, float]:
    """(work ratio, growth) from the small mission to the large one; the growth is that of
    the mission or of the output, whichever grew more (a calendar per person repeats each
    event's attendees in every attendee's file: its output grows faster than the mission)."""
    counts, outputs = [], []
    for n in (SMALL, LARGE):
        out: list[object] = []
        counts.append(work(partial(_keep, export, missions[n], out)))
        outputs.append(_length(out[0]))
    grown = max(size(missions[LARGE]) / size(missions[SMALL]), outputs[1] / outputs[0])
    return counts[1] / counts[0], grown


def _keep(export: Callable[[Mission], object], mission: Mission, out: list[object]) -> None:
    out.append(export(mission))


def _length(output: object) -> int:
    if isinstance(output, str | bytes):
        return len(output)
    if isinstance(output, dict):
        return _length(list(output.values()))
    assert isinstance(output, list)
    return sum(map(_length, output))


@pytest.mark.parametrize("name", ["itinerary ics", "itinerary json", "per-person json"])
def test_the_count_catches_the_person_order_rebuilt_for_every_event(
        name: str, missions: dict[int, Mission], monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10's quadratic path put back: the people's index built anew on every call (it
    was the whole {person: position} map, about five times per event)."""
    build = people._index

    def every_time(mission: Mission) -> Any:
        people.INDEXES.clear()
        return build(mission)

    monkeypatch.setattr(people, "_index", every_time)
    ratio, grown = _ratios(EXPORTS[name], missions)
    assert ratio > SLACK * grown


def test_one_persons_events_are_found_without_testing_every_event(
        missions: dict[int, Mission], monkeypatch: pytest.MonkeyPatch) -> None:
    """`--per-person` selects once per person: each selection tests only that person's events
    (it tested every event of the mission: people x events)."""
    tested = 0
    test = select.wanted

    def counted(mission: Mission, sel: Selection, event: Any) -> bool:
        nonlocal tested
        tested += 1
        return test(mission, sel, event)

    monkeypatch.setattr(select, "wanted", counted)
    m = missions[LARGE]
    for pid in per_person(m, Selection()):
        tested = 0
        select.select_events(m, Selection(person=pid))
        assert tested == sum(pid in who for who in m.taking_part.values())


def _builds(m: Mission) -> tuple[int, int]:
    """How many times `--per-person` in each person's language indexed the people's events
    and the people's order."""
    select.EVENTS_OF.clear()
    people.INDEXES.clear()
    before = select.EVENTS_OF.built, people.INDEXES.built
    _per_person_own_language(m)
    return select.EVENTS_OF.built - before[0], people.INDEXES.built - before[1]


def test_each_language_copy_of_the_mission_is_indexed_once(
        missions: dict[int, Mission]) -> None:
    """`--per-person` in each person's own language: the people's events and their order are
    indexed once per localised copy of the mission, not once per person (a one-entry cache
    alternating between the Portuguese and the Arabic copy rebuilt them whenever the language
    changed from one person to the next: at 10k events, O(people x events) again)."""
    m = missions[LARGE]
    langs = {default_lang(m, pid) for pid in per_person(m, Selection())}
    assert len(langs) >= 2, "the generated mission should need two languages"
    events_built, people_built = _builds(m)
    assert events_built <= len(langs)
    assert people_built <= len(langs)


def test_the_count_catches_an_index_rebuilt_when_the_language_changes(
        missions: dict[int, Mission], monkeypatch: pytest.MonkeyPatch) -> None:
    """The one-entry cache put back: the count of builds says so."""
    monkeypatch.setattr(select, "EVENTS_OF", memo.ByIdentity(keep=1))
    m = missions[LARGE]
    langs = {default_lang(m, pid) for pid in per_person(m, Selection())}
    assert _builds(m)[0] > 2 * len(langs)


def test_each_language_copy_keeps_its_own_answers(missions: dict[int, Mission]) -> None:
    """The people's answers (`people.memo`: contacts, labels, attendees) are made once per
    localised copy too, not again at each change of language."""
    m = missions[LARGE]
    langs = {default_lang(m, pid) for pid in per_person(m, Selection())}
    people.MEMOS.clear()
    before = people.MEMOS.built
    _per_person_own_language(m)
    assert people.MEMOS.built - before <= len(langs)
