"""The pre-commit hook (.pre-commit-hooks.yaml): a valid manifest, and real runs.

The hook checks every mission under the repository whenever a YAML file is staged
(`pass_filenames: false`, `args: ["."]`), so an edit to an include file re-checks the
missions that include it; docs/ci.md explains the choice. The snippets of docs/ci.md run
as written (slow) against a local clone tagged with the release tag they pin, and that tag
must exist in this repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

GOOD = """\
missionctl: 1
mission:
  id: trade-2027
  title: Trade mission
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
include: [people.yaml]
"""
PEOPLE_BAD = """\
people:
  ana-silva: {name: Ana Silva, email: ana@example.org, colour: red}
"""
PEOPLE_GOOD = """\
people:
  ana-silva: {name: Ana Silva, email: ana@example.org}
"""


def pre_commit(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_COLOR="never", NO_COLOR="1")
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def git(*args: str, cwd: Path) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    out = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
                          *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return out.stdout


def test_manifest_is_valid() -> None:
    result = pre_commit("validate-manifest", str(MANIFEST), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_manifest_content() -> None:
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert hook["id"] == "missionctl-check"
    assert hook["language"] == "python"
    assert hook["entry"] == "missionctl check"
    assert hook["pass_filenames"] is False and hook["args"] == ["."]
    files = re.compile(hook["files"])
    for name in ("missions/m.yaml", "people.yml", "a/b/c, d.yaml"):
        assert files.search(name), name
    for name in ("README.md", "m.yaml.bak", "data.json", "yaml"):
        assert not files.search(name), name


@pytest.mark.slow
def test_try_repo(tmp_path: Path) -> None:
    """`pre-commit try-repo` against a copy of this repository with the hook committed.

    try-repo takes uncommitted changes to tracked files but not new files, so the test
    clones the repository and commits this working tree's hook file and source in the
    clone. pre-commit then installs missionctl in a virtualenv of its own, from PyPI (slow;
    skipped when that cannot be done here).
    """
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and this repository's .git")
    clone = tmp_path / "missionctl"
    git("clone", "--quiet", str(ROOT), str(clone), cwd=tmp_path)
    shutil.copy2(MANIFEST, clone / MANIFEST.name)
    shutil.copytree(ROOT / "src/missionctl", clone / "src/missionctl", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    git("add", "-A", cwd=clone)
    if git("status", "--porcelain", cwd=clone).strip():
        git("commit", "--quiet", "-m", "hook and source from the working tree", cwd=clone)

    project = tmp_path / "project"
    (project / "missions").mkdir(parents=True)
    (project / "missions/trade.yaml").write_text(GOOD, encoding="utf-8")
    (project / "missions/people.yaml").write_text(PEOPLE_BAD, encoding="utf-8")
    (project / "README.md").write_text("# Missions\n", encoding="utf-8")
    git("init", "--quiet", cwd=project)
    git("add", "-A", cwd=project)

    # Only the include file is staged: the hook still checks the mission that includes it.
    first = pre_commit("try-repo", str(clone), "missionctl-check", "--files",
                       "missions/people.yaml", "--verbose", cwd=project, timeout=1200)
    output = first.stdout + first.stderr
    if first.returncode == 3 or "An unexpected error has occurred" in output:
        if re.search(r"pip|Could not find|No matching distribution|network|resolve", output,
                     re.IGNORECASE):
            pytest.skip(f"pre-commit could not install the hook's environment: {output[-800:]}")
        pytest.fail(output)
    assert first.returncode == 1, output
    assert re.search(r"missionctl check\.+Failed", output), output
    assert "missions/people.yaml:2:56: MC002 error " in output, output

    (project / "missions/people.yaml").write_text(PEOPLE_GOOD, encoding="utf-8")
    git("add", "-A", cwd=project)
    second = pre_commit("try-repo", str(clone), "missionctl-check", "--all-files",
                        cwd=project, timeout=1200)
    output = second.stdout + second.stderr
    assert second.returncode == 0, output
    assert re.search(r"missionctl check\.+Passed", output), output


# --- the snippets of docs/ci.md, as written, against a tagged local clone -----------------

CI_MD = ROOT / "docs" / "ci.md"


def _ci_snippets() -> tuple[dict[str, Any], dict[str, Any]]:
    """(the .pre-commit-config.yaml of docs/ci.md, its `pass_filenames: true` hook entry)."""
    import textwrap

    text = CI_MD.read_text(encoding="utf-8")
    section = text[text.index("## pre-commit\n"):]
    found = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    config = yaml.safe_load(found[0])
    [narrow] = yaml.safe_load(textwrap.dedent(found[1]))
    return config, narrow


def test_the_documented_rev_is_the_release_tag() -> None:
    from gitclone import tag

    config, narrow = _ci_snippets()
    [repo] = config["repos"]
    assert repo["rev"] == tag() and [h["id"] for h in repo["hooks"]] == ["missionctl-check"]
    assert narrow["pass_filenames"] is True and narrow["files"].startswith("^missions/")


def test_the_documented_rev_exists_in_this_repository() -> None:
    """The tag the snippet pins is a tag of this repository, holding the hook: `rev:
    v0.1.0` with no such tag made `pre-commit run` fail for everyone who copied it."""
    from gitclone import tag

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and this repository's .git")
    tags = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60).stdout.split()
    if not tags:
        # A clone made without tags (some CI checkouts) cannot say; a repository that has
        # tags must have the one the docs pin.
        pytest.skip("this clone has no tags")
    manifest = subprocess.run(["git", "show", f"refs/tags/{tag()}:.pre-commit-hooks.yaml"],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert manifest.returncode == 0, (
        f"this repository has no tag {tag()} (the rev docs/ci.md pins): tag the release, "
        f"`git tag -a {tag()} -m 'missionctl {tag()}'`")
    assert [h["id"] for h in yaml.safe_load(manifest.stdout)] == ["missionctl-check"]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gitclone import tagged_clone

    return tagged_clone(tmp_path_factory.mktemp("precommit"))


def _project(tmp_path: Path, config: dict[str, Any]) -> Path:
    project = tmp_path / "project"
    (project / "missions").mkdir(parents=True)
    (project / ".github" / "workflows").mkdir(parents=True)
    (project / "missions/trade.yaml").write_text(GOOD, encoding="utf-8")
    (project / "missions/people.yaml").write_text(PEOPLE_BAD, encoding="utf-8")
    (project / ".github/workflows/ci.yml").write_text("on: push\n", encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("init", "--quiet", cwd=project)
    return project


def _run_hook(project: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit run` on exactly `files`, staged (what a commit of them runs)."""
    git("add", *files, ".pre-commit-config.yaml", cwd=project)
    env = dict(os.environ, PRE_COMMIT_COLOR="never", NO_COLOR="1", PRE_COMMIT_HOME=str(home))
    env.pop("FORCE_COLOR", None)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--files", *files],
                          cwd=project, env=env, capture_output=True, text=True, timeout=1200)
    git("reset", "--quiet", cwd=project)
    return done


