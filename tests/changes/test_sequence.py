"""SEQUENCE and LAST-MODIFIED from the git history (`changes.sequence`), in the exported
calendar (`itinerary --format ics`, by default in a repository), and a real client (khal)
that imports the old calendar and then the new one: the moved event once, at its new time only."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest

from clients.harness import _KHAL_CONFIG, _base_env, _run, khal_path, package_zoneinfo
from missionctl.cli.app import main

from .history import History, start

KHAL = khal_path()


def export(h: History, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[
        str, icalendar.cal.Component]:
    capsys.readouterr()
    assert main(["itinerary", str(h.mission), "-f", "ics", "-o", str(out), "--force",
                 *extra]) == 0  # in a repository, SEQUENCE comes from git by default
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    return {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def seq(event: icalendar.cal.Component) -> int:
    return int(event.decoded("SEQUENCE"))


def test_sequence_grows_with_each_change(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    h = History(tmp_path / "repo")
    from .history import MISSION, PEOPLE

    h.write("mission.yaml", MISSION)
    h.write("people.yaml", PEOPLE)
    h.commit("v1", date="2027-04-01T10:00:00Z")
    h.edit("mission.yaml", "start: 2027-05-10 14:00", "start: 2027-05-10 14:30")
    h.commit("visit later", date="2027-04-02T10:00:00Z")
    h.edit("mission.yaml", "    room: salon\n", "    room: salon\n    status: cancelled\n")
    h.edit("mission.yaml", "start: 2027-05-10 14:30", "start: 2027-05-10 15:00")
    h.commit("dinner cancelled, visit later still", date="2027-04-03T10:00:00Z")
    h.write("mission.yaml", "# reformatted\n" + h.mission.read_text(encoding="utf-8"))
    h.commit("a comment", date="2027-04-04T10:00:00Z")
    events = export(h, tmp_path / "m.ics", capsys)
    assert seq(events["visit"]) == 2 and seq(events["dinner"]) == 1
    assert str(events["dinner"]["STATUS"]) == "CANCELLED"
    assert seq(events["flight"]) == 0 and seq(events["fair.14:00.1"]) == 0
    assert events["visit"].decoded("LAST-MODIFIED").isoformat() == "2027-04-03T10:00:00+00:00"
    assert events["flight"].decoded("LAST-MODIFIED").isoformat() == "2027-04-01T10:00:00+00:00"
    # an uncommitted change is one more version, stamped with the file's time
    h.edit("mission.yaml", "title: Dinner", "title: Dinner by the sea")
    os.utime(h.mission, (1809000000, 1809000000))
    events = export(h, tmp_path / "m.ics", capsys)
    assert seq(events["dinner"]) == 2 and seq(events["visit"]) == 2
    assert events["dinner"].decoded("LAST-MODIFIED").timestamp() == 1809000000


def test_no_history_is_sequence_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .history import MISSION, PEOPLE

    (tmp_path / "mission.yaml").write_text(MISSION, encoding="utf-8")
    (tmp_path / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    out = tmp_path / "m.ics"
    assert main(["itinerary", str(tmp_path / "mission.yaml"), "-f", "ics", "--history",
                 "-o", str(out)]) == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert {int(e.decoded("SEQUENCE")) for e in cal.walk("VEVENT")} == {0}
    assert b"LAST-MODIFIED" not in out.read_bytes()


def test_no_history_gives_the_bytes_of_the_file_alone(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    h = start(tmp_path / "repo")
    h.edit("mission.yaml", "start: 2027-05-10 14:00", "start: 2027-05-10 14:30")
    h.commit("later")
    out = tmp_path / "m.ics"
    assert main(["itinerary", str(h.mission), "-f", "ics", "-o", str(out)]) == 0
    assert b"SEQUENCE:1" in out.read_bytes() and b"LAST-MODIFIED" in out.read_bytes()
    assert main(["itinerary", str(h.mission), "-f", "ics", "--no-history", "-o", str(out),
                 "--force"]) == 0
    assert b"LAST-MODIFIED" not in out.read_bytes()
    assert b"SEQUENCE:1" not in out.read_bytes()
    plain = tmp_path / "plain"
    shutil.copytree(h.mission.parent, plain, ignore=shutil.ignore_patterns(".git"))
    assert main(["itinerary", str(plain / h.mission.name), "-f", "ics", "-o",
                 str(tmp_path / "plain.ics")]) == 0  # outside a repository: the same bytes
    assert (tmp_path / "plain.ics").read_bytes() == out.read_bytes()


def test_the_mission_is_loaded_once_and_compared_only_with_an_earlier_version(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Work counted, not timed: the export hands the mission it loaded to the history
    (loading the working tree a second time made a 10k ICS export twice as long), and an
    event's content is computed only to compare it with an earlier version."""
    from missionctl import missions
    from missionctl.changes import sequence

    calls = {"open_mission": 0, "content": 0}

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(missions, "open_mission", counted("open_mission", missions.open_mission))
    monkeypatch.setattr(sequence, "content", counted("content", sequence.content))
    from .history import MISSION, PEOPLE

    h = History(tmp_path / "repo")
    h.commit("before the mission")
    h.write("mission.yaml", MISSION)
    h.write("people.yaml", PEOPLE)  # in the repository, not committed: one version
    events = export(h, tmp_path / "a.ics", capsys)
    assert calls == {"open_mission": 1, "content": 0}
    h.commit("the mission")
    h.edit("mission.yaml", "title: Dinner", "title: Dinner by the sea")
    calls.update(open_mission=0, content=0)
    events = export(h, tmp_path / "b.ics", capsys)
    assert seq(events["dinner"]) == 1
    assert calls == {"open_mission": 1, "content": 2 * len(events)}  # the commit, the tree


