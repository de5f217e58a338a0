"""A mission as it was at a git revision, read through the `git` command.

Decision: the files of the mission's folder at the revision are written into a private
temporary folder (`git ls-tree` lists them, one `git cat-file --batch` reads them all), and the
ordinary loader reads the mission there, named as it is in the working tree. Includes are then
followed at that revision by the very code that follows them in the working tree (the same
rules: relative, inside the mission's folder, no cycle), and the loader needs no second way of
reading files. Cost: one pass over the YAML files of the mission's folder at that revision
(includes may only live there), bounded by `reading.MAX_MISSION_BYTES`.

`git` itself is used, not a Python library: it is on every machine that holds a repository, it
reads every object format and packfile a repository can have, and nothing is installed for it.
Every failure is a `UserError` (one line, exit 2): not a repository, an unknown revision, the
mission missing at that revision, or format errors there.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import NamedTuple

from missionctl.errors import UserError
from missionctl.model import Mission
from missionctl.reading import MAX_FILE_BYTES, MAX_MISSION_BYTES

#: Only these files are copied out of a revision: the loader reads YAML, and includes are YAML.
SUFFIXES = (".yaml", ".yml")


class Revision(NamedTuple):
    """A revision as the user named it, and the commit it is."""

    name: str
    commit: str

    @property
    def short(self) -> str:
        return self.commit[:10]


class Repo(NamedTuple):
    """The repository holding a mission file, and that file's path inside it (POSIX)."""

    root: Path
    path: str


def git(root: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run `git -C root args...` (no pager, no prompts, the user's config left alone)."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        return subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True,
                              env=env, check=False)
    except FileNotFoundError:
        raise UserError("git is not installed (or not on PATH); `changes --since` reads the "
                        "history through it; compare two files instead: missionctl changes "
                        "OLD.yaml NEW.yaml") from None


def repo_of(path: Path) -> Repo:
    """The repository `path` (a mission file) is in; UserError when it is in none."""
    folder = path.resolve().parent
    done = git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise UserError(f"{path} is not in a git repository, so --since has no history to read; "
                        "compare two files instead: missionctl changes OLD.yaml NEW.yaml")
    root = Path(os.fsdecode(done.stdout.strip()))
    return Repo(root, path.resolve().relative_to(root.resolve()).as_posix())


def revision(repo: Repo, name: str) -> Revision:
    """The commit `name` names (a hash, a branch, a tag, HEAD~2...); UserError when none."""
    if not name.strip() or name.startswith("-"):
        raise UserError(f"'{name}' is not a revision (a commit hash, branch, tag or HEAD~1)")
    done = git(repo.root, "rev-parse", "--verify", "--quiet", "--end-of-options",
               f"{name}^{{commit}}")
    if done.returncode != 0:
        raise UserError(f"unknown revision '{name}' in the repository {repo.root}; "
                        "`git log --oneline` lists the commits")
    return Revision(name, done.stdout.decode().strip())


def _listing(repo: Repo, rev: Revision, folder: str) -> list[tuple[str, str, str, int]]:
    """(mode, object, path, size) of each YAML blob under `folder` at `rev`."""
    args = ["ls-tree", "-r", "-z", "-l", "--full-tree", rev.commit]
    if folder:
        args += ["--", folder + "/"]
    done = git(repo.root, *args)
    if done.returncode != 0:
        raise UserError(f"cannot list the files at {rev.name}: "
                        f"{done.stderr.decode(errors='replace').strip()}")
    out = []
    for entry in done.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, obj, size = meta.split()
        path = os.fsdecode(name)
        if kind == b"blob" and path.endswith(SUFFIXES):
            out.append((mode.decode(), obj.decode(), path, int(size) if size != b"-" else 0))
    return out


def materialise(repo: Repo, rev: Revision, dest: Path) -> Path:
    """Write the YAML files of the mission's folder at `rev` under `dest`; the mission file's
    path there. UserError when the mission file is not at that revision."""
    folder = os.path.dirname(repo.path)
    listing = _listing(repo, rev, folder)
    if not any(path == repo.path for _, _, path, _ in listing):
        raise UserError(f"{repo.path} does not exist at {rev.name} ({rev.short}); name an "
                        "older or newer revision, or the file's path then")
    blobs = [(m, o, p) for m, o, p, size in listing if size <= MAX_FILE_BYTES]
    if sum(size for *_, size in listing) > MAX_MISSION_BYTES:
        raise UserError(f"the YAML files beside {repo.path} at {rev.name} are over "
                        f"{MAX_MISSION_BYTES // 2**20} MiB together; missionctl reads at most that")
    regular = [(o, p) for m, o, p in blobs if m != "120000"]
    data = git(repo.root, "cat-file", "--batch",
               data="".join(f"{o}\n" for o, _ in regular).encode()).stdout
    at = 0
    for _obj, path in regular:
        header_end = data.index(b"\n", at)
        size = int(data[at:header_end].split()[2])
        body = data[header_end + 1:header_end + 1 + size]
        at = header_end + 1 + size + 1
        _place(dest, folder, path).write_bytes(body)
    for mode, obj, path in blobs:
        if mode == "120000":  # a symbolic link: the loader keeps includes inside the folder
            target = git(repo.root, "cat-file", "blob", obj).stdout
            link = _place(dest, folder, path)
            link.symlink_to(os.fsdecode(target))
    return dest / os.path.relpath(repo.path, folder or ".")


def _place(dest: Path, folder: str, path: str) -> Path:
    target = dest / os.path.relpath(path, folder or ".")
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def mission_at(path: Path, shown: str, repo: Repo, rev: Revision) -> Mission:
    """The mission at `rev`, its findings naming files as `shown` does (the working tree's
    names); UserError (one line) when it has format errors there."""
    from missionctl.loader import load

    with tempfile.TemporaryDirectory(prefix="missionctl-rev-") as tmp:
        file = materialise(repo, rev, Path(tmp))
        loaded = load(file, shown)
    if not loaded.is_mission:
        raise UserError(f"{shown} at {rev.name} ({rev.short}) is not a mission file "
                        "(no 'mission:' key)")
    if loaded.mission is None or loaded.findings:
        raise UserError(format_errors(loaded.findings, f"{shown} at {rev.name} ({rev.short})"))
    return loaded.mission


def format_errors(findings: tuple[object, ...], where: str) -> str:
    """'<where> has 3 format errors, the first: people.yaml:4:3: MC003 ...; fix ...'."""
    count = len(findings)
    first = findings[0] if findings else None
    head = f"{where} has {count} format error{'s' if count != 1 else ''}"
    if first is None:
        return head + "; run `missionctl check` on it"
    loc = getattr(first, "loc", "")
    text = f"{loc}: {getattr(first, 'code', '')} {getattr(first, 'message', '')}"
    return f"{head}, the first: {text.strip()}; `missionctl check` lists them all"
