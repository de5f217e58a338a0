"""Finding mission files, and the one load path every command that uses a mission goes through.

`check` reports format errors as findings (that is its job). Every other command needs a usable
mission: `open_mission` loads it and raises `FormatErrors` (carrying the findings) when it has
format errors, `UserError` when the path is missing, holds no or several missions, or names a
file that is not a mission. `cli/app.py` turns both into output and an exit code; nothing here
prints.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from missionctl.errors import FormatErrors, UserError
from missionctl.model import Mission

#: Folders never searched for missions (tools' and environments' own trees).
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv"})


def require_path(path: Path) -> None:
    """`path` exists and can be looked at: else one line, exit 2 (never an OSError: a path
    longer than the system allows, or holding a NUL, is a usage error too)."""
    shown = _short(str(path))
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise UserError(f"{shown}: no such file or directory") from None
    except ValueError:  # an embedded NUL (only through the API: argv cannot hold one)
        raise UserError(f"{shown}: a path cannot hold a NUL character") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise UserError(f"{shown}: the path is longer than this system allows "
                            f"({len(os.fsencode(path)):,} bytes, or a name in it over 255); "
                            "use a shorter one") from None
        raise UserError(f"{shown}: {exc.strerror or exc}") from None


def _short(text: str, limit: int = 100) -> str:
    """A path for a one-line message: its start and its end when it is very long."""
    return text if len(text) <= limit else f"{text[:40]}…{text[-(limit - 41):]}"


def require_file(path: Path) -> None:
    """`path` names a regular file (after symbolic links): else one line, exit 2."""
    from missionctl.reading import kind_of

    require_path(path)
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise UserError(f"{path} is {kind_of(mode)}, not a mission file; missionctl reads only "
                        "regular files: name the mission's .yaml file")


def find_missions(root: Path, *, unreadable: bool = False) -> list[Path]:
    """Every mission file under a directory: YAML files with a top-level `mission:` key.

    A cheap text test picks them out (include files have no `mission:` key), so a large
    repository is not parsed twice. Only regular files are read (`reading.read_regular`:
    never a FIFO, a device or a file over the size bound); a `.yaml` entry that is not one,
    or is too large, is listed too with `unreadable` (`check` reports it as MC001), and is
    skipped otherwise.
    """
    import re

    from missionctl.reading import NotReadable, read_regular

    pattern = re.compile(rb"^(?:mission|missionctl)\s*:", re.MULTILINE)
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            if not name.endswith((".yaml", ".yml")):
                continue
            path = Path(dirpath) / name
            try:
                head = read_regular(path)
            except NotReadable:
                if unreadable:
                    found.append(path)
                continue
            except (OSError, ValueError):
                continue
            if pattern.search(head):
                found.append(path)
    return found


def files_to_check(paths: Iterable[Path]) -> list[Path]:
    """`check PATH...`: each file as given, each directory's mission files (none: UserError),
    and the `.yaml` entries of a directory that cannot be read as files (MC001 there).

    Each file once, under the first name it was given or found by: `m.yaml ./m.yaml`, a
    file given and also found in a folder given, a hard or symbolic link to it (the same
    device and inode), are one file.
    """
    files: list[Path] = []
    for path in paths:
        require_path(path)
        if not path.is_dir():
            require_file(path)
            files.append(path)
            continue
        found = find_missions(path, unreadable=True)
        if not found:
            raise UserError(f"{path}: no mission files (YAML with a 'mission:' key) found")
        files.extend(found)
    return once(files)


def once(files: Iterable[Path]) -> list[Path]:
    """`files` without repeats of the same file (device and inode), first spelling kept."""
    seen: set[tuple[int, int]] = set()
    out: list[Path] = []
    for path in files:
        try:
            st = os.stat(path)
            key = (st.st_dev, st.st_ino)
        except OSError:
            key = (-1, hash(os.path.abspath(path)))
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


#: How many folders above an include file `check` looks for the missions that include it, at
#: most (it stops sooner at the repository's root: a folder holding `.git`).
MAX_LEVELS_UP = 32


def missions_including(path: Path) -> list[Path]:
    """The mission files that read `path` (an include file), for `check people.yaml`.

    An include may not leave its mission file's folder, so a mission that includes `path`
    sits in `path`'s folder or in one above it: those folders are searched (each one alone,
    not below it), up to the repository's root (the first folder holding `.git`), the file
    system's root, or MAX_LEVELS_UP folders. Each candidate is loaded, and kept when
    `path` is one of the files it read. Names are relative to the working directory, as
    findings show them.
    """
    from missionctl.loader import load

    target = path.resolve()
    folder = target.parent
    found: list[Path] = []
    for _ in range(MAX_LEVELS_UP):
        for candidate in _missions_in(folder):
            shown = Path(os.path.relpath(candidate))
            loaded = load(shown, str(shown))
            if any(_same(Path(name), target) for name in loaded.files[1:]):
                found.append(shown)
        if (folder / ".git").exists() or folder.parent == folder:
            break
        folder = folder.parent
    return found


def _missions_in(folder: Path) -> list[Path]:
    """The mission files directly in `folder` (not below it)."""
    import re

    from missionctl.reading import NotReadable, read_regular

    pattern = re.compile(rb"^(?:mission|missionctl)\s*:", re.MULTILINE)
    out: list[Path] = []
    try:
        names = sorted(e.name for e in os.scandir(folder)
                       if e.name.endswith((".yaml", ".yml")))
    except OSError:
        return out
    for name in names:
        try:
            if pattern.search(read_regular(folder / name)):
                out.append(folder / name)
        except (OSError, ValueError, NotReadable):
            continue
    return out


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b or os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def mission_file(path: Path) -> Path:
    """`path`, or the one mission file in the directory `path` (UserError otherwise)."""
    require_path(path)
    if not path.is_dir():
        require_file(path)
        return path
    found = find_missions(path)
    if len(found) != 1:
        what = "no mission file" if not found else f"{len(found)} mission files"
        raise UserError(f"{path}: {what} found; name the mission file")
    return found[0]


class Opened(NamedTuple):
    """A usable mission: its file and its model. `pending`: an include names a file the
    command is about to create (see `open_mission`)."""
    file: Path
    mission: Mission
    pending: bool = False


def open_mission(path: Path, *, creating: Path | None = None,
                 note: str | None = None) -> Opened:
    """The mission at `path` (a file, or a directory holding exactly one), for a command.

    Raises `FormatErrors` (with `note` for the CLI to print after the findings) when the
    mission has format errors, `UserError` when `path` is not a mission file at all.

    `creating`: the file the command is about to write. An author may add its include line
    first; the one finding that gives (MC008: the included file does not exist) is then no
    reason to stop, and `pending` says that it happened.
    """
    from missionctl.loader import load as load_file

    file = mission_file(path)
    loaded = load_file(file, str(file))
    if not loaded.is_mission:
        raise UserError(f"{file} is not a mission file (no 'mission:' key)")
    target = creating.resolve() if creating is not None and not creating.exists() else None
    pending = [f for f in loaded.findings
               if target is not None and loaded.missing_include(f) == target]
    if loaded.mission is None or len(pending) != len(loaded.findings):
        raise FormatErrors(loaded, note)
    return Opened(file, loaded.mission, bool(pending))


def load(path: Path | str) -> Mission:
    """The library's entry point (`missionctl.load`): the Mission at `path`, or `FormatErrors`."""
    return open_mission(Path(path)).mission
