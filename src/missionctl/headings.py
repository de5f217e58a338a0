"""The column headings of the tables a spreadsheet or a PDF shows, in the reader's language.

The views name their columns in English (`views/table.py`, `views/sheets.py`); the headings
are marked for the catalogs here, where the formats that write them translate them
(`pybabel extract` reads `N_`). tests/test_headings.py checks that every column of
every table is here.
"""

from __future__ import annotations

from collections.abc import Sequence

from missionctl.i18n import N_, translator

HEADINGS = (
    # the itinerary (views/table.py ITINERARY)
    N_("Date"), N_("Start"), N_("Start zone"), N_("End date"), N_("End"), N_("End zone"),
    N_("Start (UTC)"), N_("End (UTC)"), N_("Event"), N_("Kind"), N_("Title"), N_("Status"),
    N_("Place"), N_("Address"), N_("From"), N_("To"), N_("Transport"), N_("Organisation"),
    N_("With"), N_("Taking part"), N_("Hosts"), N_("Interpreters"), N_("Language"),
    N_("Notes"), N_("Flags"),
    # the contact sheet (CONTACTS)
    N_("Section"), N_("Name"), N_("Role"), N_("Phone"), N_("E-mail"), N_("Languages"),
    # the sheets (views/sheets.py): rooming, dietary, manifest, badges
    N_("Hotel"), N_("Night"), N_("Guest"), N_("Check-in"), N_("Check-out"), N_("Time"),
    N_("Meal"), N_("People"), N_("Dietary need"), N_("Count"), N_("Who"), N_("Pick-up"),
    N_("Leg"), N_("Pick-up place"), N_("Reference"), N_("Passenger"), N_("Id"),
)


def headings(labels: Sequence[str], lang: str) -> list[str]:
    """`labels` in `lang` (a label the catalog lacks stays as it is)."""
    tr = translator(lang)
    return [tr.gettext(label) for label in labels]
