"""The one atomic writer: whole files or none, old file kept on failure, special files left
alone."""

from __future__ import annotations

import os
import socket
import stat
import threading
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


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "real.txt"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to("real/real.txt")  # relative
    chain = tmp_path / "chain.txt"
    chain.symlink_to(link)
    write_atomic(chain, "new")
    assert chain.is_symlink() and link.is_symlink()
    assert real.read_text() == "new" and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["real.txt"]
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "real" / "created.txt")
    write_atomic(dangling, "made")  # as a shell's `>` would: the target is created
    assert dangling.is_symlink() and (tmp_path / "real" / "created.txt").read_text() == "made"
    with pytest.raises(UnsafeTarget):  # the caches' writer still refuses links
        replace_file(link, "x")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(UserError, match="symbolic links"):
        write_atomic(loop, "x")


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    writer = threading.Thread(target=write_atomic, args=(fifo, "through the pipe\n"),
                              daemon=True)
    writer.start()
    writer.join(30)
    reader.join(30)
    assert not writer.is_alive() and got == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_character_devices_are_written_through() -> None:
    write_atomic(Path("/dev/null"), "x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if Path("/dev/full").exists():
        with pytest.raises(UserError, match="cannot write /dev/full: No space left on device"):
            write_atomic(Path("/dev/full"), "x")
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_folders_sockets_and_block_devices_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="it is a directory"):
        write_atomic(tmp_path, "x")
    link = tmp_path / "to-folder"
    link.symlink_to(tmp_path)
    with pytest.raises(UserError, match="it is a directory"):
        write_atomic(link, "x")
    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(sock_path))
        with pytest.raises(UserError, match="it is a socket"):
            write_atomic(sock_path, "x")
    finally:
        sock.close()
    assert stat.S_ISSOCK(sock_path.lstat().st_mode)
    disks = [Path(e.path) for e in os.scandir("/dev") if stat.S_ISBLK(e.stat().st_mode)]
    if disks:  # never opened: refused from its mode alone
        with pytest.raises(UserError, match="it is a block device"):
            write_atomic(disks[0], "x")
    assert not list(Path(tmp_path).glob(".*.tmp"))


def test_a_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"the folder .* does not exist"):
        write_atomic(tmp_path / "nope" / "out.txt", "x")
