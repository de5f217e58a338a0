"""Reading a file's bytes for the loader: regular files only, within bounds, and naming an
encoding that is not UTF-8.

- Only regular files (after following symbolic links) are read: a FIFO, a device
  (`/dev/zero`), a socket or a directory is never opened for reading, so nothing waits for a
  writer or reads without end. The kind is checked with `stat` before opening and again on
  the open descriptor, opened non-blocking (a FIFO swapped in meanwhile opens at once).
- Each file at most MAX_FILE_BYTES; a whole mission (its files together) at most
  MAX_MISSION_BYTES (`yamlnodes.Budget` counts it).
- A file in UTF-16 or UTF-32 is named as such (`wide_encoding`), not called binary.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Only regular files are read, each at most MAX_FILE_BYTES and a whole mission (the mission
# file and its includes) at most MAX_MISSION_BYTES. A 10,000-event mission is about 4 MB, so
# these bounds are far above any real programme; they keep `check /dev/zero`, a runaway
# generated file or a FIFO from eating memory or waiting forever.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_MISSION_BYTES = 256 * 1024 * 1024


class NotReadable(Exception):
    """A path that is not read: not a regular file, or too large. The message says which, in a
    person's words, after the file's name ("is a FIFO (named pipe), not a file")."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, as a person names it."""
    return ("a directory" if stat.S_ISDIR(mode) else
            "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else
            "a character device" if stat.S_ISCHR(mode) else
            "a block device" if stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file")


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at `path` (symbolic links followed), at most `limit`.

    Raises `NotReadable` for anything else (a FIFO, a device, a socket, a directory) and for a
    file over `limit`, and `OSError` when it cannot be opened. Never waits and never reads
    without end: the kind is checked before opening, and again on the open descriptor, which
    is opened non-blocking (a FIFO swapped in meanwhile opens at once, with no writer).
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotReadable(f"is {kind_of(mode)}, not a file")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotReadable(f"is {kind_of(st.st_mode)}, not a file")
        if st.st_size > limit:
            raise NotReadable(_too_large(st.st_size, limit))
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while being read
                raise NotReadable(_too_large(size, limit))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(size: int, limit: int) -> str:
    return (f"is {size / 2**20:,.1f} MiB, over the {limit // 2**20} MiB a mission file may be "
            "(a 10,000-event mission is about 4 MiB)")


def reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))


def wide_encoding(data: bytes) -> str | None:
    """"UTF-16 (little-endian)" and the like when `data` looks like text in a wide encoding:
    its byte order mark, or (without one) mostly NULs at the bytes where ASCII characters
    have them in that encoding and printable text at the others."""
    marks = ((b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
             (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
             (b"\xff\xfe", "UTF-16 (little-endian)"), (b"\xfe\xff", "UTF-16 (big-endian)"))
    for mark, name in marks:
        if data.startswith(mark):
            return name
    head = data[:4096]
    head = head[:len(head) - len(head) % 4]
    if len(head) < 8:
        return None
    layouts = (("UTF-32 (little-endian)", 4, 0), ("UTF-32 (big-endian)", 4, 3),
               ("UTF-16 (little-endian)", 2, 0), ("UTF-16 (big-endian)", 2, 1))
    for name, width, low in layouts:
        chars = head[low::width]
        zeros = sum(1 for i, b in enumerate(head) if i % width != low and b == 0)
        printable = sum(1 for b in chars if b in (9, 10, 13) or b >= 32)
        if zeros >= 0.9 * (len(head) - len(chars)) and printable >= 0.9 * len(chars):
            return name
    return None
