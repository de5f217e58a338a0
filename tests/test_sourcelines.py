"""`missionctl.sourcelines`: line n of a text as libyaml numbers it, found without cutting the
whole text when "\\n" is its only break."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missionctl.sourcelines import _BREAKS, Lines


def _expected(text: str, number: int) -> str | None:
    lines = _BREAKS.split(text)
    return lines[number - 1] if 0 < number <= len(lines) else None


@given(st.text(st.sampled_from("ab é\t\n"), max_size=80), st.integers(1, 9))
def test_line_n_is_yaml_line_n(text: str, block: int) -> None:
    # Small blocks: lines that cross a block's edge, blocks without a break, breaks at edges.
    lines = Lines(text, block)
    for number in range(-1, text.count("\n") + 4):
        assert lines.line(number) == _expected(text, number), number


@given(st.text(st.sampled_from("ab\n\r\x85\u2028\u2029\v\f\x1c\x1d\x1e"), max_size=40))
def test_any_other_break_cuts_the_text_as_yaml_does(text: str) -> None:
    lines = Lines(text, 4)
    for number in range(0, len(text) + 3):
        assert lines.line(number) == _expected(text, number), number


def test_a_large_text_is_not_cut_into_lines() -> None:
    # What keeps a report of a few findings cheap: only the blocks asked about are looked
    # at, and no list of every line is made (counted: the blocks whose breaks were found).
    text = "".join(f"e{i}: x\n" for i in range(200_000))
    lines = Lines(text)
    for number in (1, 77_777, 150_000, 200_000, 200_001):
        assert lines.line(number) == _expected(text, number)
    assert lines.line(200_002) is None
    assert lines._split is None
    assert len(lines._breaks) == 3  # line 1 needs none; the last two share a block


@pytest.mark.parametrize("text", ["", "\n", "only", "a\n\nb\n"])
def test_edges(text: str) -> None:
    lines = Lines(text)
    for number in range(0, 6):
        assert lines.line(number) == _expected(text, number)


def test_asked_about_many_lines_the_text_is_cut_once() -> None:
    text = "".join(f"e{i}: x\n" for i in range(1000))
    lines = Lines(text, 100)
    blocks = len(lines._ends)
    for number in range(1, blocks + 1):
        assert lines.line(number) == _expected(text, number)
        assert lines._split is None
    for number in range(blocks + 1, 1003):
        assert lines.line(number) == _expected(text, number)
    assert lines._split is not None
