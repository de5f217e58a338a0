"""Server-rewritten copies of our events (corpus/): "unchanged" must mean no request.

``corpus/sent/NAME.ics`` is what ``publish`` sent; ``corpus/<server>/NAME.<how>.ics`` is what
that server returned for it (``report``: calendar-data of a REPORT, ``get``: a GET). For every
pair the planner must say ``unchanged`` (no PUT), and a real change must say ``update``.
corpus/README.md says where each file comes from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from missionctl.net.caldav import RemoteEvent, plan, prepare
from missionctl.net.caldav.ics import ics_uids

CORPUS = Path(__file__).parent / "corpus"
URL = "https://cal.example/dav/cal/"
SERVERS = sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name != "sent")
STORED = sorted(p for server in SERVERS for p in server.glob("*.ics"))


def sent_for(stored: Path) -> bytes:
    return (CORPUS / "sent" / (stored.name.split(".")[0] + ".ics")).read_bytes()


def decision(sent: bytes, stored: str) -> str:
    (uid,) = ics_uids(sent)
    (action,) = plan(prepare({uid: sent}), [RemoteEvent(URL + "x.ics", '"1"', stored)],
                     collection=URL)
    return action.kind


def moved(text: str) -> str:
    """The event's DTSTART an hour later (the VTIMEZONE's own DTSTARTs carry no TZID)."""
    def later(m: re.Match[str]) -> str:
        return f"{m.group(1)}{int(m.group(2)) + 1:02d}"
    out, count = re.subn(r"(?m)^(DTSTART;TZID=[^:\r\n]+:\d{8}T)(\d{2})", later, text)
    assert count == 1, "expected one event DTSTART"
    return out


def test_the_corpus_is_complete_and_documented() -> None:
    readme = (CORPUS / "README.md").read_text()
    assert len(SERVERS) >= 3 and len(STORED) >= 12
    for server in SERVERS:
        assert f"`{server.name}/`" in readme, f"{server.name} is not described in the README"
    for path in STORED:
        assert (CORPUS / "sent" / (path.name.split(".")[0] + ".ics")).is_file(), path
    # line endings as recorded (a checkout that converts them would hide a case)
    assert all(b"\r\n" in sent.read_bytes() for sent in (CORPUS / "sent").glob("*.ics"))
    assert all(b"\r" not in p.read_bytes() for p in STORED if p.name.endswith(".report.ics"))
    assert all(b"\r\n" in p.read_bytes() for p in STORED if p.name.endswith(".get.ics"))


@pytest.mark.parametrize("stored", STORED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_what_the_server_returns_is_unchanged(stored: Path) -> None:
    text = stored.read_bytes().decode()
    assert decision(sent_for(stored), text) == "unchanged"


@pytest.mark.parametrize("stored", STORED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_moved_start_is_an_update(stored: Path) -> None:
    sent, text = sent_for(stored), stored.read_bytes().decode()
    assert decision(moved(sent.decode()).encode(), text) == "update"  # we moved it
    assert decision(sent, moved(text)) == "update"  # someone moved it on the server


def radicale_1(text: str, uid: str) -> str:
    """What Radicale 1.x did to a stored item: its own PRODID and the item's name in
    X-RADICALE-NAME (vdirsyncer's IGNORE_PROPS names both)."""
    text = re.sub(r"(?m)^PRODID:.*$", "PRODID:-//Radicale//NONSGML Radicale Server//EN", text)
    return text.replace("END:VEVENT", f"X-RADICALE-NAME:{uid}.ics\nEND:VEVENT", 1)


def stamped(text: str) -> str:
    """What Horde did (vdirsyncer issue 251): a new DTSTAMP, CREATED and LAST-MODIFIED."""
    text = re.sub(r"(?m)^DTSTAMP:.*$", "DTSTAMP:20150805T080937Z", text)
    return text.replace(
        "END:VEVENT", "CREATED:20150805T080902Z\nLAST-MODIFIED:20150805T080937Z\nEND:VEVENT", 1
    )


@pytest.mark.parametrize("stored", STORED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_documented_bookkeeping_rewrites_are_unchanged(stored: Path) -> None:
    sent = sent_for(stored)
    (uid,) = ics_uids(sent)
    text = stored.read_bytes().decode()
    assert decision(sent, radicale_1(text, uid)) == "unchanged"
    assert decision(sent, stamped(text)) == "unchanged"
    assert decision(sent, text.replace("END:VEVENT", "X-SERVER-NOTE:1\nEND:VEVENT", 1)) == (
        "update"
    )  # an unknown property costs one update; it is never taken for bookkeeping
