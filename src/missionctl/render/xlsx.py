"""`--format xlsx`: the itinerary, the contact sheet and every operational sheet as a
workbook with typed cells (`export/xlsx.py` writes it; openpyxl is imported only here).

Dates and times are those of the place (each event's own zone, named in the zone columns),
plus the UTC instants; phone numbers and ids are text. One worksheet per view, named after its
heading. Column headings are in the reader's language (`Options.lang`, `headings.py`);
the cells are typed the same in every language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.export.xlsx import Grid, workbook
from missionctl.headings import headings
from missionctl.views.contacts import ContactSheet
from missionctl.views.table import Table, contacts_table, itinerary_table

if TYPE_CHECKING:
    from missionctl.render import Options
    from missionctl.views.select import Programme


def table(t: Table, lang: str = "en") -> bytes:
    """The table as one worksheet, its column headings in `lang`."""
    grid = Grid(t.heading, headings([c.label for c in t.columns], lang),
                [c.kind for c in t.columns], t.rows)
    return workbook([grid], title=t.title)


def _itinerary(p: Programme, options: Options) -> bytes:
    """One row per event: B2B meetings are never folded into their session (as in CSV)."""
    from missionctl.views.itinerary import build

    return table(itinerary_table(build(p.mission, p.selection, p.flags, options.public,
                                       fold=False, lang=options.lang)), options.lang)


def _contacts(sheet: ContactSheet, options: Options) -> bytes:
    return table(contacts_table(sheet), options.lang)


def _sheet(t: Table, options: Options) -> bytes:
    return table(t, options.lang)


VIEWS = {"itinerary": _itinerary, "contacts": _contacts, "sheet": _sheet}
