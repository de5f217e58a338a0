"""Tables drawn directly (export/pdftable.py) against fpdf2's own `table()`: the same lines
in each cell as fpdf2's line breaking, and the same words at the same places on the same
pages (pdftotext -bbox) for the example missions' PDFs and random tables (Hypothesis)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missionctl import render
from missionctl.export import pdf as pdf_writer
from missionctl.export import pdftable
from missionctl.export.pdf import Writer
from missionctl.loader import load
from missionctl.missions import find_missions
from missionctl.model import Mission
from missionctl.views import contacts, sheets
from missionctl.views.select import Programme, Selection

ROOT = Path(__file__).resolve().parents[2]
MISSIONS = sorted(find_missions(ROOT / "missions")) if (ROOT / "missions").is_dir() else []
pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                               reason="poppler-utils not installed (pdftotext)")

# Latin words, long words, accents, punctuation, and a few signs Noto Sans lacks (CJK).
WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzÉéçãô@.-,()+0123456789漢"),
                min_size=1, max_size=45)
CELLS = st.lists(WORDS, max_size=5).map(" ".join)


def _writer() -> Writer:
    w = Writer("Table")
    w.doc.set_font("Noto", "", 8.5)
    return w


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(CELLS, st.floats(8, 80))
def test_lines_are_fpdf2s(text: str, width: float) -> None:
    w = _writer()
    layout = pdftable._Layout(w.doc, [width, 180 - width])
    mine = layout.lines(text, layout.widths[0], False)
    if mine is None:  # left to fpdf2: a sign the font lacks
        assert any(ord(c) not in w.doc.current_font.cmap for c in text)
        return
    theirs = w.doc.multi_cell(w=layout.widths[0], h=4.6, text=text, max_line_height=4.6,
                              padding=1, dry_run=True, output="LINES")
    assert mine == theirs


def _words(pdf: bytes) -> bytes:
    return subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True,
                          check=True, timeout=120).stdout


@contextmanager
def _fpdf2_tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every Writer made inside draws its tables with fpdf2's `table()`."""
    made = Writer.__init__

    def reference(self: Writer, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        self.direct_tables = False

    with monkeypatch.context() as m:
        m.setattr(pdf_writer.Writer, "__init__", reference)
        yield


def _same_words(make: Callable[[], bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    direct = make()
    with _fpdf2_tables(monkeypatch):
        reference = make()
    assert _words(direct) == _words(reference)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELLS, min_size=4, max_size=4), min_size=1, max_size=70),
       cols=st.lists(st.floats(6, 60), min_size=4, max_size=4))
@pdftotext
def test_random_tables_are_fpdf2s(rows: list[list[str]], cols: list[float],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def make() -> bytes:
        w = Writer("Tables")
        w.para("Before the table.")
        w.table(["Name", "Role", "Phone number", "Languages spoken"], rows, cols)
        w.para("After it.")
        return w.output()

    _same_words(make, monkeypatch)


def _pdf(out: str | bytes) -> bytes:
    assert isinstance(out, bytes)
    return out


def _outputs(m: Mission, lang: str) -> list[Callable[[], bytes]]:
    opts = render.Options(lang=lang)

    def contact_sheet() -> bytes:
        return _pdf(render.render("contacts", "pdf", contacts.build(m, lang=lang), opts))

    def itinerary() -> bytes:
        return _pdf(render.render("itinerary", "pdf", Programme(m, Selection(), {}), opts))

    def sheet(kind: str) -> Callable[[], bytes]:
        return lambda: _pdf(render.render("sheet", "pdf", sheets.build(m, kind, lang=lang),
                                          opts))

    return [contact_sheet, itinerary, *(sheet(k) for k in ("rooming", "dietary", "manifest"))]


@pdftotext
@pytest.mark.parametrize("lang", ["en", "fr", "pt"])
@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.parent.name)
def test_example_missions_are_fpdf2s(path: Path, lang: str,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    mission = load(path).mission
    assert mission is not None
    for make in _outputs(mission, lang):
        _same_words(make, monkeypatch)


# Cells with the characters a PDF string escapes: parentheses, a backslash.
ESCAPED = st.lists(st.text(st.sampled_from("ab(c)\\dé 12"), min_size=1, max_size=12),
                   max_size=4).map(" ".join)
HEADER = ["Name", "Role (here)", "Phone \\ fax", "Languages spoken"]


def _table_pdf(rows: list[list[str]], cols: list[float]) -> bytes:
    w = Writer("Tables")
    w.para("Before the table.")
    w.table(HEADER, rows, cols)
    w.para("After it.")
    return w.output()


def _through_fpdf2(self: pdftable._Page, kind: str, line: str,
                   theirs: Callable[[], None]) -> None:
    """`_Page._write` leaving every border and line of text to fpdf2's own call."""
    self.flush()
    theirs()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(st.one_of(CELLS, ESCAPED), min_size=4, max_size=4),
                     min_size=1, max_size=70),
       cols=st.lists(st.floats(6, 60), min_size=4, max_size=4))
