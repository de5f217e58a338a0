"""CSV opened by LibreOffice (Debian `libreoffice-calc-nogui`): formulas stay text, phone
numbers stay readable.

LibreOffice converts the CSV to XLSX headless; the test reads the sheet back: no cell may hold
a formula (`<f>`) or a hyperlink, and every cell must show the text missionctl wrote. A control
row written without `cell()` proves the test would see a formula.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from missionctl.loader import load
from missionctl.render import csv_
from missionctl.views import contacts, itinerary
from missionctl.views.select import Selection

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.clients,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (Debian package "
                       "libreoffice-calc-nogui)"),
]
NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}

HOSTILE = """\
missionctl: 1
mission: {id: hostile, title: "=1+1", host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-10, contact: ana}
organisations:
  evil: {name: "@SUM(1)", type: embassy, phone: "+212 537 000 000"}
people:
  ana: {name: "=1+1", role: "+1+1", organisation: evil, phone: "+212 522 000 000",
        email: ana@example.org}
  bob: {name: '=HYPERLINK("http://evil.example","click")', role: "-2+3",
        phone: "0612345670", email: bob@example.org}
  cid: {name: "Cid", role: "\\t=1+1", phone: "+212612345678", email: cid@example.org}
events:
  meet:
    kind: meeting
    title: '=HYPERLINK("http://evil.example","click")'
    start: 2027-05-10 10:00
    end: 11:00
    attendees: [ana, bob, cid]
    notes: "-cmd|' /C calc'!A0"
"""


def _convert(csv_text: str, tmp: Path) -> Path:
    src = tmp / "sheet.csv"
    src.write_text(csv_text, encoding="utf-8", newline="")
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
         "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(tmp), str(src)],
        capture_output=True, text=True, timeout=180, check=True,
        env={"HOME": str(tmp), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    return tmp / "sheet.xlsx"


def _cells(xlsx: Path) -> tuple[list[tuple[str, str, bool]], bool]:
    """[(ref, shown text, is formula)], and whether the sheet holds any hyperlink."""
    with zipfile.ZipFile(xlsx) as z:
        names = z.namelist()
        strings = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
            strings = ["".join(t.text or "" for t in si.iter(f"{{{NS['x']}}}t"))
                       for si in root.findall("x:si", NS)]
        sheet = z.read("xl/worksheets/sheet1.xml")
        links = b"<hyperlink" in sheet or any("_rels/sheet1" in n for n in names)
    out = []
    for c in ElementTree.fromstring(sheet).iter(f"{{{NS['x']}}}c"):
        v = c.find("x:v", NS)
        text = (v.text or "") if v is not None else ""
        if c.get("t") == "s":
            text = strings[int(text)]
        out.append((c.get("r") or "", text, c.find("x:f", NS) is not None))
    return out, links


def _mission(tmp: Path):  # type: ignore[no-untyped-def]
    path = tmp / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    loaded = load(path, "hostile.yaml")
    assert loaded.ok, loaded.findings
    return loaded.mission


def test_the_control_row_would_be_a_formula(tmp_path: Path) -> None:
    raw = csv_.write(["a", "b"], [['=HYPERLINK("http://evil.example","x")', "=1+1"]])
    cells, _links = _cells(_convert(raw, tmp_path))
    assert [f for _r, _t, f in cells] == [False, False, True, True]
    assert ("B2", "2", True) in cells


def test_contacts_csv_stays_text(tmp_path: Path) -> None:
    m = _mission(tmp_path)
    text = csv_.contacts(contacts.build(m))
    cells, links = _cells(_convert(text, tmp_path))
    assert not links
    assert not [c for c in cells if c[2]], "a cell became a formula"
    shown = {t for _r, t, _f in cells}
    assert "'=1+1" in shown and "'+1+1" in shown and "'-2+3" in shown
    assert '\'=HYPERLINK("http://evil.example","click")' in shown
    assert "'@SUM(1)" in shown
    assert "+212 522 000 000" in shown  # readable, no apostrophe
    assert "'0612345670" in shown and "'+212612345678" in shown  # digits kept
    assert "19" in shown  # Morocco's police number is a plain number
    assert cells[0][1] == "section"  # the BOM is read as a BOM


def test_itinerary_csv_stays_text(tmp_path: Path) -> None:
    m = _mission(tmp_path)
    text = csv_.itinerary(itinerary.build(m, Selection(), {}))
    cells, links = _cells(_convert(text, tmp_path))
    assert not links and not [c for c in cells if c[2]]
    shown = {t for _r, t, _f in cells}
    assert '\'=HYPERLINK("http://evil.example","click")' in shown
    assert "'-cmd|' /C calc'!A0" in shown
    assert "2027-05-10T10:00:00Z" in shown


@pytest.mark.parametrize("name", ["produtech-morocco-2027", "produtech-return-visit-2027"])
def test_example_contacts_phones_readable(tmp_path: Path, name: str) -> None:
    path = Path(__file__).resolve().parents[2] / "missions" / name / "mission.yaml"
    loaded = load(path, str(path))
    if not loaded.ok or loaded.mission is None:
        pytest.skip(f"{name} has format errors")
    sheet = contacts.build(loaded.mission)
    cells, links = _cells(_convert(csv_.contacts(sheet), tmp_path))
    assert not links and not [c for c in cells if c[2]]
    shown = {t for _r, t, _f in cells}
    phones = [c.phone for c in sheet.people if c.phone]
    assert phones and all(p in shown for p in phones)


INVISIBLE_FIRST = ["\u200b=1+1", "\ufeff=HYPERLINK(\"http://evil.example\",\"x\")",
                   " +1+1", "\u00a0-2+3", "\u2060@SUM(1)", "\u3000=1+1", "\u200e=1+1"]


def test_invisible_first_characters_stay_text(tmp_path: Path) -> None:
    """Issue 9: a cell whose first characters are invisible (U+200B, U+FEFF, spaces, format
    characters) before a trigger gets the apostrophe too; LibreOffice shows it as text, as
    written, and makes no formula or link of it."""
    rows = [[csv_.cell(v) for v in INVISIBLE_FIRST]]
    assert all(c.startswith("'") for c in rows[0])
    cells, links = _cells(_convert(csv_.write([str(i) for i in range(len(rows[0]))], rows),
                                   tmp_path))
    assert not links and not [c for c in cells if c[2]]
    shown = [t for _r, t, _f in cells][len(INVISIBLE_FIRST):]
    assert shown == ["'" + v for v in INVISIBLE_FIRST]
