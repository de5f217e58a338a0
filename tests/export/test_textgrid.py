"""The plain-text day table (`export.textgrid`) gives rich's lines: compared with the same
grid drawn by rich, on random text (wide and zero-width characters, long words, blanks) and
random widths, and on whole itineraries of generated missions, character for character."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Group
from rich.table import Table
from rich.text import Text

from missionctl.export import textgrid
from missionctl.loader import load
from missionctl.render import terminal
from missionctl.views.itinerary import build
from missionctl.views.select import Selection

ROOT = Path(__file__).resolve().parents[2]

# Letters, blanks of several kinds, wide (CJK, emoji) and zero-width (combining) characters,
# punctuation: what moves rich's word wrapping and cell counting.
CHARS = st.sampled_from([*"aZé ,.-–→·", "  ", "\u00a0", "\u3000", "漢", "字", "😀", "\u0301",
                         "\u200b", "Ω", "x" * 30, "\n"])
TEXT = st.lists(CHARS, max_size=60).map("".join)


def by_rich(when: str, what: list[str], width: int) -> str:
    grid = Table.grid(padding=(0, 2), pad_edge=False)  # as terminal._day_table draws it
    grid.add_column(width=textgrid.WHEN, no_wrap=False)
    grid.add_column(ratio=1)
    grid.add_row(Text(when), Group(*(Text(t) for t in what)))
    grid.add_row("", "")
    return terminal.render(grid, width, False)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(when=TEXT, what=st.lists(TEXT, min_size=1, max_size=4),
       width=st.integers(min_value=40, max_value=130))
def test_a_row_is_laid_out_as_rich_lays_it_out(when: str, what: list[str], width: int) -> None:
    assume(textgrid.plain_text([when, *what]))
    assert "\n".join(textgrid.row([when], what, width)) + "\n" == by_rich(when, what, width)


@pytest.mark.parametrize("text", ["a\tb", "bell\x07", "cr\rlf", "line\u2028separator"])
def test_what_rich_treats_apart_is_left_to_rich(text: str) -> None:
    assert not textgrid.plain_text(["fine", text])


def _mission(events: int, seed: int) -> object:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    return generate.generate(events, seed=seed)[0]


@pytest.mark.parametrize("width", [40, 77, 100, 150])
def test_an_itinerary_without_colour_is_the_one_rich_draws(
        tmp_path: Path, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated mission (visits, meetings, B2B sessions with their meetings tables, flights
    across zones, long titles), with a tab, a wide title and a long word put in."""
    text = str(_mission(150, seed=width))
    text = text.replace("title: ", "title: 漢字 Übersee\u0301 ", 3).replace(
        "title: ", "title: \"Tab\\there\" #", 1).replace("title: ", "title: " + "w" * 90 + " ", 2)
    path = tmp_path / "mission.yaml"
    path.write_text(text, encoding="utf-8")
    mission = load(path, path.name).mission
    assert mission is not None
    it = build(mission, Selection(), {}, False)
    fast = terminal.itinerary(it, width)
    monkeypatch.setattr(terminal, "MIN_PLAIN", 10**6)  # everything drawn by rich
    assert fast == terminal.itinerary(it, width)
