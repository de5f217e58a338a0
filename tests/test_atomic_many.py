"""`write_many`: many files made durable with one sync, each still replaced atomically, special
files still written through, and no temporary file left behind on failure."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from missionctl.atomic import MANY, write_many
from missionctl.errors import UserError


def _calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts os.sync and os.fsync, which still run (the real disk is written)."""
    counts = {"sync": 0, "fsync": 0}

    def counted(name: str, real: Callable[..., None]) -> Callable[..., None]:
        def call(*args: int) -> None:
            counts[name] += 1
            real(*args)
        return call

    monkeypatch.setattr(os, "sync", counted("sync", os.sync))
    monkeypatch.setattr(os, "fsync", counted("fsync", os.fsync))
    return counts


def _items(paths: list[Path]) -> list[tuple[Path, Callable[[], bytes]]]:
    """Each path with a maker of its content: its own name and a newline."""
    return [(p, f"{p.name}\n".encode().__bytes__) for p in paths]


def test_many_files_are_synced_once_and_all_written(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "p0.ics"
    old.write_text("old\n")
    old.chmod(0o600)
    real = tmp_path / "real.ics"
    (tmp_path / "p1.ics").symlink_to(real.name)
    counts = _calls(monkeypatch)
    paths = [tmp_path / f"p{i}.ics" for i in range(MANY + 4)]
    write_many(_items(paths))
    assert counts == {"sync": 1, "fsync": 0}
    for p in paths[2:]:
        assert p.read_text() == f"{p.name}\n"
        assert stat.S_IMODE(p.stat().st_mode) == 0o644
    assert old.read_text() == "p0.ics\n" and stat.S_IMODE(old.stat().st_mode) == 0o600
    assert (tmp_path / "p1.ics").is_symlink() and real.read_text() == "p1.ics\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_few_files_get_an_fsync_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = _calls(monkeypatch)
    paths = [tmp_path / f"p{i}.ics" for i in range(3)]
    write_many(_items(paths))
    assert counts == {"sync": 0, "fsync": 3}
    assert [p.read_text() for p in paths] == ["p0.ics\n", "p1.ics\n", "p2.ics\n"]


def test_a_fifo_among_many_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "p3.ics"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    writer = threading.Thread(
        target=write_many, args=(_items([tmp_path / f"p{i}.ics" for i in range(MANY)]),),
        daemon=True)
    writer.start()
    writer.join(30)
    reader.join(30)
    assert not writer.is_alive() and got == [b"p3.ics\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert (tmp_path / "p15.ics").read_text() == "p15.ics\n"


def test_a_failure_before_the_sync_replaces_nothing_and_leaves_no_litter(
        tmp_path: Path) -> None:
    """A target that cannot be written (its folder is missing) stops the batch before any
    rename: the files already there keep their old content."""
    old = tmp_path / "p0.ics"
    old.write_text("old\n")
    paths = [tmp_path / f"p{i}.ics" for i in range(MANY)] + [tmp_path / "gone" / "x.ics"]
    with pytest.raises(UserError, match=r"the folder .*gone does not exist"):
        write_many(_items(paths))
    assert old.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p0.ics"]


def test_a_failing_payload_leaves_no_litter(tmp_path: Path) -> None:
    def boom() -> bytes:
        raise RuntimeError("made up")

    items = _items([tmp_path / f"p{i}.ics" for i in range(MANY)])
    items.insert(5, (tmp_path / "bad.ics", boom))
    with pytest.raises(RuntimeError, match="made up"):
        write_many(items)
    assert list(tmp_path.iterdir()) == []


def test_a_directory_target_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "p2.ics").mkdir()
    with pytest.raises(UserError, match="it is a directory"):
        write_many(_items([tmp_path / f"p{i}.ics" for i in range(MANY)]))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p2.ics"]
