"""`export.text`: the fast path of `multiline` (text it would not change is returned as it
is) gives what its two substitutions give, on random text rich in breaks and controls."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from missionctl.export import text as t

# Every character either function treats specially, and some that it must leave alone.
SPECIAL = "".join(map(chr, [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]))
TEXT = st.text(st.sampled_from(SPECIAL + "aé ال中\u00a0") | st.characters(), max_size=40)


def by_substitution(text: str) -> str:
    return t._CONTROL.sub("", t._BREAK.sub("\n", text))


@given(TEXT)
def test_multiline_is_its_substitutions(text: str) -> None:
    assert t.multiline(text) == by_substitution(text)


@given(TEXT)
def test_text_returned_unchanged_needs_no_change(text: str) -> None:
    if t._CHANGED.search(text) is None:
        assert by_substitution(text) == text
    else:
        assert any(ch in text for ch in SPECIAL if ch not in "\t\n")


def test_every_special_character_alone() -> None:
    for ch in SPECIAL:
        assert t.multiline(f"a{ch}b") == by_substitution(f"a{ch}b"), hex(ord(ch))
