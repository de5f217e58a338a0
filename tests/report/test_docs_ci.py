"""docs/ci.md: its YAML examples parse, and its pre-commit configurations validate."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
DOC = ROOT / "docs" / "ci.md"


def blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_yaml_examples_parse() -> None:
    found = blocks()
    assert len(found) >= 5
    for text in found:
        assert yaml.safe_load(text) is not None


def test_workflows_use_the_ci_formats() -> None:
    workflows = [yaml.safe_load(t) for t in blocks() if t.lstrip().startswith("# .github")]
    runs = [step.get("run", "") for wf in workflows for job in wf["jobs"].values()
            for step in job["steps"]]
    assert any("--format github" in r for r in runs)
    assert any("--format sarif" in r for r in runs)
    uses = [step.get("uses", "") for wf in workflows for job in wf["jobs"].values()
            for step in job["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    (gitlab,) = [yaml.safe_load(t) for t in blocks() if t.lstrip().startswith("# .gitlab-ci")]
    job = gitlab["missionctl"]
    assert job["artifacts"]["reports"]["junit"] == "missionctl-junit.xml"
    assert any("--format junit --output missionctl-junit.xml" in s for s in job["script"])


def test_pre_commit_configs_validate(tmp_path: Path) -> None:
    configs = [t for t in blocks() if t.lstrip().startswith(("# .pre-commit-config", "repos:"))]
    assert len(configs) == 2
    for i, text in enumerate(configs):
        path = tmp_path / f"config{i}.yaml"
        path.write_text(text, encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config",
                                 str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
