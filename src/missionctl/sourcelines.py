"""Line n of a source text, numbered as libyaml numbers lines, for the lines a report shows.

A report shows the lines its findings point at: a few dozen of a 200,000-line mission, as a
rule. Cutting the whole text into lines to show them took a fiftieth of a 10k-event `check`
(200,000 strings made, kept and mapped page by page). So when a text's only line break is
"\\n", the usual case, a line is found from a count of the breaks in each block of the text
(one pass of `str.count`, in C) and the break positions of the blocks asked about; a text
with any other break is cut whole, as YAML cuts it (`split_lines`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, count
from operator import add

# YAML's line breaks (libyaml counts these when it numbers lines), not str.splitlines's.
_BREAKS = re.compile("\r\n|\r|\n|\x85|\u2028|\u2029")
#: Characters that are a line break for YAML or for str.splitlines, "\n" apart.
_OTHER_BREAKS = "\r\x85\u2028\u2029\v\f\x1c\x1d\x1e"


def split_lines(text: str) -> list[str]:
    """`text` cut at YAML's line breaks (`_BREAKS.split`), so that line n is libyaml's n.

    `str.splitlines` is several times faster than the regular expression on a whole mission
    and cuts at the same breaks, and at five more (\\v, \\f, \\x1c-\\x1e) that YAML reads
    as characters: it is used when the text has none of those. It also drops the empty line
    after a final break, which the split keeps.
    """
    if not text or any(ch in text for ch in "\v\f\x1c\x1d\x1e"):
        return _BREAKS.split(text)
    lines = text.splitlines()
    if text[-1] in "\r\n\x85\u2028\u2029":
        lines.append("")
    return lines


class Lines:
    """`line(n)`: line n (from 1) of `text`, as `split_lines(text)[n - 1]`, or None past the
    last. `block`: characters per block counted (smaller in tests, to cross their edges)."""

    __slots__ = ("_asked", "_block", "_breaks", "_ends", "_split", "_text")

    def __init__(self, text: str, block: int = 16384) -> None:
        self._text = text
        self._block = block
        self._split: list[str] | None = None
        self._ends: list[int] = []  # breaks in the blocks up to each one, included
        self._breaks: dict[int, list[int]] = {}  # block -> where its breaks are
        self._asked = 0
        if any(ch in text for ch in _OTHER_BREAKS):
            self._split = split_lines(text)
        else:
            self._ends = list(accumulate(
                text.count("\n", i, i + block) for i in range(0, len(text), block)))

    def line(self, number: int) -> str | None:
        if self._split is not None:
            return self._split[number - 1] if 0 < number <= len(self._split) else None
        text = self._text
        if not 0 < number <= (self._ends[-1] if self._ends else 0) + 1:
            return None
        self._asked += 1
        if self._asked > len(self._ends):
            # Asked about a line per block or more (a report of thousands of findings): cut
            # once, then each line is an index (finding it here is a bisect and a search).
            self._split = split_lines(text)
            return self._split[number - 1]
        start = 0 if number == 1 else self._after_break(number - 1)
        end = text.find("\n", start)
        return text[start:] if end < 0 else text[start:end]

    def _after_break(self, nth: int) -> int:
        """Where the text goes on after its `nth` "\\n" (from 1)."""
        k = bisect_left(self._ends, nth)  # the block that holds it
        breaks = self._breaks.get(k)
        if breaks is None:  # where each line of the block ends, plus one: its break's end
            start = k * self._block
            pieces = self._text[start:start + self._block].split("\n")
            pieces.pop()  # after the block's last break
            # the i-th (from 0) ends after the first i + 1 pieces and i + 1 breaks
            breaks = self._breaks[k] = list(map(add, accumulate(map(len, pieces)),
                                                count(start + 1)))
        return breaks[nth - (self._ends[k - 1] if k else 0) - 1]
