"""Docs and CLI in step: the README's commands, .ci/run, docs/rules.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_starts_with_the_two_commands() -> None:
    main_job, tests = readme_commands()[:2]
    assert "missionctl check missions/" in main_job
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_exactly() -> None:
    tests = readme_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert tests in ci


def test_rules_md_is_generated_from_the_code() -> None:
    from missionctl.rules.docs import markdown

    assert (ROOT / "docs" / "rules.md").read_text() == markdown(), (
        "docs/rules.md is stale: python -m missionctl.rules.docs > docs/rules.md")


def test_every_rule_has_a_check_or_is_a_format_rule() -> None:
    from missionctl.checks import registry
    from missionctl.rules.catalogue import RULES

    missing = [c for c in RULES if not c.startswith("MC0") and c not in registry()]
    assert missing == []


def test_every_command_in_the_readme_exists() -> None:
    import typer.main

    from missionctl.cli.app import app

    names = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    table = (ROOT / "README.md").read_text()
    for name in re.findall(r"\| `missionctl (\w+)", table):
        assert name in names, name


def test_the_rule_counts_the_docs_give_are_the_catalogues(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 9: the README said 41 rules while `missionctl rules` listed 33. Every "N rules"
    in the README and docs/ must be the number `missionctl rules` lists."""
    import json

    from missionctl.cli.app import main
    from missionctl.rules.catalogue import RULES

    assert main(["rules", "--format", "json"]) == 0
    listed = len(json.loads(capsys.readouterr().out))
    assert listed == len(RULES)
    said: dict[str, list[int]] = {}
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for number in re.findall(r"\b(\d+) (?:rules|conflict rules)\b", page.read_text()):
            said.setdefault(page.name, []).append(int(number))
    assert said, "the README names the number of rules"
    assert {name: [n for n in numbers if n != listed] for name, numbers in said.items()} == {
        name: [] for name in said}
