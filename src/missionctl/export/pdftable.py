"""Left-to-right tables without shaping, drawn with one text operator per cell.

Why not fpdf2's `FPDF.table()` here (issue 10): it lays out every cell twice through
`multi_cell` (once to measure the row, once to draw it), and fpdf2's line breaking measures
the line again for each character it adds: about 0.45 ms a cell, 90% of a 10k-event
`contacts --format pdf` (2,000 people, 10,000 cells). Nearly every cell is one line of text
in the body font, so this module measures it once from the font's glyph widths and writes it
with `FPDF.text()` (a few microseconds) at the place `table()` would have put it: the same
column widths, padding, vertical centring, borders, page breaks and repeated header row.
A cell that does not surely fit on one line (it would wrap, or holds a line break, a soft
hyphen, a blank at either end, or a character the font lacks) is laid out by fpdf2's own
`multi_cell`, with the arguments `table()` gives it, so its lines break exactly as before.

The borders and text lines are then written into the page as `FPDF.rect()` and `FPDF.text()`
write them (`_Page`), without their per-call checks and re-encoding: those calls were a
third of the time left (12,000 lines and 11,000 borders at 10k events). The bytes are
fpdf2's: each kind's first line is drawn by fpdf2 itself and compared, and any difference (a
later fpdf2) sends the rest of the table through fpdf2's calls.

`Writer.table` uses this only on a left-to-right page for text that needs no shaping;
Arabic, and any table with text in a script that needs shaping, still go through `table()`.
The tests hold the two to the same text and the same positions (pdftotext -bbox).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

__all__ = ["LINE_HEIGHT", "PADDING", "draw"]

LINE_HEIGHT = 4.6  # mm per line of a cell's text
PADDING = 1.0  # mm around a cell's text
_T = TypeVar("_T")
_TOLERANCE = 1e-9  # fpdf2's FloatTolerance: wider than this is too wide
# What `MultiLineBreak` treats specially (other spaces, no-break space, line and page breaks,
# soft hyphen): text holding one is left to fpdf2.
_ODD = re.compile("[\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u205f\u3000\n\f\r\t]")


class _Layout:
    """The table's geometry and fonts, and how each cell is drawn."""

    def __init__(self, doc: Any, cols: Sequence[float]) -> None:
        self.doc = doc
        width = float(doc.epw)
        total = sum(cols)
        self.widths = [c / total * width for c in cols]
        # The columns' left edges, summed as fpdf2 sums them (the same floats).
        xx = float(doc.l_margin)
        self.xs = [xx]
        for w in self.widths:
            xx += w
            self.xs.append(xx)
        self.size = float(doc.font_size_pt)
        self.fonts = {False: doc.fonts[doc.current_font.fontkey],
                      True: doc.fonts[doc.current_font.fontkey + "B"]}
        self.units = {bold: _cached(doc, font, _Units) for bold, font in self.fonts.items()}
        self.page = _Page(doc)

    def _multi_cell(self, w: float, text: str, dry_run: bool = False) -> Any:
        """`multi_cell` with the arguments `Table._render_table_cell` gives it."""
        return self.doc.multi_cell(w=w, h=LINE_HEIGHT, text=text, max_line_height=LINE_HEIGHT,
                                   border=0, align="L", new_x="RIGHT", new_y="TOP",
                                   fill=False, padding=PADDING, dry_run=dry_run,
                                   output="HEIGHT")

    def lines(self, text: str, w: float, bold: bool) -> list[str] | None:
        """`text` broken into the lines of a cell `w` mm wide as fpdf2's `MultiLineBreak`
        breaks plain text (module docstring); None for text this does not handle."""
        if text != text.strip() or "  " in text or _ODD.search(text):
            return None
        units = self.units[bold]
        total = sum(map(units.__getitem__, text))
        if total >= _LACKING:
            return None
        limit = w - PADDING - PADDING
        if total * self.size * 0.001 / self.doc.k < limit - 1e-6:
            return [text]  # the common case: one line, surely (else measured as fpdf2 does)
        return _broken(text, [units[c] for c in text], self.size, self.doc.k, limit)

    def heights(self, row: Sequence[str], bold: bool) -> _Row:
        """Each cell's lines (None: left to `multi_cell`) and height (0 when empty)."""
        cells, lines = [], []
        for text, w in zip(row, self.widths, strict=False):
            broken = self.lines(text, w, bold) if text else []
            lines.append(broken)
            if broken is None:
                cells.append(float(self._multi_cell(w, text, dry_run=True)))
            elif not broken:
                cells.append(0.0)
            else:  # summed as multi_cell sums them (the same float)
                total = 0.0
                for _ in broken:
                    total += LINE_HEIGHT
                cells.append(total + PADDING + PADDING)
        return _Row(row, cells, lines, max(cells, default=0.0) or LINE_HEIGHT)

    def draw_row(self, row: _Row, bold: bool) -> None:
        doc, page = self.doc, self.page
        y, height = float(doc.y), row.height
        lift = 0.5 * LINE_HEIGHT + 0.3 * doc.font_size  # to the baseline
        glyphs = page.glyphs(self.fonts[bold])
        for j, text in enumerate(row.texts):
            x, w = self.xs[j], self.widths[j]
            page.rect(x, y, w, height)
            lines = row.lines[j]
            if not text:
                continue
            top = y + (height - row.cells[j]) / 2
            if lines is None:
                page.flush()
                doc.set_xy(x, top)
                self._multi_cell(w, text)
                doc.set_y(y)
                continue
            at = top + PADDING
            for line in lines:
                page.text(x + PADDING, at + lift, line, glyphs)
                at += LINE_HEIGHT
        page.flush()
        doc.set_y(y)
        doc.ln(height)


