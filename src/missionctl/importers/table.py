"""A spreadsheet as the importers see it: one sheet of rows, each cell with the coordinates
the person sees in their spreadsheet program (`sheet Inscrições, row 17, column E`).

Readers (`readers.py`, `csvread.py`) fill a `Sheet` with the cells' Python values as the
library gave them (text, numbers, dates); `text_of` turns a cell into the text a person typed,
so that a phone number Excel stored as the number 912345678.0 comes back as `912345678`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

#: A registration sheet of more rows than this is not one (and a crafted file cannot make a
#: reader walk Excel's whole grid).
MAX_ROWS = 200_000
#: Bytes read from a spreadsheet file at most.
MAX_BYTES = 64 * 1024 * 1024

#: A cell value as a reader gives it.
Value = Any

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")


@dataclass(slots=True)
class Sheet:
    """One sheet of a spreadsheet (a CSV file is one sheet without a name).

    `rows[i]` is the `i`-th row (row number `i + 1`), each a list of cell values, possibly
    shorter than the widest row. `notes` are what reading noticed and the person should know
    (the encoding a CSV file was read in, the delimiter).
    """

    source: str
    name: str | None
    rows: list[list[Value]]
    notes: list[str] = field(default_factory=list)

    def where(self, row: int, column: int | None = None) -> str:
        """`participants.xlsx, sheet Inscrições, row 17, column E` (1-based row, 0-based
        column)."""
        parts = [self.source]
        if self.name is not None:
            parts.append(f"sheet {self.name}")
        parts.append(f"row {row}")
        if column is not None:
            parts.append(f"column {letter(column)}")
        return ", ".join(parts)

    def cell(self, row: int, column: int) -> Value:
        """The value at 1-based `row`, 0-based `column` (None past the row's end)."""
        cells = self.rows[row - 1]
        return cells[column] if column < len(cells) else None


def letter(column: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column letters every spreadsheet program shows."""
    out = ""
    n = column + 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def column_index(letters: str) -> int | None:
    """'E' -> 4, 'aa' -> 26; None when `letters` is not a column name (at most 3 letters)."""
    if not re.fullmatch(r"[A-Za-z]{1,3}", letters):
        return None
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def text_of(value: Value) -> str:
    """A cell as the text a person typed in it: whole numbers without '.0', dates in ISO
    form (a date-time at midnight as the date alone: xlsx stores dates that way), runs of
    spaces (and non-breaking spaces) as one, control characters removed."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    elif isinstance(value, datetime):
        if value.time() == time(0, 0):  # a date cell: Excel's dates are midnight date-times
            text = value.date().isoformat()
        else:
            text = value.strftime("%Y-%m-%d %H:%M" if value.second == 0
                                  else "%Y-%m-%d %H:%M:%S")
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, time):
        text = value.strftime("%H:%M")
    else:
        text = str(value)
    return one_line(text)


def one_line(text: str) -> str:
    """`text` on one line: line breaks become '; ', spaces collapsed, ends trimmed."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text  # the common case, without the two substitutions
    if "\n" in text or "\r" in text:
        text = "; ".join(p.strip() for p in text.splitlines() if p.strip())
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def is_blank(cells: list[Value]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in cells)