def test_lines_written_directly_are_fpdf2s_bytes(rows: list[list[str]], cols: list[float],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[int] = []
    flush = pdftable._Page.flush

    def counted(self: pdftable._Page) -> None:
        written.append(len(self.out))
        flush(self)

    with monkeypatch.context() as m:
        m.setattr(pdftable._Page, "flush", counted)
        direct = _table_pdf(rows, cols)
    with monkeypatch.context() as m:
        m.setattr(pdftable._Page, "_write", _through_fpdf2)
        reference = _table_pdf(rows, cols)
    assert direct == reference
    # Every border but the first is written directly (4 a row, the header's included).
    assert sum(written) >= 4 * (len(rows) + 1) - 1


def test_an_fpdf2_writing_text_otherwise_keeps_its_own_calls(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first line of text is fpdf2's and differs from ours: the table's other lines go
    through `FPDF.text()` too (none is written directly)."""
    fpdf = pdf_writer._fpdf()
    rows = [[f"Person {i}", "Buyer", f"+351 21 000 {i:04}", "pt, en"] for i in range(20)]
    calls: list[str] = []
    text = fpdf.FPDF.text

    def other(self: object, x: float, y: float, text_: str = "") -> None:
        calls.append(text_)
        text(self, x, y + 1, text_)  # 1 mm lower: different bytes

    with monkeypatch.context() as m:
        m.setattr(fpdf.FPDF, "text", other)
        _table_pdf(rows, [30, 20, 30, 20])
    assert sorted(calls) == sorted([*HEADER, *(v for row in rows for v in row)])


def test_each_character_is_looked_up_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """A font's widths and codes are kept from one table to the next: each character is
    looked up once per font, however many tables (a contact sheet has hundreds)."""
    looked_up: list[tuple[str, int, str]] = []
    units, glyphs = pdftable._Units.__missing__, pdftable._Glyphs.__missing__

    def unit(self: pdftable._Units, char: str) -> float:
        looked_up.append(("width", id(self), char))
        return units(self, char)

    def glyph(self: pdftable._Glyphs, code: int) -> str:
        looked_up.append(("code", id(self), chr(code)))
        return glyphs(self, code)

    rows = [["Ana", "Buyer"], ["Rui", "Seller"]]
    with monkeypatch.context() as m:
        m.setattr(pdftable._Units, "__missing__", unit)
        m.setattr(pdftable._Glyphs, "__missing__", glyph)
        w = Writer("Tables")
        for _ in range(5):
            w.table(["Name", "Role"], rows, [30, 30])
    assert len(looked_up) == len(set(looked_up))
    widths = sorted(c for kind, _font, c in looked_up if kind == "width")
    # The body's characters in the regular font, the header's in the bold one.
    assert widths == sorted([*set("AnaBuyerRuiSeller"), *set("NameRole")])
    codes = {c for kind, _font, c in looked_up if kind == "code"}
    assert set("uyerSl") <= codes <= set("AnaBuyerRuiSellerNameRole")
