"""Worksheet rows of text written as XML directly, as openpyxl 3.1 writes them.

Why by hand (issue 10): openpyxl makes a cell object for every value, binds and checks it,
builds an element tree per cell and serialises it through et_xmlfile: about 35 µs a cell, two
thirds of a 10k-event `contacts --format xlsx` render under cProfile. For a grid that holds
only text (the contact sheet; any grid without dates, times or numbers), each cell is one
inline string of one style, so its XML is written here as a string. openpyxl still writes the
workbook, the header row, the styles and everything around `<sheetData>`; these rows are put
in before `</sheetData>` when the file is made (`export/xlsx.py`).

Byte for byte what openpyxl (with et_xmlfile, without lxml) writes for the same cells, which
the tests check against openpyxl itself on every example and on random text: an empty cell is
left out, a text cell is `<c r="B2" s="2" t="inlineStr"><is><t>...</t></is></c>` with `&`,
`<` and `>` escaped, and `xml:space="preserve"` on a text with a blank at either end.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

__all__ = ["only_text", "rows_xml"]


def only_text(rows: Sequence[Sequence[Any]], kinds: Sequence[str]) -> bool:
    """Whether every value of `rows` is written as text or left out (no date, time or
    number cell): then `rows_xml` can write them."""
    numbers = [k == "number" for k in kinds]
    for row in rows:
        for i, v in enumerate(row):
            if isinstance(v, date | time) or (
                    isinstance(v, int | float) and not isinstance(v, bool)
                    and i < len(numbers) and numbers[i]):
                return False
    return True


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _letters(n: int) -> str:
    """The column's letters: 1 -> A, 27 -> AA."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def rows_xml(rows: Sequence[Sequence[str | None]], first: int, style: int) -> str:
    """The `<row>` elements of `rows`, numbered from `first`, every cell of cell style
    `style`. Each value is the cell's text, already cleaned; None leaves the cell out, and ''
    is a styled cell whose text was all control characters (openpyxl writes it empty)."""
    width = max((len(r) for r in rows), default=0)
    columns = [_letters(i) for i in range(1, width + 1)]
    head = f' s="{style}" t="inlineStr"><is><t'
    out = []
    for n, row in enumerate(rows, start=first):
        cells = [f'<row r="{n}">']
        for col, text in zip(columns, row, strict=False):
            if text is None:
                continue
            if not text:
                cells.append(f'<c r="{col}{n}" s="{style}" t="inlineStr" />')
                continue
            stripped = text.strip()
            space = ' xml:space="preserve"' if stripped and stripped != text else ""
            cells.append(f'<c r="{col}{n}"{head}{space}>{_escape(text)}</t></is></c>')
        cells.append("</row>")
        out.append("".join(cells))
    return "".join(out)
