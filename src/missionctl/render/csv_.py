"""CSV for spreadsheets: the itinerary (one row per event) and the contact sheet (one row per
person, emergency number and embassy). UTF-8 with a BOM (so Excel reads the accents), CRLF
line ends (RFC 4180), every cell quoted where needed by the csv module.

Formula injection. A spreadsheet treats a cell starting with `=`, `+`, `-` or `@` (and, in
some, a tab or a carriage return before one) as a formula: `=HYPERLINK(...)` becomes a link,
`=1+1` becomes 2. `cell()` puts a `'` before any such cell, which spreadsheets read as "this
is text". A trigger after invisible characters counts too (`formula_like`): a cell starting
with U+200B, U+FEFF, a no-break space or any other format or space character, then `=`, is
one trim or paste away from a formula.

One exception keeps phone numbers readable: a value that is only a leading `+`, digits,
spaces and `( ) . / -` (e.g. `+212 522 000 000`) is left as it is. It names no function,
cell, sheet or link, so the worst a spreadsheet can do with it is arithmetic on its own
digits; LibreOffice shows it as the text it is (tested in tests/clients). In phone columns, a
number a spreadsheet would read as a number and so lose its leading 0 or + (`0612345670`,
`+212612345678`) also gets the `'`; `112` stays a plain number.

Control characters. A cell is opened as it is: an escape sequence, a NUL or a bell would
reach the spreadsheet (LibreOffice shows a NUL as a box and cuts some cells at it). `cell()`
passes every value through `missionctl.export.text.multiline` first: line breaks become `\n`
(kept inside the quoted cell, RFC 4180), every other control character but the tab is
removed. The formula check runs on the cleaned text, so a control character before an `=`
cannot hide it.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, time
from typing import TYPE_CHECKING

from missionctl.export.text import multiline
from missionctl.views.contacts import ContactSheet
from missionctl.views.itinerary import Itinerary, Line, host_text
from missionctl.views.table import Table

if TYPE_CHECKING:
    from missionctl.render import Options
    from missionctl.views.select import Programme

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Cc"})
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_PHONE_SHAPED = re.compile(r"^\+[0-9][0-9 ()./-]*$")
_LOSES_DIGITS = re.compile(r"^(\+[0-9]+|0[0-9]+)$")

ITINERARY_COLUMNS = (
    "date", "start", "start_zone", "end_date", "end", "end_zone", "start_utc", "end_utc",
    "event", "kind", "title", "status", "place", "address", "from", "to", "transport",
    "organisation", "with", "taking_part", "hosts", "interpreters", "language", "notes", "flags",
)
CONTACT_COLUMNS = ("section", "name", "role", "organisation", "phone", "email", "languages")


def _invisible(ch: str) -> bool:
    """A character that shows nothing: a format character (U+200B, U+FEFF, U+2060, bidi
    marks...), a space or separator of any width, a combining mark with nothing to mark, or a
    blank letter (Hangul fillers, the braille blank)."""
    return unicodedata.category(ch) in _INVISIBLE_CATEGORIES or ch in _BLANK_LETTERS


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula: it starts with a trigger, or with
    invisible characters and then one (a spreadsheet or a person's paste may drop those)."""
    if text.startswith(TRIGGERS):
        return True
    start = 0
    while start < len(text) and _invisible(text[start]):
        start += 1
    return start > 0 and text.startswith(TRIGGERS, start)


def cell(value: object, phone: bool = False) -> str:
    """One cell's text, safe to open in a spreadsheet (see the module docstring)."""
    text = "" if value is None else multiline(str(value))
    if not text:
        return text
    if phone and _LOSES_DIGITS.match(text):
        return "'" + text
    if formula_like(text) and not _PHONE_SHAPED.match(text):
        return "'" + text
    return text