@pytest.mark.slow
def test_the_documented_snippet_as_written(clone: Path, tmp_path: Path) -> None:
    config, _narrow = _ci_snippets()
    config["repos"][0]["repo"] = str(clone)  # the one line a user changes: where to clone
    project = _project(tmp_path, config)
    home = tmp_path / "pre-commit-home"

    first = _run_hook(project, home, "missions/people.yaml")  # only the include is staged
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert re.search(r"missionctl check\.+Failed", output), output
    assert "missions/people.yaml:2:56: MC002 error " in output, output

    (project / "missions/people.yaml").write_text(PEOPLE_GOOD, encoding="utf-8")
    second = _run_hook(project, home, "missions/people.yaml")
    assert second.returncode == 0, second.stdout + second.stderr
    assert re.search(r"missionctl check\.+Passed", second.stdout), second.stdout


@pytest.mark.slow
def test_the_documented_pass_filenames_variant(clone: Path, tmp_path: Path) -> None:
    config, narrow = _ci_snippets()
    config["repos"][0]["repo"] = str(clone)
    config["repos"][0]["hooks"] = [narrow]
    project = _project(tmp_path, config)
    home = tmp_path / "pre-commit-home"

    # the staged include stands for the mission that includes it
    first = _run_hook(project, home, "missions/people.yaml")
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "missions/people.yaml is included by missions/trade.yaml" in output, output
    assert "missions/people.yaml:2:56: MC002 error " in output, output
    # a workflow file is not passed to it at all
    other = _run_hook(project, home, ".github/workflows/ci.yml")
    assert other.returncode == 0, other.stdout + other.stderr
    assert re.search(r"missionctl check\.+\(no files to check\)Skipped", other.stdout)
