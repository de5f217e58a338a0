"""docs/ci.md's CI recipes, run as written: the shell steps of each GitHub Actions workflow and
of the GitLab CI job, in a throwaway virtual environment, with `MISSIONCTL` naming a local
clone of this repository at its release tag. On a mission that must fail, the check step
fails (exit 1); on a clean one every step passes. And no recipe installs the bare name
`missionctl`, which on the package index is somebody else's placeholder that exits 0.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from gitclone import ROOT, tag, tagged_clone

CI_MD = ROOT / "docs" / "ci.md"

FAILING = """\
missionctl: 1
mission: {id: ci, title: CI, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-14}
people:
  ana: {name: Ana, email: ana@example.org}
venues:
  plant: {name: Plant, city: Tangier}
events:
  visit:
    {kind: visit, title: Visit, start: 2027-05-11 10:00, end: "11:00", venue: plant,
     attendees: [ana]}
  meeting:
    {kind: meeting, title: Meeting, start: 2027-05-11 10:30, end: "11:30", venue: plant,
     attendees: [ana]}
"""
CLEAN = FAILING.replace("start: 2027-05-11 10:30, end: \"11:30\"",
                        "start: 2027-05-12 10:30, end: \"11:30\"")


def blocks() -> list[dict[str, Any]]:
    """The YAML code blocks of docs/ci.md, loaded."""
    text = CI_MD.read_text(encoding="utf-8")
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]


def github_workflows() -> list[dict[str, Any]]:
    return [b for b in blocks() if isinstance(b, dict) and "jobs" in b]


def gitlab_jobs() -> list[dict[str, Any]]:
    return [job for b in blocks() if isinstance(b, dict) and "jobs" not in b
            for job in b.values() if isinstance(job, dict) and "script" in job]


def test_the_recipes_are_found() -> None:
    assert len(github_workflows()) == 2 and len(gitlab_jobs()) == 1


def test_no_recipe_installs_the_bare_name() -> None:
    text = CI_MD.read_text(encoding="utf-8")
    for block in re.findall(r"```(?:yaml|sh)\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            if "pip install" in line:
                assert re.search(r'pip install "missionctl @ |pip install \./', line), line
    for workflow in github_workflows():
        assert workflow["env"]["MISSIONCTL"].endswith(f"@{tag()}")
    for job in gitlab_jobs():
        assert job["variables"]["MISSIONCTL"].endswith(f"@{tag()}")
        assert not job["image"].endswith("-slim")  # pip needs git


def _env(venv: Path, clone: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    # `localhost`: pip's requirement parser wants a host in a VCS URL; git takes it
    env["MISSIONCTL"] = f"git+file://localhost{clone}@{tag()}"
    env.pop("FORCE_COLOR", None)
    return env


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # GitHub's `run:` shell is `bash --noprofile --norc -eo pipefail {0}`; GitLab stops a
    # script at its first failing line, which the same options give.
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a tagged local clone, a fresh virtual environment with nothing installed)."""
    where = tmp_path_factory.mktemp("ci")
    clone = tagged_clone(where)
    venv = where / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    return clone, venv


def project(tmp_path: Path, mission: str) -> Path:
    (tmp_path / "missions").mkdir(parents=True)
    (tmp_path / "missions" / "trade.yaml").write_text(mission, encoding="utf-8")
    return tmp_path


def run_github(workflow: dict[str, Any], cwd: Path,
               env: dict[str, str]) -> list[tuple[str, int, str]]:
    """Each `run:` step of the workflow's one job, in order, until one fails (as GitHub does;
    a step with `if: always()` runs anyway): [(command, exit code, output)]."""
    [job] = workflow["jobs"].values()
    steps_env = dict(env, **{k: v for k, v in workflow.get("env", {}).items()
                             if k != "MISSIONCTL"})
    done: list[tuple[str, int, str]] = []
    for step in job["steps"]:
        if "run" not in step:
            continue  # `uses:` steps: checkout, setup-python, upload (GitHub's own)
        if done and done[-1][1] != 0 and step.get("if") != "always()":
            break
        result = _bash(step["run"], cwd, steps_env)
        done.append((step["run"], result.returncode, result.stdout + result.stderr))
    return done


@pytest.mark.slow
def test_github_actions_steps(installed: tuple[Path, Path], tmp_path: Path) -> None:
    clone, venv = installed
    env = _env(venv, clone)
    annotations, scanning = github_workflows()

    failing = project(tmp_path / "failing", FAILING)
    steps = run_github(annotations, failing, env)
    assert [code for _run, code, _out in steps] == [0, 1], steps
    assert "::error file=missions/trade.yaml,line=" in steps[1][2]

    steps = run_github(scanning, failing, env)
    assert [code for _run, code, _out in steps] == [0, 1], steps
    log = json.loads((failing / "missionctl.sarif").read_text(encoding="utf-8"))
    assert "MC101" in [r["ruleId"] for r in log["runs"][0]["results"]]

    clean = project(tmp_path / "clean", CLEAN)
    steps = run_github(annotations, clean, env)
    assert [code for _run, code, _out in steps] == [0, 0], steps


@pytest.mark.slow
def test_gitlab_ci_script(installed: tuple[Path, Path], tmp_path: Path) -> None:
    clone, venv = installed
    env = _env(venv, clone)
    [job] = gitlab_jobs()
    script = "\n".join(job["script"])

    failing = project(tmp_path / "failing", FAILING)
    result = _bash(script, failing, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "MC101 error" in result.stdout
    report = (failing / job["artifacts"]["reports"]["junit"]).read_text(encoding="utf-8")
    assert "<failure" in report

    clean = project(tmp_path / "clean", CLEAN)
    result = _bash(script, clean, env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_message_or_page_installs_the_bare_name() -> None:
    """`missionctl` on PyPI is another project: no error message, page or README line may
    tell anyone to `pip install missionctl` or `'missionctl[extra]'` (they once did, for
    every optional extra); the extras install from the clone, `pip install -e '.[pdf]'`, and
    a pinned install names its source (`pip install "missionctl @ git+…"`, docs/ci.md)."""
    bare = re.compile(r"pip install ['\"]?missionctl(?!\s*@)(\[|['\"]?\s|['\"]?$)")
    files = [*sorted((ROOT / "src" / "missionctl").rglob("*.py")),
             *sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]
    found = [f"{f.relative_to(ROOT)}:{n}" for f in files
             for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
             if bare.search(line) and "never" not in line]
    assert len(files) > 50 and found == []
