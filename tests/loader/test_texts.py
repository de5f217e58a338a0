"""Multilingual text fields: a string, or a mapping from language code to text (issue 13).

Unknown language codes are MC003 at the key, with "did you mean" from the language names; the
other variants are kept; a plain string is still a plain `str`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.i18n.text import Text
from missionctl.loader import fields

if TYPE_CHECKING:
    from conftest import Found, Load

EVENT = """\
events:
  visit:
    kind: visit
    title: {title}
    start: 2027-05-11 10:00
    duration: 1h
"""
# The event's title is on line 12, its value at column 12.


def test_a_mapping_is_read_as_text_in_several_languages(loaded: Load) -> None:
    result = loaded(EVENT.format(title="{pt: Visita à fábrica, fr: Visite de l'usine}"))
    assert result.findings == ()
    assert result.mission is not None
    title = result.mission.events["visit"].title
    assert isinstance(title, Text)
    assert title == "Visita à fábrica"  # as a string: the variant written first
    assert dict(title.variants) == {"pt": "Visita à fábrica", "fr": "Visite de l'usine"}
    assert result.mission.events["visit"].locs["title"].line == 12


def test_a_plain_string_stays_a_plain_string(loaded: Load) -> None:
    result = loaded(EVENT.format(title="Plant visit"))
    assert result.mission is not None
    assert type(result.mission.events["visit"].title) is str


def test_unknown_language_codes_at_the_key_with_did_you_mean(found: Found) -> None:
    text = EVENT.format(title="{pt: Visita, Portuguese: Visita, xx: y, FR: Visite}")
    assert found(text) == [("MC003", 12, 25), ("MC003", 12, 45), ("MC003", 12, 52)]


def test_the_messages(loaded: Load) -> None:
    result = loaded(EVENT.format(title="{pt: Visita, português: Visita, FR: Visite}"))
    messages = [f.message for f in result.findings]
    assert messages == [
        "'português' is not an ISO 639-1 language code (did you mean 'pt'?); a text in "
        "several languages is keyed by language code, e.g. {pt: ..., fr: ...}",
        "'FR' is not an ISO 639-1 language code (did you mean 'fr'?); a text in several "
        "languages is keyed by language code, e.g. {pt: ..., fr: ...}",
    ]


def test_wrong_shapes(found: Found) -> None:
    assert found(EVENT.format(title="{}")) == [("MC003", 12, 12)]  # no language at all
    assert found(EVENT.format(title="{pt: [a, b]}")) == [("MC003", 12, 17)]  # not a text
    assert found(EVENT.format(title="{pt: ''}")) == [("MC003", 12, 17)]  # empty
    assert found(EVENT.format(title="{pt: Visita, pt: Visita}")) == [("MC005", 12, 25)]
    # A list is no text, whatever it holds.
    assert found(EVENT.format(title="[Visita]")) == [("MC003", 12, 12)]


def test_every_free_text_field_takes_several_languages() -> None:
    texts = {(section, name) for section, spec in
             (("mission", fields.MISSION), ("organisations", fields.ORGANISATION),
              ("people", fields.PERSON), ("groups", fields.GROUP), ("venues", fields.VENUE),
              ("rooms", fields.ROOM), ("events", fields.EVENT), ("b2b", fields.B2B))
             for name, f in spec.items() if f.kind == "texts"}
    assert texts == {
        ("mission", "title"), ("mission", "description"),
        ("organisations", "name"), ("organisations", "sector"), ("organisations", "notes"),
        ("people", "role"), ("people", "dietary"), ("people", "notes"),
        ("groups", "name"), ("venues", "name"), ("venues", "notes"), ("rooms", "name"),
        ("events", "title"), ("events", "notes"), ("b2b", "title"),
    }
    # Names of people, phone numbers, addresses and references stay one string.
    assert fields.PERSON["name"].kind == fields.VENUE["address"].kind == "text"
