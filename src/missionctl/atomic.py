"""The one atomic file writer: a reader never sees half a file, and a failure leaves the old one.

Every file missionctl writes goes through `replace_file` (exports, generated includes, the
holiday override and caches, the geocode cache): a temporary file in the target's folder (same
file system, so the rename is atomic), written, flushed and fsynced, then `os.replace`. On any
failure the temporary file is removed and the target is as it was.

`replace_file` refuses a target that is a symbolic link, a FIFO, a device, a socket or a
directory (`UnsafeTarget`): its callers (a cache, the holiday store) name their own files, and
the rename would silently swap the link or pipe for a regular file.

`write_atomic` is the writer for paths the user named (`--output`, `--per-person`, `new PATH`;
`missionctl.outputs` decides first whether the file may be replaced at all). A user who types
`-o /dev/stdout` or `-o some-fifo` expects it to work, so what the path is decides how it is
written (`inspect`):

- a regular file, or a path that does not exist yet: replaced atomically, as above;
- a symbolic link: followed to its end; the link stays, the file it points to is written by
  these same rules (a regular file replaced atomically in its own folder, a missing one
  created there);
- our own file descriptor (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`): the
  data is written to that descriptor, exactly as a shell redirection opened it (`>` or `>>`);
- a character device (`/dev/null`, a terminal) or a FIFO: written through (opened for
  writing, never created, truncated or renamed over; a FIFO waits for its reader, as `cat >
  fifo` does);
- a directory, a block device (a disk) or a socket: refused.

Its failures are `UserError`s (exit 2, one line): `-o /dev/full` says "No space left on
device". `write_many` writes many such paths at once (`--per-person`) by the same rules, with
one sync for all of them instead of an fsync each.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from missionctl.errors import UserError

#: Symbolic links followed before giving up (as the kernel's own limit).
MAX_LINKS = 40


class UnsafeTarget(OSError):
    """The target exists and is not a regular file; it is left alone."""


def replace_file(path: Path | str, data: str | bytes, *, mode: int = 0o644,
                 make_parents: bool = False) -> Path:
    """Write `data` (text as UTF-8) to `path` atomically; returns `path` as a Path.

    A new file gets `mode`; an existing one keeps its permission bits. `make_parents` creates
    missing folders first (caches, the holiday store); else a missing folder is an OSError.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if make_parents:
        (target.parent if str(target.parent) else Path(".")).mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(target, payload, mode=mode, sync=True)
    try:
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)  # no temporary litter, whatever went wrong
        raise
    return target


