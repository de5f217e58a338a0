"""Reading only regular files (`reading.read_regular`, `missions.py`): a device, a FIFO or a
file over the size bound is one line (exit 2) when named, MC001 when found in a folder, MC008
when included; never a hang, never memory without end.

The command line runs in a subprocess with a time limit and a memory limit, so a regression
fails here instead of hanging the suite or filling the machine's memory.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from missionctl import reading
from missionctl.loader import load

HEADER = """\
missionctl: 1
mission:
  id: special
  title: Special files
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
"""
PEOPLE = "people:\n  ana: {name: Ana, email: ana@example.org}\n"


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GiB


def missionctl(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "missionctl", *map(str, args)], env=env,
                          cwd=cwd, capture_output=True, text=True, timeout=60,
                          preexec_fn=_limits)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_named_is_one_line(device: str) -> None:
    for command in (["check"], ["itinerary"], ["contacts", "-f", "csv"]):
        done = missionctl(*command, device)
        assert done.returncode == 2, done.stderr
        assert done.stderr == (f"missionctl: {device} is a character device, not a mission file; "
                               "missionctl reads only regular files: name the mission's .yaml "
                               "file\n")


def test_a_fifo_named_is_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "m.yaml"
    os.mkfifo(fifo)
    done = missionctl("check", fifo)
    assert done.returncode == 2
    assert done.stderr.startswith(f"missionctl: {fifo} is a FIFO (named pipe), not a mission ")
    assert done.stderr.count("\n") == 1


def test_special_entries_found_in_a_folder_are_mc001(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(HEADER)
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    done = missionctl("check", ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    lines = [ln for ln in done.stdout.splitlines() if ": MC" in ln]
    assert lines == [
        "pipe.yaml:1:1: MC001 error pipe.yaml is a FIFO (named pipe), not a file; missionctl "
        "reads only regular files of YAML text: name the mission's .yaml file [invalid-yaml]",
        "zero.yaml:1:1: MC001 error zero.yaml is a character device, not a file; missionctl "
        "reads only regular files of YAML text: name the mission's .yaml file [invalid-yaml]",
    ]
    assert "3 files checked" in done.stdout
    # a command that needs one mission finds the one there is
    done = missionctl("itinerary", ".", "-f", "csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_special_includes_are_mc008(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "m.yaml").write_text(HEADER + "include: [pipe.yaml, zero.yaml]\n")
    done = missionctl("check", tmp_path / "m.yaml")
    assert done.returncode == 1, done.stderr
    codes = [ln.split(": ")[1].split()[0] for ln in done.stdout.splitlines() if ": MC" in ln]
    assert codes == ["MC008", "MC008"]


def test_a_file_over_the_bound_is_mc001(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:  # sparse: no disk used, no memory either
        fh.truncate(reading.MAX_FILE_BYTES + 1)
    done = missionctl("check", big)
    assert done.returncode == 1
    assert f"{big}:1:1: MC001 error {big} is 64.0 MiB, over the 64 MiB a mission file may be" \
        in done.stdout


def test_the_whole_mission_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_MISSION_BYTES", 100_000)
    filler = "x-pad: " + "a" * 30_000 + "\n"
    names = [f"p{i}.yaml" for i in range(5)]
    for name in names:
        (tmp_path / name).write_text(filler)
    (tmp_path / "m.yaml").write_text(HEADER + f"include: [{', '.join(names)}]\n")
    loaded = load(tmp_path / "m.yaml", "m.yaml")
    [mc001] = [f for f in loaded.findings if f.code == "MC001"]
    assert (mc001.loc.file, mc001.loc.line) == ("p3.yaml", 1)  # the one passing 100,000 bytes
    assert "the mission's files together pass" in mc001.message
