"""The plain-text day table (`export.textgrid`) gives rich's lines: compared with the same
grid drawn by rich on random text (wide and zero-width characters, long words, blanks) and
random widths, character for character (whole itineraries: tests/render/test_terminal_plain)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Group
from rich.table import Table
from rich.text import Text

from missionctl.export import textgrid
from missionctl.render import terminal

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
