"""The one atomic writer: whole files or none, old file kept on failure, special files left
alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from missionctl.atomic import UnsafeTarget, replace_file, write_atomic
from missionctl.errors import UserError


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "é\n")
    assert target.read_bytes() == "é\n".encode()
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left


def test_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    replace_file(target, "new")
    assert (target.read_text(), stat.S_IMODE(target.stat().st_mode)) == ("new", 0o640)
    fresh = replace_file(tmp_path / "a" / "b.json", "{}", mode=0o600, make_parents=True)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def test_a_failure_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    def full(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(UserError, match=r"cannot write .*out.txt: No space left on device"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_symlink_is_never_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("mine")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(UserError, match="it is a symbolic link"):
        write_atomic(link, "x")
    assert link.is_symlink() and real.read_text() == "mine"
    with pytest.raises(UnsafeTarget):
        replace_file(link, "x")


def test_a_fifo_a_device_and_a_folder_are_left_alone(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="it is a FIFO"):
        write_atomic(fifo, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    with pytest.raises(UserError, match="it is a device"):
        write_atomic(Path("/dev/null"), "x")
    with pytest.raises(UserError, match="it is a directory"):
        write_atomic(tmp_path, "x")
    assert not list(Path(tmp_path).glob(".*.tmp"))


def test_a_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"the folder .* does not exist"):
        write_atomic(tmp_path / "nope" / "out.txt", "x")
