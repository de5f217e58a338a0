"""The example missions' calendars (`missionctl itinerary --format ics`) imported into real
clients, Debian `khal` and `calcurse`, through tests/clients/harness.py: every event at the
UTC instants the model says, whole mission and one person's calendar; a re-import updates
events in place (stable UIDs) instead of duplicating them."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from missionctl import render
from missionctl.loader import load
from missionctl.model import Event, Mission
from missionctl.views.select import Programme, Selection

from .harness import (
    _KHAL_CONFIG,
    Instant,
    _base_env,
    _run,
    calcurse_instants,
    khal_instants,
    package_zoneinfo,
    zic_path,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ["produtech-morocco-2027", "produtech-return-visit-2027"]
pytestmark = [pytest.mark.clients]
needs_khal = pytest.mark.skipif(shutil.which("khal") is None,
                                reason="khal not installed (Debian package khal)")
needs_calcurse = pytest.mark.skipif(shutil.which("calcurse") is None,
                                    reason="calcurse not installed (Debian package calcurse)")
CLIENTS = [
    pytest.param(khal_instants, id="khal", marks=needs_khal),
    pytest.param(calcurse_instants, id="calcurse", marks=needs_calcurse),
]
Reader = Callable[..., list[Instant]]


@pytest.fixture(scope="module")
def tzdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if zic_path() is None:
        pytest.skip("zic not found (Debian package libc-bin)")
    return package_zoneinfo(tmp_path_factory.mktemp("zoneinfo"))


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def example(name: str) -> Mission:
    path = ROOT / "missions" / name / "mission.yaml"
    loaded = load(path, str(path))
    if not loaded.ok or loaded.mission is None:
        pytest.skip(f"{name} has format errors")
    return loaded.mission


def ics(tmp: Path, m: Mission, sel: Selection | None = None) -> Path:
    data = render.render("itinerary", "ics", Programme(m, sel or Selection()))
    assert isinstance(data, bytes)
    path = tmp / "mission.ics"
    path.write_bytes(data)
    return path


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def expected(events: Iterable[Event]) -> list[Instant]:
    return sorted((_utc(e.start), _utc(e.end), " ".join(e.title.split())) for e in events)


@pytest.mark.parametrize("read", CLIENTS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_whole_mission_at_the_right_instants(read: Reader, name: str, tmp_path: Path,
                                             tzdir: Path) -> None:
    m = example(name)
    assert sorted(read(ics(tmp_path, m), tzdir=tzdir)) == expected(m.events.values())


@pytest.mark.parametrize("read", CLIENTS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_one_persons_calendar(read: Reader, name: str, tmp_path: Path, tzdir: Path) -> None:
    m = example(name)
    pid = m.info.contact
    assert pid is not None
    mine = [e for e in m.events.values() if pid in m.taking_part.get(e.id, frozenset())]
    got = read(ics(tmp_path, m, Selection(person=pid)), tzdir=tzdir)
    assert sorted(got) == expected(mine)


@needs_khal
def test_khal_reimport_updates_in_place(tmp_path: Path, tzdir: Path) -> None:
    m = example("produtech-return-visit-2027")
    first = ics(tmp_path, m)
    changed = tmp_path / "changed.ics"
    changed.write_bytes(first.read_bytes().replace(b"SUMMARY:Farewell dinner",
                                                   b"SUMMARY:Farewell dinner (moved)"))
    home = tmp_path / "home"
    vdir = home / "vdir" / "mission"
    vdir.mkdir(parents=True)
    config = home / "khal.conf"
    config.write_text(_KHAL_CONFIG.format(vdir=vdir, db=home / "khal.db"), encoding="utf-8")
    env = _base_env(home)
    env["PYTZ_TZDATADIR"] = str(tzdir)
    khal = shutil.which("khal")
    assert khal is not None
    for path in (first, changed):
        _run([khal, "-c", str(config), "import", "--batch", "-a", "mission", str(path)],
             env=env)
    assert len(os.listdir(vdir)) == len(m.events)
    out = _run([khal, "-c", str(config), "list", "2027-11-24", "2027-11-25", "--format",
                "{title}", "--day-format", ""], env=env)
    assert "Farewell dinner (moved)" in out.splitlines()
