"""The itinerary's day tables without rich, for plain text (no colour): the same lines.

Why (issue 10): rich measured, wrapped and padded every cell of every event through its
renderables (`Table`, `Group`, `Text`, segments): about 85 % of a 10k-event `itinerary
--format text`, 3.5x the time of loading the mission. Without colour the output is only
characters, so the grid is laid out here: fixed column widths computed once, each text
wrapped with rich's own `divide_line` and measured and padded with its `cell_len` and
`set_cell_size` (so wide characters take the cells they take in rich), the steps of
`rich.text.Text.wrap` kept in order. What this does not lay out (a tab, which rich expands; a
B2B session's meetings table) is drawn by rich, one event at a time. The tests compare the
two on the golden files and on random text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size

WHEN = 21  # the time column's width (`terminal._day_table`)
GAP = 2  # cells between the columns (the grid's padding)
_TRAILING = re.compile(r"\s+$")
# A tab (rich expands it), a control character (rich strips some), or a line separator that
# rich's measure splits on and its wrap does not: such a day is left to rich.
_ODD = re.compile("[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029]")


def wrap(text: str, width: int, overflow: str = "ellipsis") -> list[str]:
    """`text` in lines of at most `width` cells, as `rich.text.Text.wrap` cuts it: overflow
    "ellipsis" (a table cell's: a word too long for a line is cut, with "…") or "fold" (it
    goes on over the next lines); trailing blanks left in (the caller strips the line)."""
    out = []
    for line in text.split("\n"):
        # No character takes more than two cells: a line of at most half the width fits
        # without measuring it (measuring is per character when one is not ASCII or Latin),
        # nor does an ASCII line within the width (no ASCII character takes more than one).
        if 2 * len(line) <= width or (len(line) <= width and (
                line.isascii() or cell_len(line) <= width)):
            out.append(line)
            continue
        offsets = divide_line(line, width, fold=overflow == "fold")
        for start, end in zip([0, *offsets], [*offsets, len(line)], strict=True):
            out.append(_fit(line[start:end], width, overflow))
    return out


def _fit(piece: str, width: int, overflow: str) -> str:
    """`Text.rstrip_end` (blanks beyond the width go), then `Text.truncate`."""
    if len(piece) > width:
        blanks = _TRAILING.search(piece)
        if blanks is not None:
            piece = piece[: len(piece) - min(len(blanks.group(0)), len(piece) - width)]
    if (len(piece) <= width and piece.isascii()) or cell_len(piece) <= width:
        return piece
    if overflow == "ellipsis":
        return set_cell_size(piece, width - 1) + "…"
    return set_cell_size(piece, width)


def plain_text(texts: Iterable[str]) -> bool:
    """Whether these texts can be laid out here (no tab, no character rich strips)."""
    return not any(_ODD.search(t) for t in texts)


def row(when: list[str], what: list[str], width: int) -> list[str]:
    """One event's lines: the time column, the gap, the event column; top-aligned, each
    line's trailing blanks stripped (as `terminal.render` strips them without colour)."""
    left = [x for t in when for x in wrap(t, WHEN)]
    right = [x for t in what for x in wrap(t, width - WHEN - GAP)]
    pad = " " * (WHEN + GAP)
    out = []
    for i in range(max(len(left), len(right))):
        head = set_cell_size(left[i], WHEN) + " " * GAP if i < len(left) else pad
        out.append((head + right[i] if i < len(right) else head).rstrip())
    out.append("")  # the blank row after each event
    return out
