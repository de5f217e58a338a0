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


def _fpdf() -> Any:
    try:
        import fpdf
    except ImportError:
        from missionctl.errors import UserError

        raise UserError("--format pdf needs the fpdf2 and uharfbuzz packages: "
                        "pip install 'missionctl[pdf]'") from None
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
        self.doc.set_fallback_fonts(["NotoArabic"], exact_match=False)
        self.doc.set_creator(CREATOR)
        self.doc.set_producer(CREATOR)
        self.doc.set_title(self.title)
        self.doc.set_creation_date(_FIXED)
        self._shaping = False
        # The paragraphs' base direction: a title in Arabic on an English page stays a run
        # inside a left-to-right line (`rtl` for a page in Arabic).
        self.direction = "rtl" if rtl else "ltr"
        self.doc.add_page()

    # --- running head and foot ------------------------------------------------------------

    def _running_head(self) -> None:
        d = self.doc
        d.set_y(7)
        self._font(7.5, "", self.title)
        d.set_text_color(90, 90, 90)
        d.cell(0, 4, self.title, align="L")
        d.set_text_color(0, 0, 0)
        d.set_y(16)

    def _running_foot(self) -> None:
        d = self.doc
        d.set_y(-11)
        self._font(7.5, "", self.foot)
        d.set_text_color(90, 90, 90)
        d.cell(0, 4, self.foot, align="L")
        d.set_x(d.l_margin)
        self._font(7.5, "", "")
        d.cell(0, 4, f"{d.page_no()} / {{nb}}", align="R")
        d.set_text_color(0, 0, 0)

    # --- text -----------------------------------------------------------------------------

    def _font(self, size: float, style: str, text: str) -> None:
        shape = needs_shaping(text)
        self._shape(shape)
        self.doc.set_font("Noto", style, size)

    def _shape(self, on: bool) -> None:
        if on != self._shaping:
            self.doc.set_text_shaping(on, direction=self.direction if on else None)
            self._shaping = on

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
        self._font(size, "B", text)
        self.doc.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.doc.ln(1)

    def para(self, text: str, size: float = 9.5, bold: bool = False, indent: float = 0) -> None:
        text = _text(text)
        if not text:
            return
        self._font(size, "B" if bold else "", text)
        self.doc.set_x(self.doc.l_margin + indent)
        self.doc.multi_cell(0, LINE * size / 9.5, text, align="L", new_x="LMARGIN",
                            new_y="NEXT")

    def pairs(self, rows: Sequence[tuple[str, str]], indent: float = 27) -> None:
        """Label and value rows: the label in a left column, the value wrapped beside it."""
        d = self.doc
        for label, value in rows:
            text = _text(value)
            self._font(8.5, "B", label)
            d.set_x(d.l_margin + 4)
            d.cell(indent - 4, LINE, _text(label))
            self._font(9, "", text)
            d.multi_cell(0, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float] | None = None) -> None:
        """A table whose header row repeats on every page it runs over."""
        cells = [[_text(v) for v in row] for row in rows]
        shape = any(needs_shaping(v) for row in cells for v in row) or \
            any(needs_shaping(h) for h in header)
        self._font(8.5, "", "")
        self._shape(shape)
        with self.doc.table(col_widths=tuple(widths or _weights(header, cells)), line_height=4.6,
                            text_align="LEFT", padding=1) as t:
            head = t.row()
            for h in header:
                head.cell(_text(h))
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
