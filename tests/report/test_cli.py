"""End to end through `missionctl check --format ...` on a mission with format errors
(MC0xx): an unknown key, an id defined again in an include file (a related location), and
an include file whose name needs escaping in every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from missionctl.cli.app import main

from .test_github import parse as parse_github
from .test_sarif import validate

MISSION = """\
missionctl: 1
mission:
  id: e2e
  title: "Rabat: 100% <trade> & more, day 1"
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
include: ["people, 100%.yaml"]
people:
  ana-silva: {name: Ana Silva, email: ana@example.org}
events:
  visit:
    title: "Visit: <Renault> & co, 100%"
    kind: visit
    atendees: [ana-silva]
    start: 2027-05-11 10:00
    end: 11:00
"""
PEOPLE = """\
people:
  ana-silva: {name: Ana Sousa, phone: "+351 220 000 101"}
  bruno: {name: Bruno, colour: red}
"""
INCLUDE = "people, 100%.yaml"
# (code, file, line, column, related)
EXPECTED = [
    ("MC002", "mission.yaml", 16, 5, []),
    ("MC005", INCLUDE, 2, 3, [("mission.yaml", 11, 3)]),
    ("MC002", INCLUDE, 3, 24, []),
]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mission.yaml").write_text(MISSION, encoding="utf-8")
    (tmp_path / INCLUDE).write_text(PEOPLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def test_json(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "json", "mission.yaml")
    assert code == 1
    doc = json.loads(out)
    got = [(f["code"], f["file"], f["line"], f["column"],
            [(r["file"], r["line"], r["column"]) for r in f["related"]]) for f in doc["findings"]]
    assert got == EXPECTED
    assert doc["summary"] == {"files": 1, "error": 3, "warning": 0, "info": 0, "waived": 0}


def test_text(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "mission.yaml")
    assert code == 1
    lines = out.splitlines()
    i = next(n for n, ln in enumerate(lines) if ln.startswith("mission.yaml:16:5: MC002 error "))
    assert lines[i + 1:i + 3] == ["  16 |     atendees: [ana-silva]", "     |     ^"]
    j = next(n for n, ln in enumerate(lines) if ln.startswith(f"{INCLUDE}:2:3: MC005 error "))
    assert lines[j + 3:j + 6] == ["mission.yaml:11:3: note: first defined here",
                                  "  11 |   ana-silva: {name: Ana Silva, email: ana@example.org}",
                                  "     |   ^"]
    assert "\x1b[" not in out  # not a terminal
    assert lines[-1] == "1 file checked: 3 errors, 0 warnings, 0 info"


def test_github(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "github", "mission.yaml")
    assert code == 1
    *commands, summary = out.splitlines()
    parsed = [parse_github(line) for line in commands]
    assert [(p["title"].split()[0], p["file"], int(p["line"]), int(p["col"]))
            for _, p, _ in parsed] == [e[:4] for e in EXPECTED]
    assert all(kind == "error" for kind, _, _ in parsed)
    assert "file=people%2C 100%25.yaml," in commands[1]
    assert parsed[1][2].endswith("\nrelated: mission.yaml:11:3")
    assert summary.startswith("missionctl: 1 file checked")


def test_sarif(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "sarif", "mission.yaml")
    assert code == 1
    log = json.loads(out)
    validate(log)
    results = log["runs"][0]["results"]
    got = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results]
    assert got == [("MC002", "mission.yaml", 16), ("MC005", "people%2C%20100%25.yaml", 2),
                   ("MC002", "people%2C%20100%25.yaml", 3)]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["MC002", "MC005"]
    assert results[1]["relatedLocations"][0]["physicalLocation"]["region"] == {
        "startLine": 11, "startColumn": 3}


def test_junit_to_file(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "junit", "--output", "report.xml", "mission.yaml")
    assert code == 1 and out == ""
    root = ET.parse(tree / "report.xml").getroot()
    suite = root.find("testsuite")
    assert suite is not None  # the skipped count is on <testsuite> (junit-10.xsd)
    assert (root.get("tests"), root.get("failures"), suite.get("skipped")) == ("3", "2", "1")
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == ["MC002 unknown-key", "MC005 duplicate-id", "conflict checks"]
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and f"{INCLUDE}:3:24: error:" in (failure.text or "")


def test_include_file_alone_checks_its_mission(tree: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    # issue 9: an include file given alone stands for the mission that includes it (it was
    # skipped with exit 0, so a commit touching only an include passed unchecked)
    code = main(["check", "--format", "junit", INCLUDE])
    captured = capsys.readouterr()
    assert code == 1
    assert f"{INCLUDE} is included by mission.yaml" in captured.err
    assert [s.get("name") for s in ET.fromstring(captured.out)] == ["mission.yaml"]


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_clean_mission_exits_0(fmt: str, tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "clean.yaml").write_text(MISSION.split("include:")[0], encoding="utf-8")
    # --select MC0: format rules only, so the result does not depend on the conflict rules
    code, out = run(capsys, "--format", fmt, "--select", "MC0", "clean.yaml")
    assert code == 0
    assert out.endswith("\n")