# Far more than any cell's text can measure: the sum of a text's widths holding a character
# the font lacks.
_LACKING = 1 << 40


class _Units(dict[str, float]):
    """One font's character widths (font units, as `cw` has them), a character the font
    lacks counting `_LACKING`: looked up once per character, not once per occurrence."""

    def __init__(self, font: Any) -> None:
        super().__init__()
        self.cmap, self.cw = font.cmap, font.cw

    def __missing__(self, char: str) -> float:
        code = ord(char)
        width: float = self.cw[code] if code in self.cmap else _LACKING
        self[char] = width
        return width


class _Glyphs(dict[int, str]):
    """One font's characters as `FPDF.text()` writes them in a string (`TTFFont.encode_text`):
    the character's code in the font's subset, UTF-16BE, parentheses and backslashes
    escaped. A character's code is picked on its first sight, as fpdf2 would pick it (the
    subset numbers glyphs in the order they are first used)."""

    def __init__(self, font: Any) -> None:
        super().__init__()
        self.subset = font.subset

    def __missing__(self, code: int) -> str:
        picked = self.subset.pick(code)
        out = "" if picked is None else \
            chr(picked).encode("utf-16-be").decode("latin-1").translate(_ESCAPES)
        self[code] = out
        return out


_ESCAPES = str.maketrans({"\\": "\\\\", ")": "\\)", "(": "\\(", "\r": "\\r"})


# Each document's `_Units` and `_Glyphs` by font, kept from one table to the next (a contact
# sheet has hundreds) for as long as the document (the subset's codes are the document's).
_CACHES: WeakKeyDictionary[Any, dict[tuple[str, type], Any]] = WeakKeyDictionary()


def _cached(doc: Any, font: Any, make: type[_T]) -> _T:
    cache = _CACHES.setdefault(doc, {})
    key = (font.fontkey, make)
    found = cache.get(key)
    if found is None:
        found = cache[key] = make(font)  # type: ignore[call-arg]
    return found  # type: ignore[no-any-return]


