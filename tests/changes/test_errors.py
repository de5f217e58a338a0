"""`changes` fails with one clear line and exit 2: a path outside a repository, an unknown
revision, a mission with format errors at either revision, the mission missing at a revision,
and options that do not fit together. Each on a real git repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from missionctl.cli.app import main

from .history import MISSION, PEOPLE, History, start


def fails(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["changes", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("missionctl: "), captured.err
    return lines[0]


def test_outside_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mission.yaml").write_text(MISSION, encoding="utf-8")
    (tmp_path / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    line = fails(capsys, str(tmp_path / "mission.yaml"), "--since", "HEAD~1")
    assert "is not in a git repository" in line
    assert "missionctl changes OLD.yaml NEW.yaml" in line


@pytest.mark.parametrize("rev", ["no-such-branch", "HEAD~5", "0123456789abcdef", "--all"])
def test_unknown_revision(tmp_path: Path, capsys: pytest.CaptureFixture[str], rev: str) -> None:
    h = start(tmp_path)
    line = fails(capsys, str(h.mission), f"--since={rev}")
    assert f"'{rev}'" in line
    assert "revision" in line


def test_unknown_until(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    h = start(tmp_path)
    assert "unknown revision 'nope'" in fails(capsys, str(h.mission), "--since", "HEAD",
                                               "--until", "nope")


def test_format_error_at_the_old_revision(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    h = History(tmp_path)
    h.write("mission.yaml", MISSION)
    h.write("people.yaml", PEOPLE.replace("arrival: 2027-05-10 09:40", "arrival: soon"))
    h.commit("a broken include")
    h.write("people.yaml", PEOPLE)
    h.commit("fixed")
    line = fails(capsys, str(h.mission), "--since", "HEAD~1")
    assert line.startswith(f"missionctl: {h.mission} at HEAD~1 (")
    assert "has 1 format error, the first: " in line
    assert "m/people.yaml:" in line and "MC003" in line  # the include, read at that revision


def test_format_error_in_the_working_tree(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    h = start(tmp_path)
    h.edit("mission.yaml", "kind: meal", "kind: feast")
    line = fails(capsys, str(h.mission), "--since", "HEAD")
    assert f"{h.mission} has 1 format error, the first: {h.mission}:" in line
    assert "MC003" in line


def test_format_error_at_until(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    h = start(tmp_path)
    h.edit("mission.yaml", "kind: meal", "kind: feast")
    h.commit("broken")
    h.edit("mission.yaml", "kind: feast", "kind: meal")
    line = fails(capsys, str(h.mission), "--since", "HEAD~1", "--until", "HEAD")
    assert "at HEAD (" in line and "MC003" in line


def test_missing_include_at_a_revision(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    h = History(tmp_path)
    h.write("mission.yaml", MISSION)
    h.commit("people.yaml forgotten")
    h.write("people.yaml", PEOPLE)
    h.commit("people.yaml added")
    assert "people.yaml' could not be read" in fails(capsys, str(h.mission), "--since", "HEAD~1")


def test_mission_missing_at_the_revision(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    h = History(tmp_path)
    h.write("other.yaml", "x: 1\n")
    h.commit("before the mission")
    h.write("mission.yaml", MISSION)
    h.write("people.yaml", PEOPLE)
    h.commit("the mission")
    assert "m/mission.yaml does not exist at HEAD~1" in fails(capsys, str(h.mission),
                                                              "--since", "HEAD~1")


def test_no_such_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "no such file" in fails(capsys, str(tmp_path / "nope.yaml"), "--since", "HEAD")


@pytest.mark.parametrize(("args", "words"), [
    ([], "--since REV"),
    (["NEW", "--since", "HEAD"], "not both"),
    (["--since", "HEAD", "-o", "x.txt", "--per-person", "out"], "not both"),
    (["--since", "HEAD", "--person", "nobody"], "no person 'nobody'"),
    (["--since", "HEAD", "--person", "ana", "--org", "acme"], "at most one"),
])
def test_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
               words: str) -> None:
    h = start(tmp_path)
    args = [str(h.mission) if a == "NEW" else a for a in args]
    assert words in fails(capsys, str(h.mission), *args)


def test_eml_for_several_people_needs_a_folder(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    h = start(tmp_path)
    h.edit("mission.yaml", "room: salon", "room: hall")
    line = fails(capsys, str(h.mission), "--since", "HEAD", "--format", "eml")
    assert "2 people have changes: add --per-person DIR, or --person ID" in line


def test_an_unknown_format_is_refused(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    h = start(tmp_path)
    assert main(["changes", str(h.mission), "--since", "HEAD", "--format", "ics"]) == 2


def test_never_writes_over_either_version(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    h = start(tmp_path / "repo")
    old = tmp_path / "old.yaml"
    old.write_text(MISSION.replace("include: [people.yaml]\n", "") + PEOPLE, encoding="utf-8")
    before = old.read_bytes()
    line = fails(capsys, str(old), str(h.mission), "-o", str(old), "--force")
    assert "is one of the mission's own files" in line
    assert old.read_bytes() == before
    fails(capsys, str(old), str(h.mission), "-o", str(h.folder / "people.yaml"), "--force")
