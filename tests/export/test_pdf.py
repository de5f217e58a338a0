"""The PDF writer (export/pdf.py) sets its fallback font (Arabic) only for text that may need
it: the PDF is the same byte for byte as with the fallback font always set, and plain Latin
text (running heads, headings) reaches fpdf2 without one."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missionctl.export import pdf as pdf_writer
from missionctl.export.pdf import Writer

pytest.importorskip("fpdf")

# Latin with accents, signs fpdf2 treats specially ({nb}: the page count), Greek and
# Cyrillic (another script: a run of its own), CJK (no font has it) and Arabic (the fallback).
TEXT = st.text(st.sampled_from("aZ éç()·-/{nb}0 ΩλжЯ漢مرحبا"), max_size=30)


def _document(title: str, texts: list[str]) -> bytes:
    w = Writer(title, footer=texts[0] if texts else "")
    for i, text in enumerate(texts):
        w.heading(text, level=i % 3)
        w.para(text)
        w.pairs([(text, text)])
        w.table(["Name", text], [[text, "x"], ["y", text]])
        if i % 2:
            w.new_page()
    return w.output()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=TEXT, texts=st.lists(TEXT, max_size=5))
def test_setting_the_fallback_font_only_where_needed_changes_no_byte(
        title: str, texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    mine = _document(title, texts)
    with monkeypatch.context() as m:
        m.setattr(pdf_writer.Writer, "_fallback_for", lambda self, on: None)  # always set
        always = _document(title, texts)
    assert mine == always


def test_plain_latin_reaches_fpdf2_without_the_fallback_font(
        monkeypatch: pytest.MonkeyPatch) -> None:
    fpdf = pdf_writer._fpdf()
    cells: list[tuple[str, bool]] = []
    cell = fpdf.FPDF.cell

    def recorded(self: object, *args: object, **kwargs: object) -> object:
        text = kwargs.get("text", args[2] if len(args) > 2 else "")
        cells.append((str(text), bool(self._fallback_font_ids)))  # type: ignore[attr-defined]
        return cell(self, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(fpdf.FPDF, "cell", recorded)
        w = Writer("Missão a Marrocos", footer="Produtech 2027")
        w.heading("Contactos")
        w.heading("مرحبا")
        w.table(["Nome"], [["Ana"]])
        w.new_page()
        w.heading("Empresas")
        w.output()
    assert ("مرحبا", True) in cells
    latin = [on for text, on in cells if text != "مرحبا"]
    # Both pages' running head, foot and page number, and two headings.
    assert len(latin) == 8
    assert not any(latin)
