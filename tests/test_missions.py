"""The one load path (`missions.py`): locating mission files, loading one for a command, the
structured record of a missing include, and what `import missionctl` costs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import missionctl
from missionctl.errors import FormatErrors, UserError
from missionctl.loader import load
from missionctl.missions import files_to_check, find_missions, mission_file, open_mission

GOOD = "people:\n  ana: {name: Ana, email: ana@example.org}\n"
Write = Callable[..., Path]


def test_find_missions_skips_includes_and_hidden_folders(write: Write) -> None:
    m = write("include: [people.yaml]\n" + GOOD, name="d/m.yaml", header=True)
    write(GOOD, name="d/people.yaml")
    write(GOOD, name="d/.hidden/x.yaml", header=True)
    write(GOOD, name="d/node_modules/y.yaml", header=True)
    other = write(GOOD, name="d/sub/z.yml", header=True)
    assert find_missions(m.parent) == [m, other]


def test_files_to_check(write: Write, tmp_path: Path) -> None:
    m = write(GOOD, name="d/m.yaml", header=True)
    inc = write(GOOD, name="people.yaml")
    assert files_to_check([m.parent, inc]) == [m, inc]  # a file is taken as given
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no mission files"):
        files_to_check([tmp_path / "empty"])
    with pytest.raises(UserError, match="no such file or directory"):
        files_to_check([tmp_path / "nope.yaml"])


def test_mission_file(write: Write, tmp_path: Path) -> None:
    m = write(GOOD, name="one/m.yaml", header=True)
    assert mission_file(m.parent) == m
    assert mission_file(m) == m
    (tmp_path / "none").mkdir()
    with pytest.raises(UserError, match="no mission file found"):
        mission_file(tmp_path / "none")


def test_open_mission_raises_format_errors(write: Write) -> None:
    bad = write("people:\n  ana: {email: x@example.org}\n", header=True)
    with pytest.raises(FormatErrors) as info:
        open_mission(bad, note="nothing was sent")
    assert [(f.code, f.loc.line) for f in info.value.findings] == [("MC004", 10)]
    assert info.value.loaded.file == str(bad)
    assert info.value.note == "nothing was sent"


def test_not_a_mission_is_a_user_error(write: Write) -> None:
    inc = write(GOOD, name="people.yaml")
    with pytest.raises(UserError, match="is not a mission file"):
        open_mission(inc)


def test_a_missing_include_is_recorded_by_path(write: Write, tmp_path: Path) -> None:
    m = write("include: [gen/times.yaml]\n" + GOOD, header=True)
    loaded = load(m)
    [finding] = loaded.findings
    assert finding.code == "MC008"
    assert loaded.missing_include(finding) == (tmp_path / "gen" / "times.yaml").resolve()
    assert loaded.missing_includes == ((finding.loc, (tmp_path / "gen/times.yaml").resolve()),)


def test_creating_the_missing_include_is_no_reason_to_stop(write: Write, tmp_path: Path) -> None:
    m = write("include: [times.yaml]\n" + GOOD, header=True)
    opened = open_mission(m, creating=tmp_path / "times.yaml")
    assert opened.pending and opened.file == m and "ana" in opened.mission.people
    with pytest.raises(FormatErrors):  # another file: still an error
        open_mission(m, creating=tmp_path / "other.yaml")
    with pytest.raises(FormatErrors):  # not about to create anything
        open_mission(m)


def test_the_message_is_not_what_decides(write: Write, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Rewording MC008 changes nothing: the decision reads the recorded path."""
    import missionctl.loader.read as read

    m = write("include: [times.yaml]\n" + GOOD, header=True)
    original = read.Ctx.error

    def reworded(self: read.Ctx, code: str, message: str, node: object) -> None:
        original(self, code, "reworded: " + message[::-1], node)  # type: ignore[arg-type]

    monkeypatch.setattr(read.Ctx, "error", reworded)
    assert open_mission(m, creating=tmp_path / "times.yaml").pending