class _Page:
    """Borders and lines of text written into the page's content stream as `FPDF.rect()`
    and `FPDF.text()` write them (module docstring), gathered a row at a time. Each kind's
    first is drawn by fpdf2 and its bytes compared with ours (`checked`); a difference
    leaves that kind to fpdf2 for the rest of the table."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.out: list[str] = []
        self.checked: dict[str, bool] = {}

    def glyphs(self, font: Any) -> _Glyphs | None:
        """The font's `_Glyphs`; None where `FPDF.text()` would do more than write the text
        (underline, a text colour, a symbol or colour font...)."""
        from fpdf.enums import TextMode

        doc = self.doc
        if font.is_symbol or font.color_font or doc.underline or doc.strikethrough or \
                doc.text_mode != TextMode.FILL or doc.fill_color != doc.text_color or \
                getattr(doc, "_record_text_quad_points", True):
            return None
        return _cached(doc, font, _Glyphs)

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        k = self.doc.k
        line = f"{x * k:.2f} {(self.doc.h - y) * k:.2f} {w * k:.2f} {-h * k:.2f} re S"
        self._write("rect", line, lambda: self.doc.rect(x, y, w, h))

    def text(self, x: float, y: float, text: str, glyphs: _Glyphs | None) -> None:
        doc = self.doc
        if glyphs is None or not doc.current_font_is_set_on_page:  # fpdf2 sets the font
            self.flush()
            doc.text(x, y, text)
            return
        k = doc.k
        line = f"BT {x * k:.2f} {(doc.h - y) * k:.2f} Td ({text.translate(glyphs)}) Tj ET"
        self._write("text", line, lambda: doc.text(x, y, text))

    def _write(self, kind: str, line: str, theirs: Callable[[], None]) -> None:
        ok = self.checked.get(kind)
        if ok:
            self.out.append(line)
            return
        self.flush()
        if ok is None:
            contents = self.doc.pages[self.doc.page].contents
            before = len(contents)
            theirs()
            self.checked[kind] = bytes(contents[before:]) == f"{line}\n".encode("latin-1")
        else:
            theirs()

    def flush(self) -> None:
        if self.out:
            self.doc._out("\n".join(self.out))
            self.out.clear()


def _broken(text: str, widths: Sequence[float], size: float, k: float, limit: float) -> list[str]:
    """`MultiLineBreak.get_line` for one run of plain text (single spaces, no line break or
    soft hyphen): a character that would pass `limit` ends the line at the last space
    before it (dropped), or, with no space, before it; a space that would pass it is
    dropped. Widths are summed in font units and scaled as fpdf2 scales them."""
    out, start, n = [], 0, len(text)
    while start < n:
        units: float = 0
        space, i = -1, start
        while i < n:
            ch = text[i]
            # fpdf2's floats: the line's width plus the character's, each (units * pt *
            # 0.001) / k, against the limit with its tolerance
            if (units * size * 0.001 / k) + (widths[i] * size * 0.001 / k) - limit \
                    > _TOLERANCE:
                break
            if ch == " ":
                space = i
            units += widths[i]
            i += 1
        if i == n:
            out.append(text[start:])
            break
        if text[i] == " ":
            out.append(text[start:i])
            start = i + 1
        elif space >= 0:
            out.append(text[start:space])
            start = space + 1
        elif i == start:
            raise ValueError("a cell too narrow for one character")  # fpdf2 raises too
        else:
            out.append(text[start:i])
            start = i
    return out


@dataclass(frozen=True, slots=True)
class _Row:
    texts: Sequence[str]
    cells: list[float]  # each cell's height, 0 when empty
    lines: list[list[str] | None]  # each cell's lines (None: drawn by `multi_cell`)
    height: float  # the row's


def draw(doc: Any, header: Sequence[str], rows: Sequence[Sequence[str]],
         cols: Sequence[float]) -> None:
    """The table at the current position, in the current (regular) font: the header row in
    its bold twin, repeated at the top of every page the table runs over."""
    layout = _Layout(doc, cols)
    regular = (doc.font_family, "", layout.size)
    doc.set_font(regular[0], "B", regular[2])
    head = layout.heights(header, True)
    doc.set_font(*regular)
    body = [layout.heights(row, False) for row in rows]

    def heading() -> None:
        doc.set_font(regular[0], "B", regular[2])
        layout.draw_row(head, True)
        doc.set_font(*regular)

    # The header never alone at the foot of a page.
    if body:
        _break_if_needed(doc, head.height + body[0].height)
    _break_if_needed(doc, head.height)
    heading()
    for row in body:
        if _break_if_needed(doc, row.height):
            heading()
        layout.draw_row(row, False)
    doc.x = doc.l_margin


def _break_if_needed(doc: Any, height: float) -> bool:
    """A new page when `height` mm do not fit on this one (x kept, as fpdf2 keeps it)."""
    if not doc.will_page_break(height):
        return False
    x = doc.x
    doc.add_page(same=True)
    doc.x = x
    return True
