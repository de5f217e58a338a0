"""CSV text as a sheet: the encoding found, the delimiter sniffed.

Encodings, in this order, each decided by the bytes (no guessing library: the three cases
below are the ones registration exports produce, and a fixed order answers the same every
time):
1. UTF-16 with a byte order mark (Excel's "Unicode text", tab-separated);
2. UTF-8, with or without a byte order mark, when the bytes decode as UTF-8 (text in another
   encoding with accented letters almost never does);
3. Windows-1252 otherwise (Excel's "CSV" on a Western-European Windows), which the person is
   told, since a file in another 8-bit encoding would be read wrongly.

The delimiter is sniffed by the standard library's `csv.Sniffer` among `, ; TAB |` (Excel in
Portugal and France writes `;`), falling back to the one the header line holds most of.
"""

from __future__ import annotations

import csv
import io

from missionctl.errors import UserError
from missionctl.importers.table import MAX_ROWS, Sheet, Value

DELIMITERS = ",;\t|"
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


def decode(data: bytes, source: str) -> tuple[str, str | None]:
    """The text, and a note when it was not plain UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise UserError(f"{source} says it is UTF-16 text but is not; save it again as "
                            "CSV (UTF-8)") from None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UserError(f"{source} is neither UTF-8 nor Windows-1252 text; save it again as "
                        "CSV UTF-8") from None
    return text, ("read as Windows-1252 text (it is not UTF-8); if accented letters look "
                  "wrong, save it again as CSV UTF-8")


def delimiter(text: str) -> str:
    sample = text[:65536]
    first = next((line for line in sample.splitlines() if line.strip()), "")
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found and found in DELIMITERS and found in first:
        return found
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(data: bytes, source: str) -> Sheet:
    text, note = decode(data, source)
    if "\x00" in text:
        raise UserError(f"{source} is not a spreadsheet (it holds binary data, not text)")
    delim = delimiter(text)
    rows: list[list[Value]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delim):
            rows.append([cell if cell.strip() else None for cell in record])
            if len(rows) > MAX_ROWS:
                raise UserError(f"{source} has over {MAX_ROWS:,} rows; that is not a "
                                "registration sheet")
    except csv.Error as exc:
        raise UserError(f"{source}, row {len(rows) + 1}: not readable as CSV ({exc})") from None
    while rows and not any(v is not None for v in rows[-1]):
        rows.pop()
    notes = [note] if note else []
    if delim != ",":
        notes.append(f"columns separated by {_NAMES[delim]}s")
    return Sheet(source, None, rows, notes)
