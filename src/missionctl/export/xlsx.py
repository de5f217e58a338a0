"""An xlsx writer over openpyxl: typed cells, never a formula, a frozen header row, an
autofilter and column widths. A leaf library: it knows grids of typed cells, not missions.

- **Types.** A `date`, `time` or `datetime` (an aware one as its own wall-clock time, the
  time of the place; a spreadsheet has no zones) becomes a real spreadsheet date or time with
  a number format (`yyyy-mm-dd`, `hh:mm`, `yyyy-mm-dd hh:mm`); an `int` a number; text stays
  text, with the text format `@`, so that a phone number (`+212 522 000 000`, `0612345670`) or
  an id is never read as a number and loses no digit.
- **No formula, ever.** openpyxl makes a formula of any string starting with `=`; every string
  cell is typed as a string after its value is set, so `=1+1`, `+1+1`, `-2`, `@SUM(1)` are
  written as the text they are (an inline string: no `<f>` element exists in the file).
- **Control characters** (which openpyxl refuses, and a spreadsheet shows as boxes) are
  removed as in CSV (`export.text.multiline`); a cell is cut at Excel's 32,767 characters.
- **Deterministic.** The document's dates are fixed and the zip entries are stamped
  1980-01-01, so the same input gives the same bytes (openpyxl stamps both with "now").
  The document's creator is `missionctl`: how `outputs.py` recognises a workbook it wrote.

Write-only mode streams rows (a 100k-event itinerary does not hold 2.5M cell objects).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from missionctl.export.text import multiline
from missionctl.export.xlsxrows import only_text, rows_xml

CREATOR = "missionctl"
MAX_CELL = 32767
FORMATS = {"date": "yyyy-mm-dd", "time": "hh:mm", "datetime": "yyyy-mm-dd hh:mm",
           "number": "0"}
_FIXED = datetime(2000, 1, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_WIDTH_SAMPLE = 500  # rows read to size the columns (linear, and enough to be sensible)


@dataclass(frozen=True, slots=True)
class Grid:
    """One worksheet: its name, the header, each column's kind, the rows."""

    name: str
    header: Sequence[str]
    kinds: Sequence[str]
    rows: Sequence[Sequence[Any]]


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        from missionctl.errors import UserError

        raise UserError(
            "--format xlsx needs the openpyxl package: pip install openpyxl (or, in "
            "missionctl's clone, pip install -e '.[xlsx]')") from None
    return openpyxl


def sheet_name(text: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique worksheet name: at most 31 characters, none of []:*?/\\."""
    clean = "".join(" " if ch in "[]:*?/\\" else ch for ch in multiline(text)).strip("' ")
    base = (clean or "Sheet")[:31]
    name, n = base, 2
    while name.casefold() in {t.casefold() for t in taken}:
        name = f"{base[:27]} ({n})"
        n += 1
    return name


def workbook(grids: Sequence[Grid], title: str = "", direct: bool = True) -> bytes:
    """The .xlsx file holding `grids`, one worksheet each. `direct`: a grid of text alone
    has its rows written by `xlsxrows` (the same bytes, faster); False: every cell through
    openpyxl (the tests' reference)."""
    openpyxl = _openpyxl()
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook(write_only=True)
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    wb.properties.title = multiline(title)[:250]
    wb.properties.created = wb.properties.modified = _FIXED
    names: list[str] = []
    written: dict[str, bytes] = {}  # worksheet entry -> its rows, written by xlsxrows
    bold = Font(bold=True)
    for grid in grids:
        names.append(sheet_name(grid.name, names))
        ws = wb.create_sheet(names[-1])
        for i, width in enumerate(_widths(grid), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A2"
        last = get_column_letter(max(1, len(grid.header)))
        ws.auto_filter.ref = f"A1:{last}{len(grid.rows) + 1}"
        head = []
        for label in grid.header:
            c = _cell(WriteOnlyCell, ws, label, "text")
            c.font = bold
            head.append(c)
        ws.append(head)
        if direct and only_text(grid.rows, grid.kinds):
            # openpyxl numbers the worksheets' files from 1, in order, when it saves
            written[f"xl/worksheets/sheet{len(names)}.xml"] = _text_rows(WriteOnlyCell, ws,
                                                                        grid.rows)
            continue
        for row in grid.rows:
            ws.append([_cell(WriteOnlyCell, ws, v, k) for v, k in zip(row, grid.kinds,
                                                                          strict=False)])
    buf = io.BytesIO()
    wb.save(buf)
    return _stable_zip(buf.getvalue(), written)


def _text_rows(make: Any, ws: Any, rows: Sequence[Sequence[Any]]) -> bytes:
    """The rows' XML (after the header), each value as `_cell` makes it text. The text
    style is registered as `_cell` registers it, when the first cell needs it, so the
    styles and their numbers stay those openpyxl gives."""
    texts = [[None if v is None or v == "" else multiline(str(v))[:MAX_CELL] for v in row]
             for row in rows]
    if not any(t is not None for row in texts for t in row):
        return rows_xml(texts, 2, 0).encode("utf-8")
    return rows_xml(texts, 2, _cell(make, ws, "text", "text").style_id).encode("utf-8")


def _cell(make: Any, ws: Any, value: Any, kind: str) -> Any:
    if value is None or value == "":
        return make(ws, value=None)
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (date, time, datetime)) and not isinstance(value, str):
        if isinstance(value, (datetime, time)) and value.tzinfo is not None:
            value = value.replace(tzinfo=None)  # its wall-clock time: the time of the place
        c = make(ws, value=value)
        c.number_format = FORMATS["datetime" if isinstance(value, datetime) else
                                  "date" if isinstance(value, date) else "time"]
        return c
    if isinstance(value, int | float) and kind == "number":
        c = make(ws, value=value)
        c.number_format = FORMATS["number"] if isinstance(value, int) else "General"
        return c
    c = make(ws, value=multiline(str(value))[:MAX_CELL])
    c.data_type = "s"  # text, even when it starts with = + - @ (never a formula)
    c.number_format = "@"
    return c


def shown_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, time):
        return 5
    return max((len(line) for line in str(value).splitlines()), default=0)


def _widths(grid: Grid) -> list[float]:
    """Each column as wide as its header and the widest of the first rows, 6 to 60."""
    widest = [len(h) for h in grid.header]
    for row in grid.rows[:_WIDTH_SAMPLE]:
        for i, v in enumerate(row[:len(widest)]):
            widest[i] = max(widest[i], shown_width(v))
    return [float(min(60, max(6, w + 2))) for w in widest]


def _stable_zip(data: bytes, rows: dict[str, bytes] | None = None) -> bytes:
    """The same archive with every entry stamped 1980-01-01 (openpyxl stamps "now"), and
    the worksheets named in `rows` given those rows after the ones openpyxl wrote."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on save
                data = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            if rows and info.filename in rows:
                data = data.replace(b"</sheetData>", rows[info.filename] + b"</sheetData>", 1)
            dst.writestr(fixed, data)
    return out.getvalue()

