"""A mission in the reader's language (`views.localise`): B2B meetings, whose titles and notes
the loader writes in English, read in the reader's language too."""

from __future__ import annotations

from pathlib import Path

import pytest

from missionctl.loader import load
from missionctl.model import Mission
from missionctl.views import itinerary
from missionctl.views.localise import localised
from missionctl.views.select import Selection

EXAMPLE = Path(__file__).resolve().parents[2] / "missions" / "produtech-morocco-2027" / \
    "mission.yaml"


@pytest.fixture(scope="module")
def example() -> Mission:
    mission = load(EXAMPLE, EXAMPLE.name).mission
    assert mission is not None
    return mission


def _meetings(m: Mission) -> list[str]:
    return [e.id for e in m.events.values() if e.b2b is not None]


def test_english_leaves_the_meetings_as_loaded(example: Mission) -> None:
    en = localised(example, "en")
    ids = _meetings(example)
    assert ids and all(en.events[i] is example.events[i] for i in ids)


@pytest.mark.parametrize("lang, prefix, table", [
    ("fr", "B2B\u202f: ", ", table "), ("pt", "B2B: ", ", mesa "),
    # Arabic keeps the Latin "B2B": a title that starts in Arabic and ends in Latin names
    # puts their last full stop ("Lda.") on the wrong side, and a reader knows the acronym.
    ("ar", "B2B: ", "، الطاولة ")])
def test_meetings_in_the_readers_language(example: Mission, lang: str, prefix: str,
                                          table: str) -> None:
    pytest.importorskip("babel")
    m = localised(example, lang)
    orgs = m.organisations
    for session in m.b2b.values():
        for mt in session.meetings:
            e = m.events[mt.event_id]
            names = " – ".join(orgs[o].name for o in mt.between)
            assert e.title == prefix + names
            assert e.notes == f"{session.title}{table}{mt.table}"


def test_the_session_table_names_the_pair_without_the_prefix(example: Mission) -> None:
    pytest.importorskip("babel")
    it = itinerary.build(example, Selection(), {}, False, lang="fr")
    rows = [r for d in it.days for ln in d.lines for r in ln.meetings]
    assert rows and not [r for r in rows if "B2B" in r.between]
    assert all(" – " in r.between for r in rows)
