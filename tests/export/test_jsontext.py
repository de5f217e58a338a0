"""`export.jsontext` against `json.dumps(..., ensure_ascii=False, indent=2, sort_keys=True)`:
the same text for random documents (Hypothesis), for the shapes the exports write (objects of
ids and lists of ids, lists of objects), with the characters its cuts rely on (line breaks,
brackets, quotes, control characters) inside keys and values."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionctl.export import jsontext
from missionctl.i18n.text import Text

# Text made mostly of what the encoder's cuts look for, and of anything else.
TRICKY = st.text(st.sampled_from('a]"\\,\n[{}: \x00\x01é\u2028'), max_size=8)
TEXT = st.one_of(TRICKY, st.text(max_size=12))
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.tuples(inner, inner),
                            st.dictionaries(TEXT, inner, max_size=5)),
    max_leaves=40)
# An export's object: plain fields and lists of plain values, the shape written in one call.
RECORD = st.dictionaries(TEXT, st.one_of(SCALAR, st.lists(SCALAR, max_size=4)), max_size=8)


def expected(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


@settings(max_examples=1500, deadline=None)
@given(VALUE)
def test_any_document_is_written_as_json_dumps_writes_it(value: Any) -> None:
    assert jsontext.dumps(value) == expected(value)


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(TEXT, st.one_of(RECORD, st.lists(RECORD, max_size=3)), max_size=4))
def test_records_are_written_as_json_dumps_writes_them(doc: dict[str, Any]) -> None:
    assert jsontext.dumps(doc) == expected(doc)


def test_a_list_under_the_top_level_may_be_an_iterator() -> None:
    events: list[dict[str, Any]] = [{"id": "a", "people": ["p1", "p2"], "n": 1},
                                    {"id": "b", "people": []}]
    made: list[str] = []

    def lazily() -> Iterator[dict[str, Any]]:
        for e in events:
            made.append(e["id"])
            yield e

    pieces = jsontext.chunks({"events": lazily(), "none": iter(()), "version": 1})
    first = next(pieces)
    assert made == []  # nothing made before it is written
    text = first + "".join(pieces)
    assert text == expected({"events": events, "none": [], "version": 1})
    assert made == ["a", "b"]


@pytest.mark.parametrize("value", [
    {}, [], (), "", 0, None, 1.5, float("nan"), float("-inf"), 10**30, "x\ny",
    {"a": {}, "b": [], "c": [[]], "d": [{}]},
    {"title": Text({"en": "Visit", "pt": "Visita"}), "n": [Text({"fr": "Un"})]},
    {"ids": ("a", "b"), "nested": {"deep": {"deeper": [1, [2, [3]]]}}},
])
def test_edge_values(value: Any) -> None:
    assert jsontext.dumps(value) == expected(value)


def test_keys_that_are_not_strings_sort_and_read_as_json_dumps_does() -> None:
    for doc in ({10: [1], 9: {"x": [2]}, 8: 1}, {1.5: [1], 2.5: "z"}, {True: [1], False: 2},
                {None: ["a"]}, {"x": {None: [1]}}):
        assert jsontext.dumps(doc) == expected(doc)
    with pytest.raises(TypeError):
        jsontext.dumps({(1, 2): [1]})


def test_what_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsontext.dumps({"a": [object()]})
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsontext.dumps({"a": {"b": [1, object()]}})
