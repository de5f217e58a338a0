"""`--format pdf`: the itinerary (a booklet per person with `--per-person`), the contact sheet
and the operational sheets, printed on A4 (or US Letter: `Options.paper`). `export/pdf.py`
writes the PDF; fpdf2 is imported only here.

Every page carries the mission's title at the top and its number at the bottom. When the
programme is long (more than `LONG` events), each day starts on a new page. Badges are printed
eight to a page, two across and four down, with dashed cutting lines.

Every word comes from the view models and `wording.py`, as in the HTML page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.export.pdf import Writer
from missionctl.headings import headings
from missionctl.i18n import Translator, translator
from missionctl.views.contacts import ContactSheet, emergency_line
from missionctl.views.itinerary import MEETING_HEADS, Itinerary, Line, detail_rows, host_text
from missionctl.views.table import Table, heading_text, shown
from missionctl.wording import clock, day_brief, day_full, zone_and_offset

if TYPE_CHECKING:
    from missionctl.render import Options
    from missionctl.views.select import Programme

LONG = 12  # events: more, and each day starts on a new page
RLM = "\u200f"  # right-to-left mark: a strong right-to-left letter that shows nothing
LRM = "\u200e"  # its left-to-right twin


def itinerary(it: Itinerary, paper: str = "a4") -> bytes:
    """The booklet in `it.lang`: the same catalog messages as the HTML page (i18n)."""
    tr = translator(it.lang)
    made = tr._("Made by missionctl from mission {mission}.").format(mission=it.mission_id)
    w = Writer(it.title, paper, made, rtl=tr.direction == "rtl")
    w.heading(it.title, 0)
    w.para(f"{it.heading} · {it.dates}", 11, bold=True)
    w.para(tr._("Times are local to each event; {zone} unless marked.").format(zone=it.zone))
    if it.duty is not None:
        w.para(tr.colon(tr._("Duty contact")) + " " + host_text(it.duty))
    if it.emergency:
        w.para(tr.colon(tr._("Emergency numbers in {country}").format(country=it.country_name))
               + f" {emergency_line(it.emergency, tr)}")
    if not it.days:
        w.para(tr._("Nothing in this selection."))
    long = sum(len(d.lines) for d in it.days) > LONG
    for n, day in enumerate(it.days):
        if long and n > 0:
            w.new_page()
        w.heading(day_full(day.date, it.lang), 1)
        for ln in day.lines:
            _event(w, it, ln, tr)
    return w.output()


def _when(it: Itinerary, ln: Line) -> str:
    start = clock(ln.start)
    if ln.start_zone != it.zone:
        start += f" ({zone_and_offset(ln.start, ln.start_zone)})"
    end = clock(ln.end)
    if ln.end.date() != ln.start.date():
        end = f"{day_brief(ln.end.date(), it.lang)} {end}"
    if ln.end_zone != it.zone:
        end += f" ({zone_and_offset(ln.end, ln.end_zone)})"
    return f"{start} – {end}"


def _first_strong(text: str) -> str:
    """The bidi class of the first letter with a direction ('L', 'R', 'AL'), else ''."""
    import unicodedata

    return next((c for c in map(unicodedata.bidirectional, text) if c in ("L", "R", "AL")),
                "")


def _event(w: Writer, it: Itinerary, ln: Line, tr: Translator) -> None:
    rows = detail_rows(ln, tr)
    if not w.room(12 + 5 * min(len(rows), 4)):
        w.new_page()
    word = tr._("cancelled") if ln.cancelled else tr._("tentative") if ln.tentative else ""
    status = f" ({word})" if word else ""
    flags = "".join(f"  ⚠ {f.code}" for f in ln.flags)
    # The page's direction, not the title's: the times come first (at the right in Arabic).
    # A mark before the title ends their run, else a Latin title would join the times (and
    # a zone beside them) into one left-to-right run; placed there, it leaves every time
    # whole to pdftotext.
    # A mark after a Latin title keeps its last full stop or bracket at its end.
    mark, end = (RLM, LRM if _first_strong(ln.title) == "L" else "") if w.rtl else ("", "")
    w.para(f"{_when(it, ln)}   {mark}{ln.title}{end}{status}{flags}", 10, bold=True,
           auto=False)
    w.pairs([(label, value if isinstance(value, str) else host_text(value))
             for label, value in rows])
    if ln.meetings:
        w.table([tr._(h) for h in MEETING_HEADS],
                [[clock(m.start), m.table, m.between, ", ".join(m.people)]
                 for m in ln.meetings], (14, 14, 70, 82))
    w.doc.ln(2)


def contacts(sheet: ContactSheet, paper: str = "a4") -> bytes:
    """The contact sheet in `sheet.lang`: the HTML page's catalog messages, right to left in
    Arabic (i18n)."""
    tr = translator(sheet.lang)
    made = tr._("Made by missionctl from mission {mission}.").format(mission=sheet.mission_id)
    w = Writer(sheet.title, paper, made, rtl=tr.direction == "rtl")
    w.heading(sheet.title, 0)
    w.para(sheet.heading, 11, bold=True)
    if sheet.public:
        w.para(tr._("Shared version: private fields left out."))
    if sheet.duty is not None:
        w.heading(tr._("Duty contact"), 1)
        w.para(host_text(sheet.duty))
    w.heading(tr._("Emergency numbers in {country}").format(country=sheet.country_name), 1)
    w.para(emergency_line(sheet.emergency, tr))
    w.para(sheet.emergency_note, 8.5)
    if sheet.embassies:
        w.heading(tr._("Embassies and consulates"), 1)
        w.table([tr._("Name"), tr._("Address"), tr._("Phone"), tr._("E-mail")],
                [[e.name, ", ".join(x for x in (e.address, e.city) if x), e.phone or "",
                  e.email or ""] for e in sheet.embassies], (45, 45, 35, 55))
    for s in sheet.sections:
        w.heading(s.name, 1)
        w.table([tr._("Name"), tr._("Role"), tr._("Phone"), tr._("E-mail"), tr._("Languages")],
                [[c.name, c.role or "", c.phone or "", c.email or "", ", ".join(c.languages)]
                 for c in s.people], (40, 45, 32, 45, 18))
    if not sheet.sections:
        w.para(tr._("Nobody else in this selection."))
    return w.output()


def sheet(t: Table, paper: str = "a4", lang: str = "en") -> bytes:
    """A sheet, its column headings in `lang` (right to left in Arabic)."""
    tr = translator(lang)
    made = tr._("Made by missionctl from mission {mission}.").format(mission=t.mission_id)
    w = Writer(t.title, paper, made, rtl=tr.direction == "rtl")
    if t.kind == "badges":
        _badges(w, t)
        return w.output()
    w.heading(t.title, 0)
    w.para(t.heading + (f" · {t.dates}" if t.dates else ""), 11, bold=True)
    if not t.rows:
        w.para(tr._("Nothing in this selection."))
    cols = t.body_columns
    for key, rows in t.sections():
        if t.group:
            w.heading(heading_text(key, t.columns, t.lang), 2)
        w.table(headings([c.label for c in cols], lang),
                [[shown(v, c.kind, t.lang) for v, c in zip(row, cols, strict=False)]
                 for row in rows])
    return w.output()


def _badges(w: Writer, t: Table) -> None:
    """Eight to a page: two columns, four rows, filling the printable area."""
    d = w.doc
    width = (d.w - d.l_margin - d.r_margin) / 2
    height = (d.h - 16 - 16) / 4
    for n, (name, org, role, *_rest) in enumerate(t.rows):
        if n and n % 8 == 0:
            w.new_page()
        col, row = n % 2, (n % 8) // 2
        lines = [(str(name), 20.0, "B")]
        lines += [(str(org), 11.5, "")] if org else []
        lines += [(str(role), 9.5, "")] if role else []
        w.box(d.l_margin + col * width, 16 + row * height, width, height, lines)


# --- the registry's entry points ---------------------------------------------------------


def _itinerary(p: Programme, options: Options) -> bytes:
    """B2B meetings folded into their session, as in the HTML page (one by one in a person's
    booklet)."""
    from missionctl.views.itinerary import build

    return itinerary(build(p.mission, p.selection, p.flags, options.public, lang=options.lang),
                     options.paper)


def _contacts(s: ContactSheet, options: Options) -> bytes:
    """In the sheet's language (`contacts.build(lang=...)`, as `Options.lang`)."""
    return contacts(s, options.paper)


def _sheet(t: Table, options: Options) -> bytes:
    return sheet(t, options.paper, options.lang)


VIEWS = {"itinerary": _itinerary, "contacts": _contacts, "sheet": _sheet}