def write(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """The CSV text: a BOM, the header, the rows (cells already made safe)."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    out.writerow(header)
    out.writerows(rows)
    return "\ufeff" + buf.getvalue()


def itinerary(it: Itinerary) -> str:
    # Each text made safe once: most cells repeat from row to row (a zone, a kind, a place,
    # a team's names, a time); `cell` on every one was a third of a 10k-event export.
    cells: dict[str, str] = {}
    rows = [_event_row(ln, cells) for day in it.days for ln in day.lines]
    return write(ITINERARY_COLUMNS, rows)


def _event_row(ln: Line, cells: dict[str, str] | None = None) -> list[str]:
    from missionctl.render.json_ import utc

    known = {} if cells is None else cells
    start, end = ln.start, ln.end
    values = [
        start.date().isoformat(), f"{start.hour:02}:{start.minute:02}", ln.start_zone,
        end.date().isoformat(), f"{end.hour:02}:{end.minute:02}", ln.end_zone,
        utc(start), utc(end),  # strftime's "%Y-%m-%dT%H:%M:%SZ"
        ln.event_id, ln.kind, ln.title, ln.status, ln.place, ln.address,
        ln.route[0] if ln.route else None, ln.route[1] if ln.route else None, ln.transport,
        ln.organisation, "; ".join(ln.attending), str(ln.attending_count),
        "; ".join(host_text(h) for h in ln.hosts) or ln.host_org,
        ", ".join(ln.interpreters), ln.language, ln.notes,
        " ".join(f"{f.code}" for f in ln.flags),
    ]
    return [_known_cell(v, known) for v in values]


def _known_cell(value: object, known: dict[str, str]) -> str:
    """`cell(value)`, remembered for a plain string (another type's `str` may differ from
    what it compares equal to)."""
    if type(value) is not str:
        return cell(value)
    found = known.get(value)
    if found is None:
        found = known[value] = cell(value)
    return found


def contacts(sheet: ContactSheet) -> str:
    rows: list[list[str]] = []
    if sheet.duty is not None:
        rows.append(_person_row("duty contact", sheet.duty.name, sheet.duty.role,
                                sheet.duty.organisation, sheet.duty.phone, sheet.duty.email,
                                sheet.duty.languages))
    for s in sheet.sections:
        rows += [_person_row("people", c.name, c.role, c.organisation, c.phone, c.email,
                             c.languages) for c in s.people]
    rows += [_person_row("emergency", service, None, sheet.country_name, number, None, ())
             for service, number in sheet.emergency]
    rows += [_person_row("embassy", e.name, ", ".join(x for x in (e.address, e.city) if x),
                         e.name, e.phone, e.email, ()) for e in sheet.embassies]
    return write(CONTACT_COLUMNS, rows)


def _person_row(section: str, name: str, role: str | None, org: str | None,
                phone: str | None, email: str | None, languages: tuple[str, ...]) -> list[str]:
    return [cell(section), cell(name), cell(role), cell(org), cell(phone, phone=True),
            cell(email), cell(", ".join(languages))]


# --- the registry's entry points ---------------------------------------------------------


def _itinerary(p: Programme, options: Options) -> str:
    """One row per event: B2B meetings are never folded into their session."""
    from missionctl.views.itinerary import build

    return itinerary(build(p.mission, p.selection, p.flags, options.public, fold=False,
                           lang=options.lang))


def _contacts(sheet: ContactSheet, options: Options) -> str:
    return contacts(sheet)


def sheet(t: Table) -> str:
    """Every column of every row (the section's columns repeated), as a spreadsheet wants."""
    phones = [c.kind == "phone" for c in t.columns]
    rows = ([cell(v.isoformat(timespec="minutes") if isinstance(v, time) else
                  v.isoformat() if isinstance(v, date) else v, phone=p)
             for v, p in zip(row, phones, strict=False)] for row in t.rows)
    return write([c.key for c in t.columns], rows)


def _sheet(t: Table, options: Options) -> str:
    return sheet(t)


VIEWS = {"itinerary": _itinerary, "contacts": _contacts, "sheet": _sheet}
