"""The command line: exit codes, formats, errors without tracebacks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest
from typer.testing import CliRunner

from missionctl.cli.app import app, main

if TYPE_CHECKING:
    from conftest import Write

runner = CliRunner()

GOOD = """\
people:
  ana: {name: Ana, email: ana@example.org}
"""


def test_version_names_the_tz_database() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("missionctl 0.")
    assert "tz database 20" in result.output


def test_new_then_check_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "trip.yaml"
    assert main(["new", str(path), "--start", "2027-05-11"]) == 0
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out
    assert main(["new", str(path)]) == 2  # never overwrites without --force


def test_check_exit_codes(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    ok = write(GOOD, name="ok.yaml", header=True)
    bad = write("people:\n  ana: {email: x}\n", name="bad.yaml", header=True)
    assert main(["check", str(ok)]) == 0
    assert main(["check", str(bad)]) == 1
    assert main(["check", str(bad.parent / "nope.yaml")]) == 2
    assert main(["check", "--format", "nope", str(ok)]) == 2
    assert main(["check", "--select", "XX9", str(ok)]) == 2
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_check_text_line_format(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write("people:\n  ana: {email: x@example.org}\n", name="bad.yaml", header=True)
    main(["check", str(bad)])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{bad}:10:3: MC004 error ")


def test_check_json_shape(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write("people:\n  ana: {email: x@example.org}\n", name="bad.yaml", header=True)
    assert main(["check", "--format", "json", str(bad)]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == 1
    assert doc["summary"]["files"] == 1 and doc["summary"]["error"] == 1
    [f] = doc["findings"]
    assert (f["code"], f["rule"], f["severity"], f["line"], f["column"]) == (
        "MC004", "missing-field", "error", 10, 3)
    assert f["file"] == str(bad)


def test_check_directory_finds_missions_not_includes(write: Write,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    write("people:\n  bo: {name: Bo, email: bo@example.org}\n", name="d/people.yaml")
    m = write("include: [people.yaml]\n" + GOOD, name="d/m.yaml", header=True)
    assert main(["check", "--format", "json", str(m.parent)]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["files"] == 1


def test_output_file_is_written(write: Write, tmp_path: Path) -> None:
    ok = write(GOOD, name="ok.yaml", header=True)
    out = tmp_path / "report.json"
    assert main(["check", "--format", "json", "--output", str(out), str(ok)]) == 0
    assert json.loads(out.read_text())["findings"] == []


def test_no_color_is_honoured(write: Write, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = write("people:\n  ana: {email: x@example.org}\n", name="bad.yaml", header=True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    main(["check", str(bad)])
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", str(bad)])
    assert "\x1b[" not in capsys.readouterr().out


def test_rules_catalogue_and_one_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "MC101  person-double-booked" in capsys.readouterr().out
    assert main(["rules", "MC007"]) == 0
    assert "Example that fails" in capsys.readouterr().out
    assert main(["rules", "MC999"]) == 2


def test_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["$schema"].startswith("http://json-schema.org/draft-07")


def test_internal_error_is_one_line(monkeypatch: pytest.MonkeyPatch, write: Write,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    import missionctl.linter as linter

    def boom(*a: object, **k: object) -> NoReturn:
        raise RuntimeError("boom")

    monkeypatch.setattr(linter, "lint_loaded", boom)
    # an internal error has its own exit code (contract, section 10)
    assert main(["check", str(write(GOOD, header=True))]) == 3
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err


def test_installed_console_script_runs(write: Write) -> None:
    exe = shutil.which("missionctl") or str(Path(sys.executable).parent / "missionctl")
    ok = write(GOOD, header=True)
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([exe, "check", str(ok)], capture_output=True, text=True, env=env,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert "1 file checked: 0 errors" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "missionctl", "--version"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("missionctl ")
