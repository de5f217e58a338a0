"""`i18n.text.Text` and `views.localise`: which variant a reader gets, in which order."""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

import pytest

from missionctl.i18n.text import Text, pick, pick_opt, variants
from missionctl.loader import fields
from missionctl.views.localise import FIELDS, default_lang, localised

if TYPE_CHECKING:
    from conftest import Load

TITLE = Text({"fr": "Visite de l'usine", "pt": "Visita à fábrica", "en": "Plant visit"})


def test_the_reader_then_the_fallback_then_the_first_written() -> None:
    assert TITLE.pick("pt") == "Visita à fábrica"
    assert TITLE.pick("ar") == "Visite de l'usine"  # none: the first written
    assert TITLE.pick("ar", ("en",)) == "Plant visit"  # the mission's first language
    assert TITLE.pick("ar", ("de", "en")) == "Plant visit"
    assert pick("Plain", "pt", ("fr",)) == "Plain"
    assert pick_opt(None, "pt") is None
    assert variants("Plain") is None and variants(TITLE) == TITLE.variants


def test_a_text_is_its_first_variant_as_a_string() -> None:
    assert TITLE == "Visite de l'usine" and isinstance(TITLE, str)
    assert f"{TITLE}" == "Visite de l'usine" and str(TITLE) == "Visite de l'usine"
    preferred = TITLE.prefer("en")
    assert preferred == "Plant visit" and isinstance(preferred, Text)
    assert list(preferred.variants) == ["en", "fr", "pt"]  # every variant kept
    assert TITLE.prefer("fr") is TITLE
    assert TITLE.missing(("pt", "ar", "en")) == ["ar"]
    assert pickle.loads(pickle.dumps(TITLE)).variants == TITLE.variants
    with pytest.raises(ValueError):
        Text({})


MISSION = """\
missionctl: 1
mission:
  id: m
  title: {fr: Mission au Maroc, en: Mission to Morocco}
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  languages: [en, fr]
people:
  ana: {name: Ana Silva, languages: [de, pt, en], role: {pt: Engenheira, en: Engineer}}
  omar: {name: Omar Fassi, languages: [ar, fr]}
  hans: {name: Hans Weber, languages: [de]}
venues:
  hotel:
    name: {ar: فندق أنفا, fr: Hôtel Anfa}
    rooms: {salle: {name: {fr: Salle Mogador, pt: Sala Mogador}}}
events:
  visit:
    kind: visit
    title: {pt: Visita, fr: Visite}
    notes: Plain notes
    venue: hotel
    start: 2027-05-11 10:00
    duration: 1h
"""


def test_localised_mission(loaded: Load) -> None:
    m = loaded(MISSION, header=False).mission
    assert m is not None
    pt, ar, en = localised(m, "pt"), localised(m, "ar"), localised(m, "en")
    # No pt: the mission's first language (en); no en either: the first written.
    assert (pt.info.title, pt.events["visit"].title, pt.venues["hotel"].name) == (
        "Mission to Morocco", "Visita", "فندق أنفا")
    assert pt.venues["hotel"].rooms["salle"].name == "Sala Mogador"
    assert pt.people["ana"].role == "Engenheira"
    assert (ar.info.title, ar.events["visit"].title, ar.venues["hotel"].name) == (
        "Mission to Morocco", "Visita", "فندق أنفا")  # no en title: the first written
    assert en.events["visit"].title == "Visita"
    assert en.events["visit"].notes == "Plain notes"
    # Objects without a multilingual text are shared, not copied; results are kept.
    assert pt.people["omar"] is m.people["omar"]
    assert localised(m, "pt") is pt
    with pytest.raises(ValueError):
        localised(m, "de")


def test_default_language(loaded: Load) -> None:
    m = loaded(MISSION, header=False).mission
    assert m is not None
    assert default_lang(m) == "en"  # mission.languages[0]
    assert default_lang(m, "ana") == "pt"  # her first language that missionctl writes
    assert default_lang(m, "omar") == "ar"
    assert default_lang(m, "hans") == "en"  # none: the mission's
    no_languages = loaded(MISSION.replace("  languages: [en, fr]\n", ""), header=False).mission
    assert no_languages is not None and default_lang(no_languages) == "en"


def test_the_multilingual_fields_are_the_field_table_s() -> None:
    """`i18n.text.MULTILINGUAL` (read by `views.localise` and MC108) and the `texts` kind of
    `loader/fields.py` name the same fields."""
    from missionctl import model

    specs = {"MissionInfo": fields.MISSION, "Organisation": fields.ORGANISATION,
             "Person": fields.PERSON, "Group": fields.GROUP, "Venue": fields.VENUE,
             "Room": fields.ROOM, "Event": fields.EVENT, "B2BSession": fields.B2B}
    for name, spec in specs.items():
        assert FIELDS[name] == tuple(n for n, f in spec.items() if f.kind == "texts"), name
        assert set(FIELDS[name]) <= set(getattr(model, name)._fields)
