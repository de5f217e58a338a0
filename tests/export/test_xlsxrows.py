"""Text rows written directly (export/xlsxrows.py) against openpyxl: the same workbook, byte
for byte, as openpyxl writing every cell itself, on every example mission and on random
grids (Hypothesis); read back by openpyxl as the same text."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missionctl.export.text import multiline
from missionctl.export.xlsx import Grid, workbook
from missionctl.export.xlsxrows import only_text, rows_xml
from missionctl.headings import headings
from missionctl.loader import load
from missionctl.missions import find_missions
from missionctl.views import contacts, sheets
from missionctl.views.table import Table, contacts_table

ROOT = Path(__file__).resolve().parents[2]
MISSIONS = sorted(find_missions(ROOT / "missions")) if (ROOT / "missions").is_dir() else []

VALUES = st.one_of(st.none(), st.just(""), st.booleans(), st.integers(),
                   st.text(st.characters(codec="utf-8"), max_size=40),
                   st.sampled_from([" lead", "trail ", "   ", "a & <b>", "=1+1", "\x01", "\t"]))


def _grid(t: Table, lang: str) -> Grid:
    return Grid(t.heading, headings([c.label for c in t.columns], lang),
                [c.kind for c in t.columns], t.rows)


def test_only_text() -> None:
    assert only_text([["a", None, 3, True]], ["text", "text", "text", "number"])
    assert not only_text([["a", 3]], ["text", "number"])
    assert not only_text([[date(2027, 5, 10)]], ["date"])
    assert not only_text([[datetime(2027, 5, 10, 9)]], ["text"])
    assert not only_text([[time(9)]], ["text"])


def test_rows_xml() -> None:
    xml = rows_xml([["a & b", None, " x", ""]], 2, 7)
    assert xml == ('<row r="2"><c r="A2" s="7" t="inlineStr"><is><t>a &amp; b</t></is></c>'
                   '<c r="C2" s="7" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c>'
                   '<c r="D2" s="7" t="inlineStr" /></row>')
    assert rows_xml([["x"] * 28], 1, 1).count('r="AB1"') == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(VALUES, min_size=0, max_size=5), max_size=6),
       st.lists(st.sampled_from(["text", "number"]), min_size=5, max_size=5))
def test_random_grids_are_openpyxls_bytes(rows: list[list[Any]], kinds: list[str]) -> None:
    grid = Grid("Sheet", ["A", "B", "C", "D", "E"], kinds, rows)
    fast = workbook([grid], title="t")
    assert fast == workbook([grid], title="t", direct=False)
    if only_text(rows, kinds):
        ws = openpyxl.load_workbook(io.BytesIO(fast)).worksheets[0]
        got = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_col=5)]
        for row, back in zip(rows, got, strict=False):
            for v, b in zip(row, back, strict=False):
                want = None if v is None or v == "" else multiline(str(v)) or None
                assert b == want


@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.parent.name)
def test_example_missions_are_openpyxls_bytes(path: Path) -> None:
    mission = load(path).mission
    assert mission is not None
    for lang in ("en", "fr", "ar"):
        grids = [_grid(contacts_table(contacts.build(mission, lang=lang)), lang)]
        grids += [_grid(sheets.build(mission, kind, lang=lang), lang)
                  for kind in ("rooming", "dietary", "manifest", "badges")]
        for grid in grids:
            assert workbook([grid]) == workbook([grid], direct=False), grid.name
        assert workbook(grids) == workbook(grids, direct=False)
