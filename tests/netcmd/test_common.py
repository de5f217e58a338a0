"""Feedback on a terminal (progress bar, retry notes) and the shared helpers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from missionctl import missions
from missionctl.cli.feedback import Feedback
from missionctl.net import http as nethttp
from missionctl.net.http import RetryEvent
from missionctl.netcmd import common

from .conftest import Cli, Example, FakeService, Fault, WriteMission


def test_off_a_terminal_nothing_is_drawn(capsys: pytest.CaptureFixture[str]) -> None:
    fb = Feedback(enabled=False)
    assert fb.policy() is None  # the client uses net.http.DEFAULT_POLICY
    with fb.progress("x") as hook:
        assert hook is None
    assert capsys.readouterr().err == ""


def test_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    fb = Feedback(enabled=True)
    policy = fb.policy()
    assert policy is not None and policy.on_retry is not None
    assert policy.attempts == nethttp.DEFAULT_POLICY.attempts
    fb.on_retry(RetryEvent(1, 4, 2.0, "HTTP 503 Service Unavailable from http://x/"))
    assert capsys.readouterr().err == (
        "missionctl: HTTP 503 Service Unavailable from http://x/; retrying in 2 s "
        "(attempt 2 of 4)\n")
    with fb.progress("geocoding") as hook:
        assert hook is not None
        hook(1, 2, "short run")  # under MIN_STEPS: no bar
        assert fb._bar is None
        hook(1, 5, "a long run")
        assert fb._bar is not None
        fb.on_retry(RetryEvent(1, 4, 1.0, "timed out"))
        hook(5, 5, "done")
    assert fb._bar is None


def test_cli_on_a_terminal_shows_retries(cli: Cli, mission: WriteMission, service: FakeService,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = mission("""\
        venues:
          a: {name: A, address: 1 A street}
          b: {name: B, address: 2 B street}
          c: {name: C, address: 3 C street}
    """)
    service.add_places([("1 A street", (1.0, 2.0))])
    service.add_fault("/search", Fault(status=503))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = cli("geocode", path, "--geocoder", service.url)
    assert code == 0, err
    assert "retrying in 0 s (attempt 2 of 3)" in err
    assert "1 of 3 venue(s) found" in out


def test_guard_output(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_bytes(b"\xef\xbb\xbf# MARK here\n")
    common.guard_output(mine, "# MARK", "travel")  # ours (a BOM is fine)
    common.guard_output(tmp_path / "new.yaml", "# MARK", "travel")  # missing: fine
    other = tmp_path / "other.yaml"
    other.write_text("travel_times: []\n")
    with pytest.raises(common.UserError, match="was not written by `missionctl travel`"):
        common.guard_output(other, "# MARK", "travel")
    with pytest.raises(common.UserError, match="is a directory"):
        common.guard_output(tmp_path, "# MARK", "travel")


def test_mission_file_in_a_folder(example: Example, tmp_path: Path) -> None:
    path = example()
    assert missions.mission_file(path.parent) == path
    with pytest.raises(common.UserError, match="2 mission files"):
        missions.mission_file(_two_missions(tmp_path))
    with pytest.raises(common.UserError, match="no such file"):
        missions.mission_file(tmp_path / "nope.yaml")


def _two_missions(tmp_path: Path) -> Path:
    folder = tmp_path / "two"
    folder.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (folder / name).write_text("missionctl: 1\nmission: {}\n")
    return folder


def test_network_errors_become_one_line_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    from missionctl.cli.app import failure
    from missionctl.net.errors import NetError

    code = failure(NetError("cannot connect to x: connection refused", kind="refused"))
    assert code == 1
    assert capsys.readouterr().err == "missionctl: cannot connect to x: connection refused\n"
