"""Reading a registration spreadsheet: what the file really is, then one sheet of it.

The content decides, not the name: registration systems hand out `.xls` files that are
really `.xlsx` workbooks, or web pages, and people rename files. `kind_of` looks at the first
bytes (a ZIP holding `xl/workbook.xml` is an Excel workbook, one whose `mimetype` says so an
OpenDocument spreadsheet, an OLE2 compound file holding an `EncryptedPackage` is a
password-protected Office file...). Anything that is not a spreadsheet is one line saying what
it is and what to do, never a traceback.

Libraries (the optional extra `import`, imported here only):
- `.xlsx`/`.xlsm`: openpyxl in read-only mode (streams rows; `reset_dimensions` because some
  producers write a wrong `<dimension>` and read-only mode would stop there);
- `.ods` and legacy `.xls`: python-calamine (Rust's calamine), which reads both quickly; odfpy,
  the pure-Python alternative, needs about 60x longer for the same ODS sheet
  (benchmarks/import_people.py measures both);
- CSV: the standard library (`csvread.py`).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from missionctl.errors import UserError
from missionctl.importers.table import MAX_BYTES, MAX_ROWS, Sheet, Value

ACCEPTED = ".xlsx, .xlsm, .ods, .xls and .csv (or .tsv, .txt)"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def missing_library(package: str) -> UserError:
    """The one-line message when an optional library is not installed."""
    return UserError(f"reading this file needs the Python package {package}, which is not "
                     f"installed: pip install {package} in missionctl's environment (or, in "
                     "missionctl's clone, pip install -e '.[import]')")


def read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a regular file (never a FIFO or a device), at most MAX_BYTES: read as the
    loader reads mission files (`missionctl.reading`), with the limits of an import."""
    import os

    from missionctl.reading import NotReadable, read_regular, reason

    try:
        if os.stat(path).st_size > MAX_BYTES:
            raise UserError(f"{shown} is over {MAX_BYTES // 2**20} MiB, far more than a "
                            "registration sheet or a programme; export only what you need")
        return read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise UserError(f"{shown}: no such file or directory") from None
    except NotReadable as exc:
        raise UserError(f"{shown} {exc}; name a spreadsheet, calendar or schedule file") \
            from None
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot read {shown}: {reason(exc)}") from None