def test_library_load(write: Write) -> None:
    m = write(GOOD, header=True)
    assert missionctl.load(m).info.id == "test"
    assert missionctl.load(str(m.parent)).info.id == "test"


def test_import_missionctl_imports_nothing_else() -> None:
    code = ("import sys; before = set(sys.modules); import missionctl; "
            "print(sorted(set(sys.modules) - before))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['missionctl']"


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        missionctl.nope  # noqa: B018
    assert {"load", "check", "render"} <= set(dir(missionctl))


@pytest.mark.parametrize("command", ["check", "itinerary", "contacts"])
def test_a_path_too_long_is_one_line(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    from missionctl.cli.app import main

    for path in ("y" * 300 + ".yaml", "a/" * 3000 + "x.yaml"):
        assert main([command, path]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and len(err) < 250, err
        assert "the path is longer than this system allows" in err
        assert "internal error" not in err


def test_each_file_is_checked_once(write: Write, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from missionctl.cli.app import main

    m = write("people:\n  ana: {email: x}\n", name="d/m.yaml", header=True)
    (tmp_path / "d" / "link.yaml").symlink_to("m.yaml")
    os.link(m, tmp_path / "hard.yaml")
    monkeypatch.chdir(tmp_path)
    given = [Path("d/m.yaml"), Path("./d/m.yaml"), Path("d/m.yaml"), Path("d"),
             Path("d/link.yaml"), Path("hard.yaml"), Path("d/../d/m.yaml")]
    assert files_to_check(given) == [Path("d/m.yaml")]
    assert main(["check", *map(str, given)]) == 1
    out = capsys.readouterr().out
    assert out.count("MC004") == 1 and "1 file checked:" in out


MISSION_WITH = """\
missionctl: 1
mission: {{id: {id}, title: T, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-14}}
include: [{include}]
"""


def test_an_include_file_given_checks_the_missions_that_include_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from missionctl.cli.app import main
    from missionctl.missions import missions_including

    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "missions" / "data").mkdir(parents=True)
    (repo / "missions" / "data" / "people.yaml").write_text(
        "people:\n  ana: {name: Ana, email: ana@example.org, colour: red}\n")
    (repo / "missions" / "trade.yaml").write_text(
        MISSION_WITH.format(id="trade", include="data/people.yaml"))
    (repo / "second.yaml").write_text(
        MISSION_WITH.format(id="second", include="missions/data/people.yaml"))
    (repo / "missions" / "other.yaml").write_text(MISSION_WITH.format(id="other", include=""))
    # above the repository's root: not searched
    (tmp_path / "outside.yaml").write_text(
        MISSION_WITH.format(id="outside", include="repo/missions/data/people.yaml"))
    monkeypatch.chdir(repo)
    people = Path("missions/data/people.yaml")
    assert missions_including(people) == [Path("missions/trade.yaml"), Path("second.yaml")]

    assert main(["check", str(people)]) == 1
    out, err = capsys.readouterr()
    assert err == ("missionctl: missions/data/people.yaml is included by missions/trade.yaml, "
                   "second.yaml: checking those missions\n")
    assert out.count("missions/data/people.yaml:2:44: MC002 error") == 2
    assert "2 files checked: 2 errors" in out
    # given with a mission that includes it: each mission once
    assert main(["check", str(people), "missions/trade.yaml", "second.yaml"]) == 1
    assert "2 files checked" in capsys.readouterr().out


def test_a_yaml_file_no_mission_includes_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from missionctl.cli.app import main

    (tmp_path / ".git").mkdir()
    (tmp_path / "missions").mkdir()
    (tmp_path / "missions" / "people.yaml").write_text("people: {}\n")
    (tmp_path / "ci.yml").write_text("on: push\n")
    monkeypatch.chdir(tmp_path)
    for path in ("missions/people.yaml", "ci.yml"):
        assert main(["check", path]) == 2
        err = capsys.readouterr().err
        assert err == (f"missionctl: {path} is not a mission file (no 'mission:' key), and no "
                       "mission file in its folder or the folders above it (up to the "
                       "repository's root) includes it: name a mission file, or a folder of "
                       "them\n")
