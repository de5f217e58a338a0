"""A local clone of this repository, as a user would install it: the working tree's source
committed in the clone and tagged `v<version>` (the release tag docs/ci.md pins).

Shared by tests/test_ci_docs.py and tests/test_precommit.py (both `slow`): they run the
documented CI steps and pre-commit snippet against it, so the docs are tried as written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What a build of missionctl and its pre-commit hook read, copied from the working tree.
BUILD_FILES = ("src", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def tag() -> str:
    return f"v{version()}"


def git(*args: str, cwd: Path) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    out = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
                          "-c", "init.defaultBranch=main", *args], cwd=cwd, env=env,
                         capture_output=True, text=True, check=True, timeout=120)
    return out.stdout


def tagged_clone(where: Path) -> Path:
    """`git clone` of this repository into `where`, the working tree's build files committed
    on top, and that commit tagged `v<version>`; returns the clone's path."""
    clone = where / "missionctl"
    git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone), cwd=where)
    for name in BUILD_FILES:
        source, target = ROOT / name, clone / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(
                "__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, target)
    git("add", "-A", cwd=clone)
    if git("status", "--porcelain", cwd=clone).strip():
        git("commit", "--quiet", "-m", "the working tree under test", cwd=clone)
    git("tag", "--force", tag(), cwd=clone)
    return clone