def kind_of(data: bytes) -> str:
    """'xlsx', 'ods', 'xls', 'text', or what else the bytes are ('empty', 'encrypted',
    'html', 'pdf', 'docx', 'zip', 'binary', ...)."""
    if not data.strip():
        return "empty"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(_OLE2):
        return "encrypted" if "EncryptedPackage".encode("utf-16-le") in data else "xls"
    if data.startswith(b"%PDF"):
        return "pdf"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table")) or (
            head.startswith(b"<") and b"<table" in head):
        return "html"
    if head.startswith(b"<?xml"):
        return "xml"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte order mark (Excel's "Unicode text")
    if b"\x00" in data[:8192]:
        return "binary"
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
            manifest = (zf.read("META-INF/manifest.xml")[:65536]
                        if "META-INF/manifest.xml" in names else b"")
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return "damaged"
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsb" if "xl/workbook.bin" in names else "xlsx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return "encrypted" if b"encryption-data" in manifest else "ods"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return "odf"
    if "word/document.xml" in names:
        return "docx"
    if "Index/Document.iwa" in names or any(n.startswith("Index/") for n in names):
        return "numbers"
    return "zip"


_NOT_A_SHEET = {
    "empty": "is empty",
    "encrypted": "is password-protected; open it, save a copy without the password "
                 "(File > Save As, no password) and import that copy",
    "damaged": "is damaged: it looks like a workbook but cannot be unpacked; open it in a "
               "spreadsheet program and save it again",
    "pdf": "is a PDF document, not a spreadsheet",
    "html": "is a web page (HTML), not a spreadsheet, whatever its name says; open it in a "
            "spreadsheet program and save it as .xlsx or .csv",
    "xml": "is an XML file, not a spreadsheet; save it as .xlsx or .csv",
    "docx": "is a Word document, not a spreadsheet",
    "odf": "is an OpenDocument text or presentation, not a spreadsheet",
    "numbers": "is an Apple Numbers file; export it as .xlsx or .csv",
    "xlsb": "is an Excel binary workbook (.xlsb); save it as .xlsx",
    "zip": "is a ZIP archive, not a spreadsheet",
    "binary": "is not a spreadsheet (it holds binary data, not text)",
}


def read_sheet(path: Path, *, sheet: str | None = None, shown: str | None = None) -> Sheet:
    """The rows of one sheet of the spreadsheet at `path` (`sheet`: its name; default the
    first). Raises `UserError` (one line) for a file that is not a readable spreadsheet."""
    name = shown if shown is not None else path.name
    data = read_bytes(path, name)
    kind = kind_of(data)
    if kind in _NOT_A_SHEET:
        what = "" if kind in ("encrypted", "damaged", "empty") else \
            f"; missionctl imports {ACCEPTED}"
        raise UserError(f"{name} {_NOT_A_SHEET[kind]}{what}")
    if kind == "text":
        if sheet is not None:
            raise UserError(f"{name} is CSV text, which has no sheets; leave out --sheet")
        from missionctl.importers.csvread import read_csv

        return read_csv(data, name)
    result = _read_xlsx(data, name, sheet) if kind == "xlsx" else \
        _read_calamine(data, name, sheet, kind)
    suffix = path.suffix.lower()
    expected = {"xlsx": (".xlsx", ".xlsm"), "ods": (".ods",), "xls": (".xls",)}[kind]
    if suffix not in expected:
        what = {"xlsx": "an Excel workbook (.xlsx)", "ods": "an OpenDocument spreadsheet",
                "xls": "an Excel 97-2003 workbook (.xls)"}[kind]
        result.notes.append(f"read as {what}, which is what it holds, although its name "
                            f"ends in '{suffix or '(nothing)'}'")
    return result


def _pick(names: list[str], wanted: str | None, source: str) -> str:
    if not names:
        raise UserError(f"{source} has no sheets")
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    from missionctl.importers.columns import normalise

    close = [n for n in names if normalise(n) == normalise(wanted)]
    if len(close) == 1:
        return close[0]
    raise UserError(f"{source} has no sheet '{wanted}'; its sheets are "
                    + ", ".join(f"'{n}'" for n in names))


def _others(names: list[str], chosen: str) -> list[str]:
    if len(names) < 2:
        return []
    rest = ", ".join(f"'{n}'" for n in names if n != chosen)
    return [f"read sheet '{chosen}'; the workbook also has {rest} (--sheet NAME to choose)"]


def _read_xlsx(data: bytes, source: str, wanted: str | None) -> Sheet:
    try:
        import openpyxl
    except ImportError:
        raise missing_library("openpyxl") from None
    # Any exception from the library means a file it cannot read: the file is outside input,
    # and openpyxl raises KeyError, ValueError, TypeError, XML and ZIP errors for damaged ones.
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # see above
        raise UserError(f"{source} is damaged: openpyxl cannot read it ({_short(exc)}); open "
                        "it in a spreadsheet program and save it again") from None
    try:
        names = list(book.sheetnames)
        chosen = _pick(names, wanted, source)
        ws = book[chosen]
        ws.reset_dimensions()  # type: ignore[union-attr]
        rows: list[list[Value]] = []
        try:
            for row in ws.iter_rows(values_only=True):
                rows.append(list(row))
                if len(rows) > MAX_ROWS:
                    raise UserError(f"{source}, sheet {chosen} has over {MAX_ROWS:,} rows; "
                                    "that is not a registration sheet")
        except UserError:
            raise
        except Exception as exc:  # damaged sheet XML, as above
            raise UserError(f"{source}, sheet {chosen} is damaged: openpyxl cannot read it "
                            f"({_short(exc)})") from None
    finally:
        book.close()
    return Sheet(source, chosen, _trim(rows), _others(names, chosen))


def _read_calamine(data: bytes, source: str, wanted: str | None, kind: str) -> Sheet:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise missing_library("python-calamine") from None
    try:  # calamine's errors (CalamineError and others) for a file it cannot read: see above
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
        chosen = _pick(names, wanted, source)
        grid = book.get_sheet_by_name(chosen)
        if grid.total_height > MAX_ROWS:
            raise UserError(f"{source}, sheet {chosen} has over {MAX_ROWS:,} rows; that is "
                            "not a registration sheet")
        rows = [list(r) for r in grid.to_python(skip_empty_area=False)]
    except UserError:
        raise
    except Exception as exc:
        what = "OpenDocument spreadsheet" if kind == "ods" else "Excel 97-2003 workbook"
        raise UserError(f"{source} is a damaged {what}: it cannot be read ({_short(exc)}); "
                        "open it in a spreadsheet program and save it again") from None
    # calamine writes an empty cell as '': the same as openpyxl's None from here on
    return Sheet(source, chosen, _trim([[None if v == "" else v for v in r] for r in rows]),
                 _others(names, chosen))


def _trim(rows: list[list[Value]]) -> list[list[Value]]:
    """Rows without trailing empty cells, and without trailing empty rows."""
    out = []
    for row in rows:
        end = len(row)
        while end and (row[end - 1] is None or row[end - 1] == ""):
            end -= 1
        out.append(row[:end])
    while out and not out[-1]:
        out.pop()
    return out


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
