"""Workbooks opened by LibreOffice (Debian `libreoffice-calc-nogui`), headless.

LibreOffice converts our xlsx to CSV (what a person sees in each cell) and back to xlsx
(what LibreOffice understood each cell to be, read with openpyxl): dates stay dates, phone
numbers keep their digits, and nothing a value starts with (`=`, `+`, `-`, `@`) became a
formula or a link.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from missionctl import render
from missionctl.loader import load
from missionctl.views import contacts
from missionctl.views.select import Programme, Selection
from missionctl.views.sheets import build

from .test_clients_csv import HOSTILE

openpyxl = pytest.importorskip("openpyxl")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.clients,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (Debian package "
                       "libreoffice-calc-nogui)"),
]
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "missions" / "produtech-morocco-2027" / "mission.yaml"


def _convert(data: bytes, tmp: Path, to: str) -> Path:
    src = tmp / "in" / "book.xlsx"
    src.parent.mkdir(exist_ok=True)
    src.write_bytes(data)
    out = tmp / to
    out.mkdir(exist_ok=True)
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1" if to == "csv" else to,
         "--outdir", str(out), str(src)],
        capture_output=True, text=True, timeout=180, check=True,
        env={"HOME": str(tmp), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    return out / f"book.{to}"


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _mission(tmp: Path):  # type: ignore[no-untyped-def]
    path = tmp / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    loaded = load(path, "hostile.yaml")
    assert loaded.ok, loaded.findings
    return loaded.mission


def test_hostile_values_stay_text_in_libreoffice(tmp_path: Path) -> None:
    m = _mission(tmp_path)
    data = render.render("contacts", "xlsx", contacts.build(m))
    assert isinstance(data, bytes)
    shown = {v for row in _rows(_convert(data, tmp_path, "csv")) for v in row}
    assert {"=1+1", "+1+1", "-2+3", "@SUM(1)"} <= shown  # as written: not 2, not an error
    assert '=HYPERLINK("http://evil.example","click")' in shown
    assert {"+212 522 000 000", "0612345670", "+212612345678"} <= shown  # every digit
    back = _convert(data, tmp_path, "xlsx")
    with zipfile.ZipFile(back) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
        assert b"<f>" not in sheet and b"<hyperlink" not in sheet


def test_itinerary_times_are_real_times_in_libreoffice(tmp_path: Path) -> None:
    m = _mission(tmp_path)
    data = render.render("itinerary", "xlsx", Programme(m, Selection()))
    assert isinstance(data, bytes)
    rows = _rows(_convert(data, tmp_path, "csv"))
    assert rows[0][:3] == ["Date", "Start", "Start zone"]
    assert rows[1][:3] == ["2027-05-10", "10:00", "Africa/Casablanca"]
    assert "-cmd|' /C calc'!A0" in rows[1]
    ws = openpyxl.load_workbook(_convert(data, tmp_path, "xlsx")).active
    assert ws["A2"].is_date and ws["A2"].value == datetime(2027, 5, 10)
    assert ws["B2"].is_date  # a time of day, not the text "10:00"


def test_rooming_list_opens_with_typed_dates(tmp_path: Path) -> None:
    """The issue's "done when": `sheets ... rooming --format xlsx` opens in LibreOffice with
    typed dates."""
    loaded = load(EXAMPLE, str(EXAMPLE))
    assert loaded.mission is not None
    table = build(loaded.mission, "rooming")
    data = render.render("sheet", "xlsx", table)
    assert isinstance(data, bytes)
    rows = _rows(_convert(data, tmp_path, "csv"))
    assert rows[0] == [c.label for c in table.columns]
    assert len(rows) == len(table.rows) + 1
    assert rows[1][1] == table.rows[0][1].isoformat()  # type: ignore[union-attr]
    ws = openpyxl.load_workbook(_convert(data, tmp_path, "xlsx")).active
    nights = [c for c in ws["B"][1:]]
    assert nights and all(c.is_date for c in nights)
    assert all(c.is_date for c in ws["E"][1:]) and all(c.is_date for c in ws["F"][1:])


@pytest.mark.parametrize("lang, heads", [("pt", ["Data", "Início", "Fuso do início"]),
                                         ("ar", ["التاريخ", "البداية", "المنطقة الزمنية للبداية"])])
def test_headings_in_the_readers_language_dates_stay_dates(tmp_path: Path, lang: str,
                                                           heads: list[str]) -> None:
    """`itinerary --lang pt -f xlsx`: LibreOffice reads the translated headings, and the
    dates and times under them are still dates and times."""
    pytest.importorskip("babel")
    loaded = load(EXAMPLE, str(EXAMPLE))
    assert loaded.mission is not None
    data = render.render("itinerary", "xlsx", Programme(loaded.mission, Selection()),
                         render.Options(lang=lang))
    assert isinstance(data, bytes)
    rows = _rows(_convert(data, tmp_path, "csv"))
    assert rows[0][:3] == heads
    ws = openpyxl.load_workbook(_convert(data, tmp_path, "xlsx")).active
    assert all(c.is_date for c in ws["A"][1:]) and all(c.is_date for c in ws["B"][1:])
