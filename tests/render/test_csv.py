"""CSV: formula injection neutralised, phone numbers readable, one row per event/person."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from missionctl.export.text import multiline
from missionctl.model import Mission
from missionctl.render import csv_
from missionctl.views import contacts, itinerary
from missionctl.views.select import Selection
from views.sample import load_small


@pytest.fixture
def small(tmp_path: Path) -> Mission:
    return load_small(tmp_path)


@pytest.mark.parametrize(("value", "safe"), [
    ("=1+1", "'=1+1"),
    ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
    ("@SUM(1)", "'@SUM(1)"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\n=1"),  # a line break, written as one LF (issue 9: no raw control characters)
    ("＝1+1", "'＝1+1"),
    ("+212 522 000 000", "+212 522 000 000"),  # a phone: no function, no reference
    ("+351 (22) 000-000", "+351 (22) 000-000"),
    ("+212 522 000 000 =1", "'+212 522 000 000 =1"),
    ("Ana Silva", "Ana Silva"),
    ("", ""),
])
def test_cell(value: str, safe: str) -> None:
    assert csv_.cell(value) == safe


INVISIBLE = ["\u200b", "\ufeff", " ", "\u00a0", "\u2060", "\u200e", "\u202e", "\u3000",
             "\u180e", "\u00ad", "\u3164", "\u2800", "\u0301", "\u200b\u200b\u00a0"]


@pytest.mark.parametrize("prefix", INVISIBLE)
@pytest.mark.parametrize("trigger", ["=1+1", "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1",
                                     "＝1+1", "+212 522 000 000"])
def test_invisible_first_characters_before_a_trigger(prefix: str, trigger: str) -> None:
    """Issue 9: a trigger after invisible characters is a trigger too (even a phone number:
    one with an invisible prefix is not the plain number the exception is for)."""
    assert csv_.cell(prefix + trigger) == "'" + multiline(prefix + trigger)


@pytest.mark.parametrize("prefix", INVISIBLE)
def test_invisible_first_characters_before_text_are_left(prefix: str) -> None:
    assert csv_.cell(prefix + "Ana Silva") == prefix + "Ana Silva"


@pytest.mark.parametrize(("value", "safe"), [
    ("Ana\x00 Silva\x1b[2J", "Ana Silva[2J"),  # NUL and ESC removed
    ("bell\x07 del\x7f csi\x9b1m", "bell del csi1m"),  # C0, DEL, C1
    ("a\r\nb\rc\x0bd\x0ce\x85f\u2028g", "a\nb\nc\nd\ne\nf\ng"),  # every line break: LF
    ("tab\tkept", "tab\tkept"),
    ("\x01=1+1", "'=1+1"),  # a control character cannot hide a formula
    ("\x00", ""),
])
def test_control_characters_never_reach_a_cell(value: str, safe: str) -> None:
    assert csv_.cell(value) == safe


@pytest.mark.parametrize(("value", "safe"), [
    ("0612345670", "'0612345670"),  # would lose its leading 0
    ("+212612345678", "'+212612345678"),  # would become a number
    ("112", "112"),
    ("+212 522 000 000", "+212 522 000 000"),
])
def test_phone_cell(value: str, safe: str) -> None:
    assert csv_.cell(value, phone=True) == safe


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_itinerary_one_row_per_event(small: Mission) -> None:
    it = itinerary.build(small, Selection(person="ana"), {})
    text = csv_.itinerary(it)
    assert "\r\n" in text
    got = rows(text)
    assert [r["event"] for r in got] == ["flight", "visit", "clash", "dinner", "night",
                                         "round-table", "matchmaking.14:00.1",
                                         "matchmaking.14:30.2"]
    flight = got[0]
    assert (flight["start"], flight["start_zone"], flight["end"], flight["end_zone"]) == (
        "07:00", "Europe/Lisbon", "08:40", "Africa/Casablanca")
    assert (flight["start_utc"], flight["end_utc"]) == ("2027-05-10T06:00:00Z",
                                                       "2027-05-10T08:40:00Z")
    assert got[3]["status"] == "cancelled"


def test_contacts_rows(small: Mission) -> None:
    got = rows(csv_.contacts(contacts.build(small)))
    assert got[0]["section"] == "duty contact" and got[0]["name"] == "Ana Silva"
    bruno = next(r for r in got if r["name"] == "Bruno Costa")
    assert bruno["phone"] == "'0612345670"
    police = next(r for r in got if r["section"] == "emergency" and r["name"] == "police")
    assert police["phone"] == "19"
    assert any(r["section"] == "embassy" for r in got)
    public = rows(csv_.contacts(contacts.build(small, public=True)))
    assert next(r for r in public if r["name"] == "Bruno Costa")["phone"] == ""


def test_each_distinct_text_is_made_safe_once(small: Mission,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """An itinerary's cells repeat from row to row: `cell` runs once per distinct text (and
    for every value that is not a plain string), and the rows are those of `cell` on each."""
    it = itinerary.build(small, Selection(), {}, fold=False)
    lines = [ln for day in it.days for ln in day.lines]
    expected = [csv_._event_row(ln) for ln in lines]  # each row made alone
    made: list[object] = []
    safe = csv_.cell

    def counted(value: object, phone: bool = False) -> str:
        made.append(value)
        return safe(value, phone)

    monkeypatch.setattr(csv_, "cell", counted)
    text = csv_.itinerary(it)
    strings = [v for v in made if type(v) is str]
    assert len(strings) == len(set(strings))
    assert len(made) < len(lines) * len(csv_.ITINERARY_COLUMNS)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1:]
    assert rows == expected
