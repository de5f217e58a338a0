"""The one error boundary (`cli/app.py`): each kind of failure becomes its message and its exit
code, as the README's exit-code table says."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from missionctl.cli.app import FAILED, INTERNAL, USAGE, failure, main
from missionctl.errors import FormatErrors, UserError
from missionctl.loader import load
from missionctl.net.errors import NetError

if TYPE_CHECKING:
    from conftest import Write

ROOT = Path(__file__).resolve().parent.parent


def test_user_error_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert failure(UserError("x.yaml: no such file or directory")) == USAGE == 2
    assert capsys.readouterr().err == "missionctl: x.yaml: no such file or directory\n"


def test_format_errors_print_the_findings_exit_1(write: Write, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    bad = write("people:\n  ana: {email: x@example.org}\n", header=True)
    assert failure(FormatErrors(load(bad), note="nothing was sent")) == FAILED == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:10:3: MC004 error ")
    assert err.endswith("missionctl: nothing was sent\n")
    assert "\x1b[" not in err


def test_network_error_is_one_line_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert failure(NetError("HTTP 503 from x", kind="status")) == FAILED
    assert capsys.readouterr().err == "missionctl: HTTP 503 from x\n"


def test_a_bug_is_one_line_exit_3(capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MISSIONCTL_DEBUG", raising=False)
    assert failure(KeyError("x")) == INTERNAL == 3
    [line] = capsys.readouterr().err.splitlines()
    assert "internal error (KeyError: 'x')" in line and "please report it" in line
    monkeypatch.setenv("MISSIONCTL_DEBUG", "1")
    with pytest.raises(KeyError):
        failure(KeyError("x"))


def test_usage_errors_from_the_parser_are_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-such-option", "m.yaml"]) == 2
    assert main(["no-such-command"]) == 2


def test_the_readme_table_says_the_same() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d) \| (.*) \|$", readme, flags=re.MULTILINE))
    assert set(table) == {"0", "1", "2", "3"}
    assert "format errors" in table["1"] and "network" in table["1"]
    assert "usage" in table["2"]
    assert "internal error" in table["3"]