def _temp_beside(target: Path, payload: bytes, *, mode: int = 0o644, sync: bool) -> str:
    """A temporary file holding `payload` in `target`'s folder, with the mode `target` will
    have (its own when it exists); fsynced when `sync`. Removed again if anything fails."""
    # tempfile costs a few ms to import: only writers pay for it, never `check`.
    import tempfile

    folder = target.parent if str(target.parent) else Path(".")
    keep_mode = _existing_mode(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode if keep_mode is None else keep_mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _existing_mode(target: Path) -> int | None:
    """The permission bits of an existing regular file; None when there is none yet."""
    try:
        st = target.lstat()
    except FileNotFoundError:
        return None
    if stat.S_ISREG(st.st_mode):
        return st.st_mode & 0o777
    raise UnsafeTarget(f"it is {_kind(st.st_mode)}, not a regular file; it is left alone")


def _kind(mode: int) -> str:
    return ("a symbolic link" if stat.S_ISLNK(mode) else
            "a directory" if stat.S_ISDIR(mode) else
            "a FIFO" if stat.S_ISFIFO(mode) else
            "a socket" if stat.S_ISSOCK(mode) else
            "a block device (a disk)" if stat.S_ISBLK(mode) else "a device")


class Target(NamedTuple):
    """What writing an output path does. `path` is the file written: the path itself, or
    the end of its symbolic links. `kind`: "missing", "regular", "device" (a character
    device), "fifo", or "fd" (our own descriptor `fd`)."""

    path: Path
    kind: str
    fd: int | None = None

    @property
    def replaces(self) -> bool:
        """Writing it replaces an existing file (outputs.py decides whether that is allowed)."""
        return self.kind == "regular"


def _fd_link() -> re.Pattern[str]:
    """`/proc/<us>/fd/N` (and a thread's): what `/dev/stdout` and `/dev/fd/N` lead to."""
    return re.compile(rf"/proc/(?:self|thread-self|{os.getpid()})(?:/task/\d+)?/fd/(\d+)")


def _follow(path: Path) -> tuple[Path, int | None]:
    """The end of `path`'s symbolic links, and the descriptor when it is one of ours."""
    fd_link = _fd_link()
    current = Path(os.path.abspath(path))
    for _ in range(MAX_LINKS):
        current = Path(os.path.realpath(current.parent)) / current.name
        found = fd_link.fullmatch(str(current))
        if found:
            return current, int(found.group(1))
        try:
            if not stat.S_ISLNK(os.lstat(current).st_mode):
                return current, None
        except FileNotFoundError:
            return current, None
        current = current.parent / os.readlink(current)  # an absolute link replaces it all
    raise UserError(f"cannot write {path}: more than {MAX_LINKS} symbolic links in a row")


def inspect(path: Path) -> Target:
    """What writing `path` would do (module docstring), or a one-line `UserError`."""
    try:
        final, fd = _follow(path)
        if fd is not None:
            os.fstat(fd)  # open?
            return Target(final, "fd", fd)
        mode = os.stat(final).st_mode
    except FileNotFoundError:
        return Target(final, "missing")
    except UserError:
        raise
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot write {path}: {_reason(exc)}") from None
    if stat.S_ISREG(mode):
        return Target(final, "regular")
    if stat.S_ISCHR(mode):
        return Target(final, "device")
    if stat.S_ISFIFO(mode):
        return Target(final, "fifo")
    shown = path if final == Path(os.path.abspath(path)) else f"{path} (-> {final})"
    raise UserError(f"cannot write {shown}: it is {_kind(mode)}; missionctl writes to regular "
                    "files, character devices (such as /dev/null) and FIFOs only")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """Write `data` to a path the user named, as `inspect` says; failures are `UserError`s."""
    target = inspect(Path(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if target.kind == "fd":
            assert target.fd is not None
            _write_all(target.fd, payload)
        elif target.kind in ("device", "fifo"):
            _write_through(target.path, payload)
        else:
            folder = target.path.parent
            if not folder.is_dir():
                raise UserError(f"cannot write {path}: the folder {folder} does not exist")
            replace_file(target.path, payload)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {_reason(exc)}") from None


def _write_through(path: Path, payload: bytes) -> None:
    """Open an existing device or FIFO for writing (never creating or truncating it)."""
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a file since `inspect`
            raise UnsafeTarget("it became a regular file while being opened; run again")
        _write_all(fd, payload)
    finally:
        os.close(fd)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]


#: From this many files on, `write_many` makes them durable with one `os.sync` instead of one
#: fsync per file. An fsync costs about 4 ms on these machines' disks: the 2,000 calendars of
#: `--per-person` on a 10k-event mission spent 8 s of a 17 s export in fsync, and 20,000 at
#: 100k events would spend over a minute. One sync flushes everything written so far (other
#: programs' data too, which is why a handful of files still get their own fsync).
MANY = 16


def write_many(items: Sequence[tuple[Path, Callable[[], bytes]]]) -> None:
    """`write_atomic` for each (path, payload maker), in order, made durable together: every
    regular (or new) target's temporary file is written, then all are synced at once, then
    renamed over their targets. A crash leaves each target old or new, never half written,
    as `replace_file` does. Devices, FIFOs and descriptors are written through as they come.
    Failures are `UserError`s; temporary files never stay behind."""
    if len(items) < MANY:
        for path, make in items:
            write_atomic(path, make())
        return
    pending: list[tuple[str, Path, Path]] = []  # (temporary file, target, path as named)
    renamed = 0
    try:
        for path, make in items:
            target = inspect(Path(path))
            if target.kind not in ("regular", "missing"):
                write_atomic(path, make())
                continue
            if not target.path.parent.is_dir():
                raise UserError(f"cannot write {path}: the folder {target.path.parent} "
                                "does not exist")
            try:
                pending.append((_temp_beside(target.path, make(), sync=False), target.path,
                                Path(path)))
            except OSError as exc:
                raise UserError(f"cannot write {path}: {_reason(exc)}") from None
        os.sync()  # every temporary file on disk before the first rename
        for tmp, final, named in pending:
            try:
                os.replace(tmp, final)
            except OSError as exc:
                raise UserError(f"cannot write {named}: {_reason(exc)}") from None
            renamed += 1
    finally:
        for tmp, _final, _named in pending[renamed:]:
            Path(tmp).unlink(missing_ok=True)
