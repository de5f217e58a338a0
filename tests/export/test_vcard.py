"""The hand-written vCard lines (export/vcard.py) against vobject: the same bytes as vobject's
own serialisation of the same cards (`vcard_oracle`), and the same values read back by
vobject's parser, on every example mission and on random text (Hypothesis)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vobject.base import foldOneLine

from export import vcard_oracle
from missionctl.export import vcard as lines
from missionctl.export.text import multiline, one_line
from missionctl.loader import load
from missionctl.missions import find_missions
from missionctl.render import vcard
from missionctl.views import contacts
from missionctl.views.contacts import ContactSheet, Embassy, OrgSection
from missionctl.views.people import Contact

ROOT = Path(__file__).resolve().parents[2]
MISSIONS = sorted(find_missions(ROOT / "missions")) if (ROOT / "missions").is_dir() else []

# Every character UTF-8 can carry, line breaks and controls included.
TEXT = st.text(st.characters(codec="utf-8"), max_size=120)
SOME = st.one_of(st.none(), TEXT)


def _vobject_folded(text: str) -> str:
    out = io.StringIO()
    foldOneLine(out, text)
    return out.getvalue().removesuffix("\r\n")


@settings(max_examples=400, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=300))
def test_fold_is_vobjects(text: str) -> None:
    folded = lines.fold(text)
    assert folded == _vobject_folded(text)
    assert folded.replace("\r\n ", "") == text
    if len(text) >= 75:
        assert all(len(p.encode("utf-8")) <= 75 for p in folded.split("\r\n"))


def test_fold_cuts_before_a_character_that_does_not_fit() -> None:
    text = "NOTE:" + "é" * 40  # 85 octets, 45 characters: under 75 characters, not folded
    assert lines.fold(text) == text
    long = "FN:" + "é" * 80
    first, *_rest = lines.fold(long).split("\r\n ")
    assert first == "FN:" + "é" * 36  # 75 octets exactly


@given(TEXT)
def test_escape_is_read_back(value: str) -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\n" + lines.fold(lines.line("FN", value)) + \
        "\r\nEND:VCARD\r\n"
    assert vobject.readOne(text).fn.value == value.replace("\r\n", "\n").replace("\r", "\n")


@st.composite
def people(draw: st.DrawFn) -> Contact:
    return Contact(id=draw(st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)),
                   name=draw(TEXT), role=draw(SOME), organisation=draw(SOME),
                   phone=draw(SOME), email=draw(SOME),
                   languages=tuple(draw(st.lists(TEXT, max_size=3))))


@st.composite
def sheets(draw: st.DrawFn) -> ContactSheet:
    embassies = tuple(Embassy(f"e{i}", draw(TEXT), draw(SOME), draw(SOME), draw(SOME),
                              draw(SOME), draw(SOME)) for i in range(draw(st.integers(0, 2))))
    emergency = tuple(draw(st.lists(st.tuples(TEXT, TEXT), max_size=4)))
    return ContactSheet(
        mission_id="m", title=draw(TEXT), heading="Contacts", duty=draw(st.none() | people()),
        sections=(OrgSection(None, "Other", None, None, None, None,
                             tuple(draw(st.lists(people(), max_size=4)))),),
        country="MA", country_name=draw(TEXT), emergency=emergency,
        emergency_note=draw(TEXT), embassies=embassies, public=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets())
def test_random_sheets_are_vobjects_bytes(sheet: ContactSheet) -> None:
    assert vcard.contacts(sheet) == vcard_oracle.contacts(sheet)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets())
def test_random_sheets_read_back(sheet: ContactSheet) -> None:
    cards = list(vobject.readComponents(vcard.contacts(sheet)))
    shown = sheet.people
    assert len(cards) == len(shown) + len(sheet.embassies) + (1 if sheet.emergency else 0)
    for c, card in zip(shown, cards, strict=False):
        assert card.uid.value == f"{c.id}@m.missionctl"
        assert card.fn.value == one_line(c.name)
        assert card.categories.value == [one_line(sheet.title)]
        assert "Speaks" not in card.note.value or c.languages
        assert card.note.value.endswith(multiline(sheet.title))
        if c.phone:
            assert card.tel.value == one_line(c.phone)
            assert card.tel.params["TYPE"] == ["VOICE"]
        if c.organisation:
            assert card.org.value == [one_line(c.organisation)]
    if sheet.emergency:
        numbers = [t.value for t in cards[-1].contents["tel"]]
        assert numbers == [one_line(n) for _s, n in sheet.emergency]


@pytest.mark.parametrize("public", [False, True])
@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.parent.name)
def test_example_missions_are_vobjects_bytes(path: Path, public: bool) -> None:
    loaded = load(path)
    assert loaded.mission is not None
    for lang in ("en", "fr", "ar"):
        sheet = contacts.build(loaded.mission, public=public, lang=lang)
        assert vcard.contacts(sheet) == vcard_oracle.contacts(sheet)
