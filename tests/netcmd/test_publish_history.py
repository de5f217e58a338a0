"""`publish --history` against Radicale on loopback: the events go out with the SEQUENCE of
their git history, and a second publish after a commit sends only the events that changed,
each with a higher SEQUENCE (docs/changes.md)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from changes.history import start

from .conftest import Cli, Radicale


@pytest.fixture
def user(monkeypatch: pytest.MonkeyPatch) -> str:
    name = f"u{uuid.uuid4().hex[:10]}"
    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", name)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", "x")
    return name


def sequences(radicale: Radicale, url: str) -> dict[str, int]:
    out = {}
    for item in radicale.stored_items(url):
        text = item.read_text()
        uid = re.search(r"^UID:(.*?)@", text, re.MULTILINE)
        seq = re.search(r"^SEQUENCE:(\d+)", text, re.MULTILINE)
        assert uid is not None and seq is not None
        out[uid.group(1)] = int(seq.group(1))
    return out


def test_publish_sends_only_what_changed_with_a_higher_sequence(
        cli: Cli, radicale: Radicale, user: str, tmp_path: Path) -> None:
    h = start(tmp_path / "repo")
    url = radicale.collection(user)
    code, out, err = cli("publish", h.mission, "--caldav", url, "--history")
    assert code == 0, err
    assert "6 created, 0 updated, 0 unchanged, 0 deleted" in out
    assert set(sequences(radicale, url).values()) == {0}

    h.edit("mission.yaml", "start: 2027-05-10 14:00", "start: 2027-05-10 14:30")
    h.edit("mission.yaml", "    room: salon\n", "    room: salon\n    status: cancelled\n")
    h.commit("visit later, dinner cancelled")
    code, out, err = cli("publish", h.mission, "--caldav", url)  # from git by default
    assert code == 0, err
    assert "0 created, 2 updated, 4 unchanged, 0 deleted" in out
    seq = sequences(radicale, url)
    assert seq["visit"] == 1 and seq["dinner"] == 1
    assert all(v == 0 for k, v in seq.items() if k not in ("visit", "dinner"))
    dinner = next(p.read_text() for p in radicale.stored_items(url)
                  if "UID:dinner@" in p.read_text())
    assert "STATUS:CANCELLED" in dinner and "LAST-MODIFIED:" in dinner

    code, out, _ = cli("publish", h.mission, "--caldav", url, "--history")  # nothing new
    assert "0 created, 0 updated, 6 unchanged, 0 deleted" in out
