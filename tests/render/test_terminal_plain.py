"""The itinerary and the timeline without colour (`render.terminal_plain`) are the text rich
draws (`render.terminal`), character for character, on generated missions: visits, meetings,
B2B sessions with their meetings tables, flights across zones, with a tab, wide characters, a
combining accent and words longer than a line put in, at several widths."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from missionctl import render
from missionctl.loader import load
from missionctl.model import Mission
from missionctl.render import terminal, terminal_plain
from missionctl.views import itinerary, timeline
from missionctl.views.select import Programme, Selection

ROOT = Path(__file__).resolve().parents[2]


def _mission(tmp_path: Path, events: int, seed: int) -> Mission:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    text = generate.generate(events, seed=seed)[0]
    text = text.replace("title: ", "title: 漢字 Übersee\u0301 ", 3).replace(
        "title: ", "title: \"Tab\\there\" #", 1).replace("title: ", "title: " + "w" * 90 + " ", 2)
    path = tmp_path / "mission.yaml"
    path.write_text(text, encoding="utf-8")
    mission = load(path, path.name).mission
    assert mission is not None
    return mission


@pytest.mark.parametrize("width", [40, 77, 100, 150])
def test_the_itinerary_is_the_one_rich_draws(tmp_path: Path, width: int) -> None:
    mission = _mission(tmp_path, 150, seed=width)
    it = itinerary.build(mission, Selection(), {}, False)
    assert terminal_plain.itinerary(it, width) == terminal.itinerary(it, width)


@pytest.mark.parametrize("width", [40, 77, 100, 150])
def test_the_timeline_is_the_one_rich_draws(tmp_path: Path, width: int) -> None:
    mission = _mission(tmp_path, 150, seed=width)
    tl = timeline.build(mission, Selection(), {})
    assert terminal_plain.timeline(tl, width) == terminal.timeline(tl, width)


@pytest.mark.parametrize("lang, stay", [("pt", "(alojamento)"), ("fr", None), ("ar", None)])
def test_the_timeline_in_another_language_is_the_one_rich_draws(
        tmp_path: Path, lang: str, stay: str | None) -> None:
    """The legend's kinds ("(stay)") and the itinerary's "label: value" (French: a narrow
    no-break space before the colon) on both paths (a merge once left the plain path in
    English)."""
    pytest.importorskip("babel")
    path = ROOT / "missions" / "produtech-morocco-2027" / "mission.yaml"
    mission = load(path, path.name).mission
    assert mission is not None
    tl = timeline.build(mission, Selection(), {}, lang=lang)
    plain = terminal_plain.timeline(tl, 100)
    assert plain == terminal.timeline(tl, 100)
    it = itinerary.build(mission, Selection(), {}, False, lang=lang)
    assert terminal_plain.itinerary(it, 100) == terminal.itinerary(it, 100)
    assert "(stay)" not in plain
    if stay is not None:
        assert stay in plain


def test_colour_and_narrow_widths_are_drawn_by_rich(tmp_path: Path) -> None:
    mission = _mission(tmp_path, 60, seed=3)
    p = Programme(mission, Selection())
    coloured = render.render("itinerary", "text", p, render.Options(color=True))
    assert "\x1b[" in coloured
    it = itinerary.build(mission, Selection(), {}, False)
    assert coloured == terminal.itinerary(it, 100, True)
    assert render.render("timeline", "text", p, render.Options(width=30)) == terminal.timeline(
        timeline.build(mission, Selection(), {}), 30)


@pytest.mark.parametrize("width", [40, 77, 100, 150])
def test_the_contact_sheet_without_colour_is_the_one_rich_draws(tmp_path: Path,
                                                                 width: int) -> None:
    """`terminal.plain_contacts` (the contacts' text without colour, in render.terminal)."""
    from missionctl.views import contacts

    mission = _mission(tmp_path, 150, seed=width)
    people = mission.people
    odd = dict(people)
    for i, (pid, p) in enumerate(list(people.items())[:4]):  # a tab, wide text, long words
        odd[pid] = p._replace(name=["Tab\there", "漢字 Übersee\u0301", "w" * 120, "a  b"][i],
                              role="r " * 60)
    for m in (mission, mission._replace(people=odd)):
        sheet = contacts.build(m)
        assert terminal.plain_contacts(sheet, width) == terminal.contacts(sheet, width)
