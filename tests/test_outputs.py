"""Where an output may go (`missionctl.outputs`): never over the mission's own files, never
over a file missionctl did not write unless --force, and every format recognised as ours."""

from __future__ import annotations

import gc
import os
import stat
import subprocess
import sys
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from missionctl import outputs, render
from missionctl.cli.app import main
from missionctl.errors import UserError
from missionctl.outputs import guard, write, write_all, written_by_missionctl

MISSION = """\
missionctl: 1
mission:
  id: out-test
  title: Output test
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  contact: ana
include: [people.yaml]
venues:
  plant: {name: Plant, city: Tangier}
events:
  visit:
    kind: visit
    title: Visit
    start: 2027-05-11 10:00
    end: "11:00"
    venue: plant
    attendees: [ana]
    hosts: [bruno]
"""
PEOPLE = """\
people:
  ana: {name: Ana Silva, email: ana@example.org, phone: "+351 220 000 000"}
  bruno: {name: Bruno Costa, email: bruno@example.org}
"""

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def _run(*args: object) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def mission(tmp_path: Path) -> Path:
    (tmp_path / "m.yaml").write_text(MISSION, encoding="utf-8")
    (tmp_path / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    return tmp_path / "m.yaml"


def _spellings(mission: Path) -> dict[str, Path]:
    folder = mission.parent
    (folder / "sub").mkdir()
    os.link(mission, folder / "hard.yaml")
    (folder / "soft.yaml").symlink_to("people.yaml")
    return {"the mission": mission, "an include": folder / "people.yaml",
            "another spelling": folder / "sub" / ".." / "m.yaml",
            "a hard link": folder / "hard.yaml", "a symbolic link": folder / "soft.yaml"}


COMMANDS = [["itinerary"], ["itinerary", "-f", "ics"], ["contacts", "-f", "csv"],
            ["check", "-f", "json"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_output_never_replaces_a_file_of_the_mission(run: Run, mission: Path,
                                                     command: list[str]) -> None:
    before = {p: p.read_bytes() for p in (mission, mission.parent / "people.yaml")}
    for what, target in _spellings(mission).items():
        for force in ([], ["--force"]):
            code, out, err = run(*command, mission, "-o", target, *force)
            assert code == 2, (what, force, out, err)
            assert err.count("\n") == 1 and "one of the mission's own files" in err, err
            assert "not even with --force" in err
    assert {p: p.read_bytes() for p in before} == before


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_file_missionctl_did_not_write_needs_force(run: Run, mission: Path,
                                                     command: list[str]) -> None:
    notes = mission.parent / "notes.txt"
    notes.write_text("my own notes\n")
    code, _out, err = run(*command, mission, "-o", notes)
    assert code == 2 and notes.read_text() == "my own notes\n"
    assert err.count("\n") == 1 and "was not written by `missionctl" in err
    assert "--force" in err
    code, _out, err = run(*command, mission, "-o", notes, "--force")
    assert code == 0, err
    assert notes.read_text() != "my own notes\n"
    # written by missionctl now: replaced again without --force
    assert run(*command, mission, "-o", notes)[0] == 0


def _outputs() -> list[tuple[str, str, list[str]]]:
    """Every (view, format) of the registry that writes a file, with its command line."""
    cases: list[tuple[str, str, list[str]]] = []
    for fmt in render.formats("itinerary"):
        cases.append(("itinerary", fmt, ["itinerary", "-f", fmt]))
        cases.append(("itinerary", fmt, ["itinerary", "-f", fmt, "--person", "ana"]))
    for fmt in render.formats("timeline"):
        cases.append(("timeline", fmt, ["itinerary", "--view", "timeline", "-f", fmt]))
    for fmt in render.formats("contacts"):
        cases.append(("contacts", fmt, ["contacts", "-f", fmt]))
        cases.append(("contacts", fmt, ["contacts", "-f", fmt, "--public", "--event", "visit"]))
    for fmt in render.formats("findings"):
        cases.append(("findings", fmt, ["check", "-f", fmt]))
    return cases


@pytest.mark.parametrize(("view", "fmt", "command"), _outputs(),
                         ids=lambda x: x if isinstance(x, str) else " ".join(x))
def test_every_output_is_recognised_as_ours(run: Run, mission: Path, view: str, fmt: str,
                                            command: list[str]) -> None:
    target = mission.parent / "out"
    code, _out, err = run(*command, mission, "-o", target)
    assert code in (0, 1), err
    assert written_by_missionctl(target, target.read_bytes())
    code, _out, err = run(*command, mission, "-o", target)  # again, without --force
    assert code in (0, 1) and err == "", err


@pytest.mark.parametrize("command", [["itinerary", "-f", "json"], ["contacts", "-f", "json"],
                                     ["check", "-f", "json"]], ids=" ".join)
def test_json_over_the_cap_is_recognised_by_its_top_level_keys(
        run: Run, mission: Path, command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # A 100k-event itinerary is over 160 MB, more than JSON_CAP: it is not parsed to be
    # recognised, and writing it again must not need --force. The cap is lowered here so that
    # a small export takes the same path.
    target = mission.parent / "out.json"
    code, _out, err = run(*command, mission, "-o", target)
    assert code in (0, 1), err
    monkeypatch.setattr(outputs, "JSON_CAP", 64)
    assert target.stat().st_size > outputs.JSON_CAP
    assert written_by_missionctl(target)
    code, _out, err = run(*command, mission, "-o", target)  # again, without --force
    assert code in (0, 1) and err == "", err


@pytest.mark.parametrize(("text", "ours"), [
    ('{\n  "version": 1,\n  "mission": {},\n  "events": [],\n  "selection": {}\n}\n', True),
    ('\ufeff{\n  "version": 1,\n  "mission": {},\n  "events": [],\n  "selection": {}\n}\n', True),
    # the keys nested one level down, not at the top
    ('{\n  "a": {\n    "version": 1,\n    "mission": {},\n    "events": [],\n'
     '    "selection": {}\n  }\n}\n', False),
    # on one line: not written with an indent, so not read line by line
    ('{"version": 1, "mission": {}, "events": [], "selection": {}}\n', False),
    # a key missing, or the object not closed
    ('{\n  "version": 1,\n  "mission": {},\n  "events": []\n}\n', False),
    ('{\n  "version": 1,\n  "mission": {},\n  "events": [],\n  "selection": {}\n', False),
    # a key whose text holds an escaped quote and the words of another
    ('{\n  "ver\\"sion": 1,\n  "mission": {},\n  "events": [],\n  "selection": {}\n}\n',
     False),
])
def test_large_json_by_its_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                                 ours: bool) -> None:
    monkeypatch.setattr(outputs, "JSON_CAP", 16)
    monkeypatch.setattr(outputs, "_BLOCK", 32)  # keys across the edges of blocks
    path = tmp_path / "big.json"
    path.write_text(text, encoding="utf-8")
    assert written_by_missionctl(path) is ours


def test_large_json_with_a_line_longer_than_a_block_is_not_ours(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outputs, "JSON_CAP", 16)
    monkeypatch.setattr(outputs, "_BLOCK", 32)
    path = tmp_path / "big.json"
    path.write_text('{\n  "version": 1,\n  "mission": {},\n  "events": [],\n  "selection": '
                    + '"' + "x" * 200 + '"\n}\n', encoding="utf-8")
    assert not written_by_missionctl(path)


def test_schema_output(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mission.schema.json"
    assert run("schema", "-o", target)[0] == 0
    assert run("schema", "-o", target)[0] == 0
    other = tmp_path / "package.json"
    other.write_text('{"name": "x"}\n')
    assert run("schema", "-o", other)[0] == 2
    assert other.read_text() == '{"name": "x"}\n'


def test_per_person_checks_every_file_before_writing_one(run: Run, mission: Path) -> None:
    folder = mission.parent / "cal"
    folder.mkdir()
    (folder / "bruno.ics").write_text("BEGIN:VCALENDAR\nPRODID:-//Someone else//EN\n")
    code, _out, err = run("itinerary", mission, "-f", "ics", "--per-person", folder)
    assert code == 2 and "bruno.ics exists and was not written" in err
    assert sorted(p.name for p in folder.iterdir()) == ["bruno.ics"]  # ana.ics not written
    code, _out, err = run("itinerary", mission, "-f", "ics", "--per-person", folder, "--force")
    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == ["ana.ics", "bruno.ics"]
    assert run("itinerary", mission, "-f", "ics", "--per-person", folder)[0] == 0


def test_per_person_into_the_mission_folder_keeps_the_mission(run: Run, mission: Path,
                                                              tmp_path: Path) -> None:
    (tmp_path / "people.yaml").unlink()
    (tmp_path / "ana.yaml").write_text(PEOPLE)
    mission.write_text(MISSION.replace("[people.yaml]", "[ana.yaml]"))
    before = (tmp_path / "ana.yaml").read_bytes()
    code, _out, err = run("itinerary", mission, "-f", "json", "--per-person", tmp_path)
    assert code == 0, err  # ana.json, not ana.yaml
    assert (tmp_path / "ana.yaml").read_bytes() == before


@pytest.mark.parametrize(("text", "ours"), [
    ("", True),
    ("\n  \n", True),
    ("# Generated by `missionctl travel` from x\ntravel_times: []\n", True),
    ("travel_times: []\n", False),
    ("<!DOCTYPE html>\n<html><head>\n<meta name=\"generator\" content=\"missionctl\">", True),
    ("<!DOCTYPE html>\n<html><head><title>My page</title>", False),
    ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//missionctl//missionctl 0.1//EN\r\n", True),
    ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//Mac OS X//EN\r\n", False),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ana@m.missionctl\r\n", True),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:1234\r\n", False),
    ('{"version": 1, "findings": [], "summary": {}}', True),
    ('{"version": 1, "mission": {}, "events": {}, "selection": {}}', True),
    ('{"version": 1, "name": "x"}', False),
    ('{"runs": [{"tool": {"driver": {"name": "missionctl"}}}]}', True),
    ('{"runs": [{"tool": {"driver": {"name": "eslint"}}}]}', False),
    ("[1, 2]", False),
    ('<?xml version="1.0"?>\n<testsuites name="missionctl check" tests="1">', True),
    ('<?xml version="1.0"?>\n<testsuites name="pytest" tests="1">', False),
    ("\ufeffsection,name,role,organisation,phone,email,languages\r\n", True),
    ("section,name,role,organisation,phone,email,languages,notes\r\n", False),
    ("--- a/venues.yaml\n+++ b/venues.yaml\n@@ -1 +1,2 @@\n v:\n+  geo: [1, 2]\n", True),
    ("--- a/x.py\n+++ b/x.py\n@@ -1 +1,2 @@\n a\n+b = 2\n", False),
    ("m.yaml:1:1: MC001 error x\n\n1 file checked: 1 error, 0 warnings, 0 info\n", True),
    ("missionctl: 2 files checked: 0 errors, 0 warnings, 0 info\n", True),
    ("Programme\nContacts\nmy notes\n", False),
])
def test_recognised_as_ours(tmp_path: Path, text: str, ours: bool) -> None:
    path = tmp_path / "f"
    path.write_text(text, encoding="utf-8")
    assert written_by_missionctl(path) is ours


def test_a_text_view_is_ours_only_with_its_title(tmp_path: Path) -> None:
    path = tmp_path / "programme.txt"
    path.write_text("Trip to Tangier\nProgramme · 10–14 May 2027\n\nMonday\n")
    assert written_by_missionctl(path, b"Trip to Tangier\nProgramme \xc2\xb7 ...\n")
    assert not written_by_missionctl(path, b"Another trip\nProgramme\n")
    assert not written_by_missionctl(path)  # without the new text: only markers count
    path.write_text("# Trip to Tangier\n\n**Contacts**  \n")
    assert written_by_missionctl(path, b"# Trip to Tangier\n\n**Contacts**\n")
    path.write_text("# Trip to Tangier\n\nMy own notes about the contacts\n")
    assert not written_by_missionctl(path, b"# Trip to Tangier\n\n**Contacts**\n")


def test_write_refuses_before_writing(tmp_path: Path) -> None:
    mine = tmp_path / "m.yaml"
    mine.write_text("missionctl: 1\n")
    rules = guard("itinerary", [str(mine)])
    with pytest.raises(UserError, match="one of the mission's own files"):
        write(tmp_path / "." / "m.yaml", "x", rules)
    generated = tmp_path / "times.yaml"
    generated.write_text("# Generated by `missionctl travel` from a\n")
    travel = guard("travel", [mine, generated], marker="# Generated by `missionctl travel`")
    write(generated, "# Generated by `missionctl travel` from b\n", travel)  # its own include
    assert generated.read_text().endswith("from b\n")
    with pytest.raises(UserError, match="one of the mission's own files"):
        write(generated, "x", guard("itinerary", [mine, generated], force=True))


class Made(str):
    """A file's text that a weak reference can watch (a plain str cannot be)."""


def test_write_all_holds_one_file_at_a_time(tmp_path: Path) -> None:
    """--per-person hands write_all a generator: each file is put aside before the next is
    made, so no earlier one is still in memory (20,000 calendars held together took 3.9 GB)."""
    alive: list[weakref.ref[Made]] = []
    made: list[Path] = []

    def files() -> Iterator[tuple[Path, str]]:
        for n in range(5):
            gc.collect()
            assert [r for r in alive if r() is not None] == []
            text = Made(f"BEGIN:VCALENDAR\nPRODID:-//missionctl//{n}\n")
            alive.append(weakref.ref(text))
            made.append(tmp_path / "out" / f"p{n}.ics")
            yield made[-1], text
            del text

    written = write_all(files(), guard("itinerary", []),
                        prepare=lambda: (tmp_path / "out").mkdir())
    assert written == 5 and [p.read_text().split("//")[-1] for p in made] == [
        f"{n}\n" for n in range(5)]


def test_write_all_refused_late_writes_nothing(tmp_path: Path) -> None:
    mine = tmp_path / "m.yaml"
    mine.write_text("missionctl: 1\n")
    files = ((tmp_path / name, "x") for name in ("a.txt", "b.txt", "m.yaml"))
    prepared: list[bool] = []
    with pytest.raises(UserError, match="one of the mission's own files"):
        write_all(files, guard("itinerary", [str(mine)]), prepare=lambda: prepared.append(True))
    assert prepared == [] and sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml"]


# --- special paths, through the real command line (a subprocess with a time limit, so a
# regression fails instead of hanging) ---------------------------------------------------


def missionctl(*args: object, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "missionctl", *map(str, args)], env=env,
                          timeout=60, **kwargs)  # type: ignore[call-overload,no-any-return]


def test_dev_stdout_gets_the_output(mission: Path, tmp_path: Path) -> None:
    piped = missionctl("itinerary", mission, "-f", "csv", "-o", "/dev/stdout",
                       capture_output=True)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(b"\xef\xbb\xbfdate,start,")
    log = tmp_path / "log.txt"
    log.write_bytes(b"earlier line\n")
    with log.open("ab") as fh:  # `>> log.txt`: appended, as the shell asked
        done = missionctl("check", mission, "-o", "/dev/stdout", stdout=fh,
                          stderr=subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    text = log.read_text()
    assert text.startswith("earlier line\n") and "1 file checked" in text


def test_a_fifo_gets_the_output(mission: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE) as reader:
        try:
            done = missionctl("itinerary", mission, "-f", "ics", "-o", fifo,
                              capture_output=True)
            out, _ = reader.communicate(timeout=60)
        finally:
            reader.kill()
    assert done.returncode == 0, done.stderr
    assert out.startswith(b"BEGIN:VCALENDAR") and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_dev_null_and_dev_full(mission: Path) -> None:
    assert missionctl("contacts", mission, "-o", "/dev/null",
                      capture_output=True).returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    full = missionctl("contacts", mission, "-o", "/dev/full", capture_output=True)
    assert full.returncode == 2
    assert full.stderr.decode() == ("missionctl: cannot write /dev/full: No space left on "
                                    "device\n")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_link_to_an_earlier_export_is_followed(run: Run, mission: Path) -> None:
    real = mission.parent / "exports" / "programme.html"
    real.parent.mkdir()
    link = mission.parent / "latest.html"
    link.symlink_to("exports/programme.html")
    assert run("itinerary", mission, "-f", "html", "-o", link)[0] == 0
    assert link.is_symlink() and real.read_text().startswith("<!DOCTYPE html>")
    assert run("itinerary", mission, "-f", "html", "-o", link)[0] == 0  # ours: replaced
