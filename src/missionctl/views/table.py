"""Views as one typed table: what spreadsheets (xlsx), the operational sheets and the PDF's
tables are made of.

A `Table` is a title block (mission title, heading, dates) and one flat table: typed columns
and rows of typed cells (a `date` stays a date, a `time` a time, a phone number text), so a
spreadsheet writer can give each cell its real type. Readable formats cut the rows into
sections by the first `group` columns (the hotel of a rooming list, the leg of a manifest);
flat formats (CSV, xlsx, JSON) write every column of every row.

Every word a reader sees comes from here or from `wording.py` (`LABELS`, `shown`), so that a
translated label function replaces one table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from missionctl.i18n import N_, translator
from missionctl.views.contacts import ContactSheet
from missionctl.views.itinerary import Itinerary, Line, host_text

Cell = str | int | date | time | datetime | None

#: Column kinds: how a spreadsheet types a cell and how text shows it.
KINDS = ("text", "id", "phone", "number", "date", "time", "datetime")


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # machine name: CSV header, JSON key
    label: str  # what a person reads
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class Table:
    kind: str  # itinerary, contacts, rooming, dietary, manifest, badges
    mission_id: str
    title: str  # the mission's title
    heading: str  # "Rooming list", "Programme", ...
    dates: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    group: int = 0  # leading columns that head a section in readable formats
    notes: tuple[str, ...] = ()
    lang: str = "en"  # the language of the labels and texts (i18n); `shown` writes dates in it

    def sections(self) -> Iterator[tuple[tuple[Cell, ...], list[tuple[Cell, ...]]]]:
        """(the group's leading cells, its rows without them), in order; one pass."""
        key: tuple[Cell, ...] | None = None
        rows: list[tuple[Cell, ...]] = []
        for row in self.rows:
            head = row[:self.group]
            if key is not None and head != key:
                yield key, rows
                rows = []
            key = head
            rows.append(row[self.group:])
        if key is not None:
            yield key, rows

    @property
    def body_columns(self) -> tuple[Column, ...]:
        return self.columns[self.group:]


def shown(value: Cell, kind: str = "text", lang: str = "en") -> str:
    """A cell as text for people: dates with their weekday (in `lang`), times as 10:30."""
    from missionctl.wording import clock, day_brief

    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{day_brief(value.date(), lang)} {clock(value)}"
    if isinstance(value, date):
        return day_brief(value, lang)
    if isinstance(value, time):
        return clock(value)
    return str(value)


def heading_text(cells: tuple[Cell, ...], columns: tuple[Column, ...], lang: str = "en") -> str:
    """A section's heading: its leading cells shown (dates in `lang`) and joined."""
    return " · ".join(_counted(c, col, lang) if col.kind == "number" and isinstance(c, int)
                      else shown(c, col.kind, lang)
                      for c, col in zip(cells, columns, strict=False) if c not in (None, ""))


def _counted(n: int, col: Column, lang: str) -> str:
    """'13 people taking part' (the language's plural forms), else '3 count'."""
    from missionctl.i18n import translator

    if col.key == "people":
        return translator(lang).ngettext("{n} person taking part", "{n} people taking part",
                                         n).format(n=n)
    return f"{n} {col.label.lower()}"


# --- the itinerary and the contact sheet as tables -----------------------------------------

ITINERARY = (
    Column("date", N_("Date"), "date"), Column("start", N_("Start"), "time"),
    Column("start_zone", N_("Start zone")), Column("end_date", N_("End date"), "date"),
    Column("end", N_("End"), "time"), Column("end_zone", N_("End zone")),
    Column("start_utc", N_("Start (UTC)"), "datetime"),
    Column("end_utc", N_("End (UTC)"), "datetime"),
    Column("event", N_("Event"), "id"), Column("kind", N_("Kind")), Column("title", N_("Title")),
    Column("status", N_("Status")), Column("place", N_("Place")), Column("address", N_("Address")),
    Column("from", N_("From")), Column("to", N_("To")), Column("transport", N_("Transport")),
    Column("organisation", N_("Organisation")), Column("with", N_("With")),
    Column("taking_part", N_("Taking part"), "number"), Column("hosts", N_("Hosts")),
    Column("interpreters", N_("Interpreters")), Column("language", N_("Language")),
    Column("notes", N_("Notes")), Column("flags", N_("Flags")),
)

CONTACTS = (
    Column("section", N_("Section")), Column("name", N_("Name")), Column("role", N_("Role")),
    Column("organisation", N_("Organisation")), Column("phone", N_("Phone"), "phone"),
    Column("email", N_("E-mail")), Column("languages", N_("Languages")),
)


def itinerary_table(it: Itinerary) -> Table:
    """The itinerary's rows; the column labels (a spreadsheet's header) in `it.lang`."""
    rows = tuple(_event_row(ln) for day in it.days for ln in day.lines)
    return Table("itinerary", it.mission_id, it.title, it.heading, it.dates,
                 _labelled(ITINERARY, it.lang), rows, lang=it.lang)


def _labelled(columns: tuple[Column, ...], lang: str) -> tuple[Column, ...]:
    """The columns with their labels (marked `N_`) in `lang`; the keys stay."""
    if lang == "en":
        return columns
    from dataclasses import replace

    tr = translator(lang)
    return tuple(replace(c, label=tr._(c.label)) for c in columns)


def _naive_utc(local: datetime) -> datetime:
    return local.astimezone(UTC).replace(tzinfo=None)


def _event_row(ln: Line) -> tuple[Cell, ...]:
    return (
        ln.start.date(), ln.start.time().replace(tzinfo=None), ln.start_zone,
        ln.end.date(), ln.end.time().replace(tzinfo=None), ln.end_zone,
        _naive_utc(ln.start), _naive_utc(ln.end),
        ln.event_id, ln.kind, ln.title, ln.status, ln.place, ln.address,
        ln.route[0] if ln.route else None, ln.route[1] if ln.route else None, ln.transport,
        ln.organisation, "; ".join(ln.attending), ln.attending_count,
        "; ".join(host_text(h) for h in ln.hosts) or ln.host_org,
        ", ".join(ln.interpreters), ln.language, ln.notes,
        " ".join(f.code for f in ln.flags),
    )


def contacts_table(sheet: ContactSheet) -> Table:
    rows: list[tuple[Cell, ...]] = []
    if sheet.duty is not None:
        d = sheet.duty
        rows.append(("duty contact", d.name, d.role, d.organisation, d.phone, d.email,
                     ", ".join(d.languages)))
    rows += [("people", c.name, c.role, c.organisation, c.phone, c.email,
              ", ".join(c.languages)) for s in sheet.sections for c in s.people]
    rows += [("emergency", service, None, sheet.country_name, number, None, None)
             for service, number in sheet.emergency]
    rows += [("embassy", e.name, ", ".join(x for x in (e.address, e.city) if x) or None,
              e.name, e.phone, e.email, None) for e in sheet.embassies]
    return Table("contacts", sheet.mission_id, sheet.title, sheet.heading, "",
                 _labelled(CONTACTS, sheet.lang), tuple(rows), lang=sheet.lang)
