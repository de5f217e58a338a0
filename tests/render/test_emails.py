"""Every e-mail `check` accepts goes through every export (issue 9).

The trial found `x"@evil.com` and `:duty@example.org` passing `check` and then crashing the
ICS export (exit 3). `check` now refuses them (MC003: `values.email`, an RFC 5322 dot-atom);
the odd addresses it accepts go through each export validly: a URI (ICS ATTENDEE, HTML link),
percent-encoded (RFC 6068); the text itself, escaped, elsewhere.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, cast

import icalendar
import pytest
import vobject

from missionctl.cli.app import main
from missionctl.export.ics import attendee_address
from missionctl.export.mailto import mailto

# Odd addresses `values.email` accepts: every export must write them.
ODD = {
    "query": "ana?cc=x@example.org",
    "utf8": "josé@exemplo.pt",
    "amp": "a&b=c%d#e/f@example.org",
    "apos": "o'brien+x@example.ie",
    "symbols": "a{b}|c~d^e`f@example.org",
    "arabic": "محمد@مثال.ma",
}
# Refused by `check` (MC003), so no export ever sees them.
REFUSED = {
    "quote": 'x"@evil.com',
    "colon": ":duty@example.org",
    "comma": "a,b@example.org",
    "semi": "a;b@example.org",
    "angle": "a<b>@example.org",
    "slash": "a\\b@example.org",
}


def _mission(tmp_path: Path) -> Path:
    people = "\n".join(f"  {pid}: {{name: Person {pid}, email: {json.dumps(email)}}}"
                       for pid, email in ODD.items())
    text = f"""\
missionctl: 1
mission:
  id: emails
  title: Odd e-mails
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  contact: query
people:
{people}
events:
  meeting:
    kind: meeting
    title: Meeting
    start: 2027-05-11 10:00
    end: "11:00"
    attendees: [{", ".join(ODD)}]
"""
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def mission_file(tmp_path: Path) -> Path:
    path = _mission(tmp_path)
    assert main(["check", str(path)]) == 0  # check accepts every one of them
    return path


def _export(args: list[str], out: Path) -> bytes:
    assert main([*args, "-o", str(out)]) == 0, args
    return out.read_bytes()


def test_ics_attendees(mission_file: Path, tmp_path: Path) -> None:
    data = _export(["itinerary", str(mission_file), "-f", "ics"], tmp_path / "m.ics")
    (vevent,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    attendees = cast(list[Any], vevent["ATTENDEE"])  # icalendar types values as a wide union
    got = {a.params["CN"]: str(a) for a in attendees}
    assert got == {f"Person {pid}": mailto(email) or attendee_address(f"Person {pid}", None)
                   for pid, email in ODD.items()}
    assert all(uri.startswith("mailto:") for uri in got.values())
    assert got["Person query"] == "mailto:ana%3Fcc%3Dx@example.org"
    assert got["Person utf8"] == "mailto:jos%C3%A9@exemplo.pt"


def test_vcard_keeps_each_address_as_text(mission_file: Path, tmp_path: Path) -> None:
    data = _export(["contacts", str(mission_file), "-f", "vcf"], tmp_path / "m.vcf")
    cards = {c.fn.value: c for c in vobject.readComponents(data.decode("utf-8"))}
    for pid, email in ODD.items():
        assert cards[f"Person {pid}"].email.value == email


def test_html_links_only_real_addresses(mission_file: Path, tmp_path: Path) -> None:
    page = _export(["contacts", str(mission_file), "-f", "html"], tmp_path / "m.html")
    text = page.decode("utf-8")
    assert 'href="mailto:ana%3Fcc%3Dx@example.org"' in text
    assert all(f'href="{html.escape(mailto(email) or "")}"' in text for email in ODD.values())


@pytest.mark.parametrize(("view", "fmt"), [
    ("itinerary", "csv"), ("itinerary", "json"), ("itinerary", "html"),
    ("itinerary", "markdown"), ("itinerary", "text"), ("contacts", "csv"),
    ("contacts", "json"), ("contacts", "markdown"), ("contacts", "text"),
])
def test_every_other_export(mission_file: Path, tmp_path: Path, view: str, fmt: str) -> None:
    data = _export([view, str(mission_file), "-f", fmt], tmp_path / f"out.{fmt}")
    assert data


@pytest.mark.parametrize("email", REFUSED.values())
def test_check_refuses_what_is_not_a_plain_address(tmp_path: Path, email: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(_mission(tmp_path).read_text(encoding="utf-8").replace(
        json.dumps(ODD["query"]), json.dumps(email)), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert "MC003" in capsys.readouterr().out