def test_history_is_for_calendars(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    h = start(tmp_path / "repo")
    assert main(["itinerary", str(h.mission), "--history"]) == 2
    assert "--history is for calendars" in capsys.readouterr().err


@pytest.mark.skipif(KHAL is None, reason="khal is not installed (Debian package khal)")
def test_khal_updates_the_moved_event(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert KHAL is not None
    h = start(tmp_path / "repo")
    old = tmp_path / "old.ics"
    export(h, old, capsys)
    h.edit("mission.yaml", "start: 2027-05-10 14:00\n    end: \"16:00\"",
           "start: 2027-05-10 15:00\n    end: \"17:00\"")
    h.edit("mission.yaml", "    room: salon\n", "    room: salon\n    status: cancelled\n")
    h.commit("visit an hour later, dinner cancelled")
    new = tmp_path / "new.ics"
    events = export(h, new, capsys)
    assert seq(events["visit"]) == 1 and seq(events["dinner"]) == 1

    home = tmp_path / "khal"
    vdir = home / "vdir" / "mission"
    vdir.mkdir(parents=True)
    config = home / "khal.conf"
    config.write_text(_KHAL_CONFIG.format(vdir=vdir, db=home / "khal.db"), encoding="utf-8")
    env = _base_env(home)
    # khal reads TZIDs with pytz: give it the pinned tz database (Debian's may predate
    # Morocco's 2026 change, which would shift every Casablanca time by an hour)
    env["PYTZ_TZDATADIR"] = str(package_zoneinfo(tmp_path / "zoneinfo"))

    def listed() -> list[str]:
        out = _run([KHAL, "-c", str(config), "list", "2027-05-09", "2027-05-13", "--format",
                    "{start}|{end}|{title}|{status}", "--day-format", ""], env=env)
        return [line.strip() for line in out.splitlines() if "|" in line]

    def load(ics: Path) -> None:
        _run([KHAL, "-c", str(config), "import", "--batch", "-a", "mission", str(ics)], env=env)

    load(old)
    assert [r for r in listed() if "|Plant visit|" in r] == [
        "2027-05-10T14:00|2027-05-10T16:00|Plant visit|CONFIRMED"]
    load(new)
    rows = listed()
    visits = [r for r in rows if "|Plant visit|" in r]
    assert visits == ["2027-05-10T15:00|2027-05-10T17:00|Plant visit|CONFIRMED"], rows
    dinners = [r for r in rows if "|Dinner|" in r]
    assert len(dinners) == 1 and dinners[0].endswith("CANCELLED"), rows
    assert len(list(vdir.iterdir())) == len(events)  # one file per UID: nothing duplicated
