"""xlsx read back with openpyxl: typed cells (dates and times of the place, numbers), phone
numbers and ids as text, no formula whatever a value starts with, a frozen header, an
autofilter and column widths; the same bytes for the same input."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest

from missionctl import render
from missionctl.export.xlsx import Grid, sheet_name, workbook
from missionctl.loader import load
from missionctl.model import Mission
from missionctl.views import contacts
from missionctl.views.select import Programme, Selection
from missionctl.views.sheets import build

openpyxl = pytest.importorskip("openpyxl")

HOSTILE = ["=1+1", "+1+1", "-2+3", "@SUM(1)", '=HYPERLINK("http://evil.example","x")',
           "\t=1+1", "=cmd|' /C calc'!A0"]
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "missions" / "produtech-morocco-2027" / "mission.yaml"


def _book(data: bytes) -> object:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_no_value_becomes_a_formula() -> None:
    data = workbook([Grid("t", ["a"] * len(HOSTILE), ["text"] * len(HOSTILE), [HOSTILE])])
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    assert [c.data_type for c in cells] == ["s"] * len(HOSTILE)
    assert [c.value for c in cells] == ["=1+1", "+1+1", "-2+3", "@SUM(1)", HOSTILE[4],
                                        "\t=1+1", HOSTILE[6]]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")


def test_control_test_a_formula_would_be_seen() -> None:
    """The check above can fail: a workbook openpyxl writes with a formula has `<f>`."""
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=1+1"
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        assert b"<f>1+1</f>" in z.read("xl/worksheets/sheet1.xml")


def test_types_header_filter_widths() -> None:
    rows = [[date(2027, 5, 10), time(9, 30), datetime(2027, 5, 10, 9, 30), 12,
             "+212 522 000 000", "0612345670", "a\x00b\x1bc"]]
    kinds = ["date", "time", "datetime", "number", "phone", "id", "text"]
    ws = openpyxl.load_workbook(io.BytesIO(workbook([Grid("Types", list("ABCDEFG"), kinds,
                                                           rows)]))).active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:G2"
    assert [c.font.b for c in ws[1]] == [True] * 7
    a, b, c, d, e, f, g = ws[2]
    assert a.is_date and a.value == datetime(2027, 5, 10) and a.number_format == "yyyy-mm-dd"
    assert b.is_date and b.value == time(9, 30) and b.number_format == "hh:mm"
    assert c.value == datetime(2027, 5, 10, 9, 30) and c.number_format == "yyyy-mm-dd hh:mm"
    assert d.value == 12 and d.data_type == "n"
    assert e.value == "+212 522 000 000" and e.data_type == "s" and e.number_format == "@"
    assert f.value == "0612345670" and f.data_type == "s"  # the 0 kept
    assert g.value == "abc"  # control characters removed (openpyxl refuses them)
    assert ws.column_dimensions["E"].width == 18
    assert ws.column_dimensions["A"].width == 12


def test_aware_datetimes_keep_their_wall_clock_time() -> None:
    from missionctl.tz import zone

    local = datetime(2027, 5, 10, 10, 30, tzinfo=zone("Europe/Lisbon"))
    ws = openpyxl.load_workbook(io.BytesIO(workbook([Grid("t", ["a"], ["datetime"],
                                                          [[local]])]))).active
    assert ws["A2"].value == datetime(2027, 5, 10, 10, 30)


def test_same_input_same_bytes() -> None:
    grid = Grid("t", ["a", "b"], ["text", "date"], [["x", date(2027, 5, 10)]])
    data = workbook([grid])
    assert data == workbook([grid])
    # not only within one second: openpyxl stamps "modified" with the clock when it saves
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        core = z.read("docProps/core.xml")
        assert b">2000-01-01T00:00:00Z</dcterms:modified>" in core
        assert b">2000-01-01T00:00:00Z</dcterms:created>" in core
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("text, name", [("Rooming list", "Rooming list"),
                                        ("a/b:c*d?[e]", "a b c d  e"), ("", "Sheet"),
                                        ("x" * 40, "x" * 31)])
def test_sheet_name(text: str, name: str) -> None:
    assert sheet_name(text) == name


def test_sheet_names_stay_unique() -> None:
    assert sheet_name("Badges", ["badges"]) == "Badges (2)"


def _example() -> Mission:
    loaded = load(EXAMPLE, str(EXAMPLE))
    assert loaded.mission is not None
    return loaded.mission


def test_itinerary_dates_are_local_to_each_event() -> None:
    m = _example()
    data = render.render("itinerary", "xlsx", Programme(m, Selection()))
    assert isinstance(data, bytes)
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    header = [c.value for c in ws[1]]
    col = {h: i for i, h in enumerate(header)}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(m.events)  # one row per event, B2B meetings too
    by_id = {r[col["Event"]]: r for r in rows}
    flight = by_id["d1-flight-opo-cmn"]  # 10:30 Porto time, 09:30 UTC
    assert flight[col["Date"]] == datetime(2027, 5, 10)
    assert flight[col["Start"]] == time(10, 30) and flight[col["Start zone"]] == "Europe/Lisbon"
    assert flight[col["End"]] == time(11, 30)
    assert flight[col["Start (UTC)"]] == datetime(2027, 5, 10, 9, 30)
    assert all(isinstance(r[col["Taking part"]], int) for r in rows)


def test_contacts_phones_are_text() -> None:
    m = _example()
    sheet = contacts.build(m)
    data = render.render("contacts", "xlsx", sheet)
    assert isinstance(data, bytes)
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    phones = [c for c in ws["E"][1:] if c.value is not None]
    assert phones and all(c.data_type == "s" for c in phones)
    assert {c.phone for c in sheet.people if c.phone} <= {c.value for c in phones}


@pytest.mark.parametrize("kind", ["rooming", "dietary", "manifest", "badges"])
def test_each_sheet_as_a_workbook(kind: str) -> None:
    m = _example()
    table = build(m, kind)
    data = render.render("sheet", "xlsx", table)
    assert isinstance(data, bytes)
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws.title == table.heading
    assert [c.value for c in ws[1]] == [c.label for c in table.columns]
    assert ws.max_row == len(table.rows) + 1
    for col, cells in zip(table.columns, ws.iter_cols(min_row=2), strict=True):
        values = [c for c in cells if c.value is not None]
        if col.kind in ("date", "time"):
            assert all(c.is_date for c in values), col.key
        if col.kind in ("phone", "id", "text"):
            assert all(c.data_type == "s" for c in values), col.key


def _typed(data: str | bytes) -> tuple[list[str], list[list[str]]]:
    """The header row, and each data cell's type (its value's class and number format)."""
    assert isinstance(data, bytes)
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(ws.iter_rows())
    return ([str(c.value) for c in rows[0]],
            [[f"{type(c.value).__name__} {c.number_format}" for c in row] for row in rows[1:]])


@pytest.mark.parametrize("lang, first", [("pt", ["Data", "Início", "Fuso do início"]),
                                         ("fr", ["Date", "Début", "Fuseau de début"]),
                                         ("ar", ["التاريخ", "البداية", "المنطقة الزمنية للبداية"])])
def test_headings_in_the_readers_language(lang: str, first: list[str]) -> None:
    """`--lang` translates the column headings of the itinerary, the contact sheet and every
    sheet; the cells are typed as in English (dates stay dates)."""
    pytest.importorskip("babel")
    loaded = load(EXAMPLE, str(EXAMPLE))
    m = loaded.mission
    assert m is not None

    def make(view: str, o: render.Options) -> str | bytes:
        if view == "itinerary":
            return render.render("itinerary", "xlsx", Programme(m, Selection()), o)
        if view == "contacts":
            return render.render("contacts", "xlsx", contacts.build(m, lang=o.lang), o)
        return render.render("sheet", "xlsx", build(m, view), o)

    for view in ("itinerary", "contacts", "rooming", "dietary", "manifest", "badges"):
        en_head, en_types = _typed(make(view, render.Options()))
        head, types = _typed(make(view, render.Options(lang=lang)))
        assert len(head) == len(en_head) and types == en_types, view
        if lang != "fr":  # French spells a few headings as English does ("Date", "Section")
            assert not set(head) & set(en_head) - {"Hotel", "E-mail"}, (view, head)
        if view == "itinerary":
            assert head[:3] == first
