"""vCard 3.0 for the contact sheet, read back with vobject."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject

from missionctl.model import Mission
from missionctl.render import vcard
from missionctl.views import contacts
from views.sample import load_small


@pytest.fixture
def small(tmp_path: Path) -> Mission:
    return load_small(tmp_path)


def cards(text: str) -> dict[str, object]:
    return {c.fn.value: c for c in vobject.readComponents(text)}


def test_every_person_embassy_and_emergency_card(small: Mission) -> None:
    text = vcard.contacts(contacts.build(small))
    assert text.count("BEGIN:VCARD") == 7
    assert "VERSION:3.0\r\n" in text
    got = cards(text)
    ana = got["Ana Silva"]
    assert ana.n.value.family == "Silva" and ana.n.value.given == "Ana"  # type: ignore[attr-defined]
    assert ana.tel.value == "+351 912 000 001"  # type: ignore[attr-defined]
    assert ana.email.value == "ana@example.org"  # type: ignore[attr-defined]
    assert ana.org.value == ["The Cluster"]  # type: ignore[attr-defined]
    assert ana.uid.value == "ana@small.missionctl"  # type: ignore[attr-defined]
    assert "Embassy of Portugal" in got
    sos = got["Emergency numbers – Morocco"]
    assert [t.value for t in sos.contents["tel"]] == ["19", "177", "15", "15"]  # type: ignore[attr-defined]


def test_public_leaves_out_private_fields(small: Mission) -> None:
    got = cards(vcard.contacts(contacts.build(small, public=True)))
    bruno = got["Bruno Costa"]
    assert "tel" not in bruno.contents and "email" not in bruno.contents  # type: ignore[attr-defined]


def test_split_name() -> None:
    assert vcard.split_name("Fatima Zahra Amrani") == ("Amrani", "Fatima Zahra")
    assert vcard.split_name("Madonna") == ("Madonna", "")
