"""Every column heading of every table is marked for the catalogs and translated."""

from __future__ import annotations

import pytest

from missionctl.headings import HEADINGS, headings
from missionctl.views import sheets
from missionctl.views.table import CONTACTS, ITINERARY

pytest.importorskip("babel")
LABELS = [c.label for cols in (ITINERARY, CONTACTS, sheets.ROOMING, sheets.DIETARY,
                               sheets.MANIFEST, sheets.BADGES) for c in cols]


def test_every_column_of_every_table_is_marked() -> None:
    assert sorted(set(LABELS) - set(HEADINGS)) == []


@pytest.mark.parametrize("lang", ["pt", "fr", "ar"])
def test_each_heading_is_translated(lang: str) -> None:
    same = [h for h, t in zip(HEADINGS, headings(HEADINGS, lang), strict=True) if h == t]
    # a few words are spelt alike in French and Portuguese
    assert set(same) <= {"Date", "Section", "Transport", "Hotel", "Organisation",
                         "E-mail"}, same


def test_english_is_the_source() -> None:
    assert headings(["Start zone", "Check-in"], "en") == ["Start zone", "Check-in"]
