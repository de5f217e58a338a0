"""A small PDF writer over fpdf2: A4 or US Letter, the document's title on every page, page
numbers, embedded Noto fonts, and Arabic shaped by HarfBuzz. A leaf library: it knows
headings, paragraphs, label/value pairs and tables, not missions.

Why fpdf2: it is pure Python and installs from PyPI alone (WeasyPrint needs the system's
Pango); with uharfbuzz (a self-contained wheel) it shapes Arabic and orders mixed
right-to-left text (its own Unicode bidi algorithm). Both are imported only when a PDF is made.

Fonts: Noto Sans (Latin: Portuguese, French, English) with Noto Naskh Arabic as fallback,
bundled under `render/fonts/` (SIL OFL; see the README there). Shaping costs time, so it is
switched on only for text holding a script that needs it.

Deterministic: a fixed creation date, so the same input gives the same text and pages. The
document's creator is `missionctl`, which `outputs.py` reads to recognise a PDF it wrote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from missionctl.wording import clean

CREATOR = "missionctl"
FONT_DIR = Path(__file__).resolve().parents[1] / "render" / "fonts"
PAPERS = {"a4": "A4", "letter": "Letter"}
FONTS = {("Noto", ""): "NotoSans-Regular.ttf", ("Noto", "B"): "NotoSans-Bold.ttf",
         ("NotoArabic", ""): "NotoNaskhArabic-Regular.ttf",
         ("NotoArabic", "B"): "NotoNaskhArabic-Bold.ttf"}
FALLBACK = ["NotoArabic"]
_FIXED = datetime(2000, 1, 1, tzinfo=UTC)
# Hebrew, Arabic, Syriac, Thaana, N'Ko... and the Arabic presentation forms: text in these
# needs shaping and right-to-left ordering.
_COMPLEX = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
LINE = 5.2  # mm per line of body text


# Signs the bundled fonts do not have, written with ones they have (a missing glyph prints
# as an empty box).
_STAND_INS = str.maketrans({"→": "->", "←": "<-", "⚠": "(!)", "✓": "OK", "•": "·"})


def _text(text: str) -> str:
    """Text as the PDF shows it: control characters as \\xNN, stand-ins for missing signs."""
    return clean(text).translate(_STAND_INS)


def needs_shaping(text: str) -> bool:
    return _COMPLEX.search(text) is not None


# fpdf2 imports numpy (to read images faster) and cryptography (to encrypt and sign) whenever
# they are installed: 0.17 s of its 0.55 s import here, a tenth of a 10k-event contact sheet;
# and Pillow (images, bitmap colour fonts): another 0.012 s. Our PDFs have no image,
# encryption or signature and Noto has no bitmap glyphs, so fpdf2 is imported as if they
# were absent: None in sys.modules makes an import fail (Python's documented way), and fpdf2
# falls back as it does without them (saying so for Pillow: `_ABSENT`, silenced). One already
# imported is left alone; the entries go afterwards, so a later `import numpy` works.
_NOT_NEEDED = ("numpy", "cryptography", "PIL")
_ABSENT = "Pillow could not be imported"


def _fpdf() -> Any:
    import sys
    import warnings

    if "fpdf" in sys.modules:
        return sys.modules["fpdf"]
    blocked = [name for name in _NOT_NEEDED if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_ABSENT)
            import fpdf
    except ImportError:
        from missionctl.errors import UserError

        raise UserError("--format pdf needs the fpdf2 and uharfbuzz packages: "
                        "pip install fpdf2 uharfbuzz (or, in missionctl's clone, "
                        "pip install -e '.[pdf]')") from None
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return fpdf


def _weights(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[float]:
    """Column widths in proportion to their longest text (of the first rows), 6 to 40."""
    widest = [len(h) for h in header]
    for row in rows[:300]:
        for i, v in enumerate(row[:len(widest)]):
            widest[i] = max(widest[i], len(v))
    return [float(min(40, max(6, w))) for w in widest]


class Writer:
    """One PDF being written, top to bottom."""

    def __init__(self, title: str, paper: str = "a4", footer: str = "", rtl: bool = False
                 ) -> None:
        fpdf = _fpdf()
        import logging

        # fpdf2 logs each glyph the fonts lack (a CJK name, an emoji): a box is shown, and
        # nothing below the CLI may write to the terminal.
        logging.getLogger("fpdf").setLevel(logging.ERROR)
        writer = self

        class _Doc(fpdf.FPDF):  # type: ignore[misc,name-defined]
            def header(self) -> None:
                writer._running_head()

            def footer(self) -> None:
                writer._running_foot()

        self.title = _text(title)
        self.foot = _text(footer)
        self.doc = _Doc(format=PAPERS[paper], unit="mm")
        self.doc.set_auto_page_break(True, margin=16)
        self.doc.set_margins(15, 16, 15)
        for (family, style), name in FONTS.items():
            self.doc.add_font(family, style, str(FONT_DIR / name))
        self.doc.set_fallback_fonts(FALLBACK, exact_match=False)
        self._fallback = True
        # Characters below U+0250 (Latin and common signs: one script) both Noto Sans
        # weights have (see `_fallback_for`).
        cmaps = [self.doc.fonts[f"noto{style}"].cmap for style in ("", "B")]
        self._plain = frozenset(chr(c) for c in range(0x250) if all(c in m for m in cmaps))
        self.doc.set_creator(CREATOR)
        self.doc.set_producer(CREATOR)
        self.doc.set_title(self.title)
        self.doc.set_creation_date(_FIXED)
        self._shaping = (False, False)  # shaping on, direction auto
        # The paragraphs' base direction: a title in Arabic on an English page stays a run
        # inside a left-to-right line (`rtl` for a page in Arabic).
        self.rtl = rtl
        self.direction = "rtl" if rtl else "ltr"
        # Lines start at the right margin on a right-to-left page.
        self.align = "R" if rtl else "L"
        # Tables without shaping drawn by `pdftable` (False: fpdf2's `table()`, the tests'
        # reference).
        self.direct_tables = True
        self.doc.add_page()

    # --- running head and foot ------------------------------------------------------------

    def _running_head(self) -> None:
        d = self.doc
        fallback = self._fallback  # fpdf2 restores the font, not this (a table may need it)
        d.set_y(7)
        self._font(7.5, "", self.title)
        d.set_text_color(90, 90, 90)
        d.cell(0, 4, self.title, align=self.align)
        d.set_text_color(0, 0, 0)
        d.set_y(16)
        self._fallback_for(fallback)

    def _running_foot(self) -> None:
        """The mission's line at the start of the line (the right in Arabic), the page number
        at its end; the number is digits only, so it reads `3 / 10` either way."""
        d = self.doc
        fallback = self._fallback
        d.set_y(-11)
        self._font(7.5, "", self.foot)
        d.set_text_color(90, 90, 90)
        d.cell(0, 4, self.foot, align=self.align)
        d.set_x(d.l_margin)
        number = f"{d.page_no()} / {{nb}}"
        self._font(7.5, "", number, shaped=False)
        d.cell(0, 4, number, align="L" if self.rtl else "R")
        d.set_text_color(0, 0, 0)
        self._fallback_for(fallback)

    # --- text -----------------------------------------------------------------------------

    def _font(self, size: float, style: str, text: str, shaped: bool = True,
              auto: bool = False) -> None:
        """The font, and shaping where the text needs it: always on a right-to-left page,
        where even a Latin line is a paragraph whose base direction is right to left (its
        runs and neutrals ordered by the bidi algorithm); on another page only for text in a
        script that needs it (shaping costs time). `auto`: the paragraph takes the direction
        of its first letter (a value, like HTML's `dir="auto"`), so a French note on an
        Arabic page keeps its full stop at its end."""
        self._shape(shaped and (self.rtl or needs_shaping(text)), auto)
        self._fallback_for(not self._plain.issuperset(text))
        self.doc.set_font("Noto", style, size)

    def _fallback_for(self, on: bool) -> None:
        """The fallback font (Arabic) set, or not: with one set, fpdf2 looks every character
        of a cell up in the font, about half the time of a running head or heading. Text of
        plain Latin and common signs the font has (`_plain`) is written the same without:
        one run of one script, no character from another font."""
        if on != self._fallback:
            self.doc.set_fallback_fonts(FALLBACK if on else [], exact_match=False)
            self._fallback = on

    def _shape(self, on: bool, auto: bool = False) -> None:
        state = (on, auto and on)
        if state != self._shaping:
            direction = None if auto else self.direction
            self.doc.set_text_shaping(on, direction=direction if on else None)
            self._shaping = state

    def new_page(self) -> None:
        self.doc.add_page()

    def room(self, height: float) -> bool:
        """Whether `height` mm still fit on this page."""
        d = self.doc
        return bool(d.get_y() + height <= d.h - d.b_margin)

    def heading(self, text: str, level: int = 1) -> None:
        size = {0: 17, 1: 13.5, 2: 11}[level]
        text = _text(text)
        if not self.room(size * 1.6):
            self.new_page()
        self.doc.ln(1.5 if level else 0)
        self._font(size, "B", text, auto=True)
        self._lines(self.doc.w - self.doc.r_margin - self.doc.x, size * 0.5, text)
        self.doc.ln(1)

    def para(self, text: str, size: float = 9.5, bold: bool = False, indent: float = 0,
             auto: bool = True) -> None:
        """A paragraph, `indent` mm in from the side lines start at (the right in Arabic).
        `auto`: its direction is its first letter's (see `_font`); else the page's."""
        text = _text(text)
        if not text:
            return
        d = self.doc
        self._font(size, "B" if bold else "", text, auto=auto)
        d.set_x(d.l_margin + (0 if self.rtl else indent))
        self._lines(d.epw - indent, LINE * size / 9.5, text)

    def pairs(self, rows: Sequence[tuple[str, str]], indent: float = 27) -> None:
        """Label and value rows: the label in a column at the start of the line (the right
        in Arabic), the value wrapped beside it."""
        d = self.doc
        for label, value in rows:
            text = _text(value)
            y = d.get_y()
            self._font(8.5, "B", label)
            d.set_x(d.w - d.r_margin - indent if self.rtl else d.l_margin + 4)
            d.cell(indent - 4, LINE, _text(label), align=self.align)
            self._font(9, "", text, auto=True)
            d.set_xy(d.l_margin if self.rtl else d.l_margin + indent, y)
            self._lines(d.epw - indent, LINE, text)

    def _lines(self, width: float, height: float, text: str) -> None:
        """`text` in a column `width` mm wide, wrapped. Most values fit on one line: those
        are written as one cell, measured once, since fpdf2's line breaking measures the
        line again for each character it adds (quadratic in the line's length; 80% of the
        time of a 10k-event programme went there)."""
        d = self.doc
        if "\n" not in text and d.get_string_width(text) <= width - 2 * d.c_margin:
            d.cell(width, height, text, align=self.align, new_x="LMARGIN", new_y="NEXT")
        else:
            d.multi_cell(width, height, text, align=self.align, new_x="LMARGIN",
                         new_y="NEXT")

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float] | None = None) -> None:
        """A table whose header row repeats on every page it runs over. On a right-to-left
        page its columns are mirrored: the first (a meeting's time) is at the right."""
        cells = [[_text(v) for v in row] for row in rows]
        heads = [_text(h) for h in header]
        shape = any(needs_shaping(v) for row in cells for v in row) or \
            any(needs_shaping(h) for h in heads)
        cols = list(widths or _weights(heads, cells))
        if self.rtl:
            heads, cols = heads[::-1], cols[::-1]
            cells = [row[::-1] for row in cells]
        if not self.room(4 * 4.6 + 2):  # the header and a few rows, never a header alone
            self.new_page()
        self._font(8.5, "", "")
        self._fallback_for(True)  # for a cell with a character Noto Sans lacks
        self._shape(shape or self.rtl, auto=True)
        if self.direct_tables and not (shape or self.rtl):  # one text operator a cell
            from missionctl.export.pdftable import draw

            draw(self.doc, heads, cells, cols)
            self.doc.ln(2)
            return
        with self.doc.table(col_widths=tuple(cols), line_height=4.6,
                            text_align="RIGHT" if self.rtl else "LEFT", padding=1) as t:
            head = t.row()
            for h in heads:
                head.cell(h)
            for row in cells:
                r = t.row()
                for v in row:
                    r.cell(v)
        self.doc.ln(2)

    def box(self, x: float, y: float, w: float, h: float, lines: Sequence[tuple[str, float,
                                                                                 str]]) -> None:
        """A framed box (a badge) at (x, y): each line (text, size, style) centred in it."""
        d = self.doc
        d.set_draw_color(150, 150, 150)
        d.set_dash_pattern(dash=1.5, gap=1.5)
        d.rect(x, y, w, h)
        d.set_dash_pattern()
        total = sum(size * 0.55 + 1.5 for _t, size, _s in lines)
        d.set_xy(x, y + (h - total) / 2)
        for text, size, style in lines:
            text = _text(text)
            self._font(size, style, text)
            d.set_x(x + 4)
            d.multi_cell(w - 8, size * 0.55, text, align="C", new_x="LEFT", new_y="NEXT")
            d.ln(1.5)

    def output(self) -> bytes:
        return bytes(self.doc.output())
