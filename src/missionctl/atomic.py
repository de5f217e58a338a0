"""The one atomic file writer: a reader never sees half a file, and a failure leaves the old one.

Every file missionctl writes goes through `replace_file` (exports, generated includes, the
holiday override and caches, the geocode cache): a temporary file in the target's folder (same
file system, so the rename is atomic), written, flushed and fsynced, then `os.replace`. On any
failure the temporary file is removed and the target is as it was.

A target that is a symbolic link, a FIFO, a device or a socket is refused, never replaced: the
rename would swap the link (or pipe) for a regular file, silently, and the file it pointed to
would not receive the data. A directory is refused too.

`write_atomic` is the variant for paths the user named (`--output`, `new PATH`): its failures
are `UserError`s (exit 2, one line). `replace_file` raises `OSError` (`UnsafeTarget` for the
refusals above) for callers that report their own error (a cache, the holiday store).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from missionctl.errors import UserError


class UnsafeTarget(OSError):
    """The target exists and is not a regular file; it is left alone."""


def replace_file(path: Path | str, data: str | bytes, *, mode: int = 0o644,
                 make_parents: bool = False) -> Path:
    """Write `data` (text as UTF-8) to `path` atomically; returns `path` as a Path.

    A new file gets `mode`; an existing one keeps its permission bits. `make_parents` creates
    missing folders first (caches, the holiday store); else a missing folder is an OSError.
    """
    # tempfile costs a few ms to import: only writers pay for it, never `check`.
    import tempfile

    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    keep_mode = _existing_mode(target)
    if make_parents:
        folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode if keep_mode is None else keep_mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)  # no temporary litter, whatever went wrong
        raise
    return target


def _existing_mode(target: Path) -> int | None:
    """The permission bits of an existing regular file; None when there is none yet."""
    try:
        st = target.lstat()
    except FileNotFoundError:
        return None
    if stat.S_ISREG(st.st_mode):
        return st.st_mode & 0o777
    kind = ("a symbolic link" if stat.S_ISLNK(st.st_mode) else
            "a directory" if stat.S_ISDIR(st.st_mode) else
            "a FIFO" if stat.S_ISFIFO(st.st_mode) else
            "a socket" if stat.S_ISSOCK(st.st_mode) else "a device")
    raise UnsafeTarget(f"it is {kind}, not a regular file; it is left alone")


class Target(NamedTuple):
    """What an output path is: `path` is the file that will be written."""

    path: Path
    kind: str  # "missing" or "regular"

    @property
    def replaces(self) -> bool:
        """Writing it replaces an existing file (outputs.py decides whether that is allowed)."""
        return self.kind == "regular"


def inspect(path: Path) -> Target:
    """What writing `path` would do, or a one-line `UserError` when it is refused."""
    try:
        mode = _existing_mode(path)
    except UnsafeTarget as exc:
        raise UserError(f"cannot write {path}: {exc}") from None
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    return Target(path, "missing" if mode is None else "regular")


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """`replace_file` for a path the user named: failures are one-line `UserError`s."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(f"cannot write {target}: the folder {directory} does not exist")
    try:
        replace_file(target, data)
    except UnsafeTarget as exc:
        raise UserError(f"cannot write {target}: {exc}") from None
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from None
