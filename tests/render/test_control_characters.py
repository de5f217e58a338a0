"""Control characters in a mission's text never reach a CSV, ICS or vCard file (issue 9).

YAML's double-quoted escapes let a mission hold any character: an ANSI escape sequence, a NUL,
a bell, DEL, a C1 control, every kind of line break. `check` accepts them (they are text); each
file format gets them removed, and line breaks written as the format writes them.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import icalendar
import pytest
import vobject

from missionctl.export.text import multiline, one_line
from missionctl.loader import load
from missionctl.model import Mission
from missionctl.render import Options, render
from missionctl.views import contacts
from missionctl.views.select import Programme, Selection

HOSTILE = r"""missionctl: 1
mission:
  id: hostile
  title: "Test\x1b[31m mission"
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  contact: ana
organisations:
  acme: {name: "Acme\x07 Lda"}
people:
  ana:
    name: "Ana\x00 Silva\x1b[2J"
    email: ana@example.org
    phone: "+351 912\x08 345 678"
    organisation: acme
    role: "CEO\x9b1m"
venues:
  office: {name: "Office\x0c", city: Casablanca, address: "Rue\x0b 1"}
events:
  meeting:
    kind: meeting
    title: "Meeting\x1b]8;;http://evil\x07 here\x7f"
    venue: office
    start: 2027-05-11 10:00
    end: "11:00"
    attendees: [ana]
    notes: "line1\nline2\x01\x02\r\nline3\x85next\u2028sep\rend"
"""

# Any control character but tab, CR and LF (those three are checked per format).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.fixture
def hostile(tmp_path: Path) -> Mission:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    loaded = load(path, "hostile.yaml")
    assert loaded.findings == () and loaded.mission is not None, loaded.findings
    assert "\x1b" in loaded.mission.events["meeting"].title  # the mission holds them
    return loaded.mission


def _itinerary(mission: Mission, fmt: str) -> str | bytes:
    return render("itinerary", fmt, Programme(mission, Selection(), {}), Options())


def test_text_helpers() -> None:
    assert multiline("a\r\nb\rc\x0bd\x0ce\x1cf\x85g\u2028h\u2029i") == "a\nb\nc\nd\ne\nf\ng\nh\ni"
    assert multiline("\x00nul \x1b[31mred\x07 \x7f\x80\x9f tab\tkept") == "nul [31mred  tab\tkept"
    assert one_line("  two\nlines\tand\x1b tabs \u2028 ") == "two lines and tabs"
    assert one_line("\x00\x01") == ""


def test_csv_cells_hold_no_control_character(hostile: Mission) -> None:
    text = _itinerary(hostile, "csv")
    assert isinstance(text, str)
    assert not _CONTROL.search(text)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    (row,) = rows
    assert row["title"] == "Meeting]8;;http://evil here"
    assert row["notes"] == "line1\nline2\nline3\nnext\nsep\nend"
    assert "\r" not in row["notes"]
    sheet = render("contacts", "csv", contacts.build(hostile), Options())
    assert isinstance(sheet, str) and not _CONTROL.search(sheet)
    ana = next(r for r in csv.DictReader(io.StringIO(sheet.removeprefix("\ufeff"), newline=""))
               if r["name"].startswith("Ana"))
    assert (ana["name"], ana["role"], ana["organisation"], ana["phone"]) == (
        "Ana Silva[2J", "CEO1m", "Acme Lda", "+351 912 345 678")


def test_ics_holds_no_control_character(hostile: Mission) -> None:
    data = _itinerary(hostile, "ics")
    assert isinstance(data, bytes)
    text = data.decode("utf-8")
    assert not _CONTROL.search(text)
    assert "\r" not in text.replace("\r\n", "") and "\n" not in text.replace("\r\n", "")
    cal = icalendar.Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Meeting]8;;http://evil here"
    assert str(event["DESCRIPTION"]).endswith("line1\nline2\nline3\nnext\nsep\nend")
    assert str(event["LOCATION"]) == "Office, Rue\n 1, Casablanca"
    assert str(cal["X-WR-CALNAME"]) == "Test[31m mission"
    assert event["ATTENDEE"].params["CN"] == "Ana Silva[2J"


def test_vcard_holds_no_control_character(hostile: Mission) -> None:
    text = render("contacts", "vcf", contacts.build(hostile), Options())
    assert isinstance(text, str)
    assert not _CONTROL.search(text)
    assert "\r" not in text.replace("\r\n", "") and "\n" not in text.replace("\r\n", "")
    cards = {c.uid.value: c for c in vobject.readComponents(text)}
    ana = cards["ana@hostile.missionctl"]
    assert ana.fn.value == "Ana Silva[2J"
    assert ana.title.value == "CEO1m"
    assert ana.org.value == ["Acme Lda"]
    assert ana.tel.value == "+351 912 345 678"
    assert ana.categories.value == ["Test[31m mission"]
