"""Every command and every option of the CLI is documented (as sqlite-utils keeps its CLI
reference complete): the click command tree is walked, and each command must be named
(`missionctl NAME`) in README.md or docs/, and each of its long options must appear in a section
of those pages that is about the command (one naming `missionctl NAME` or `` `NAME` ``).

A new option without documentation fails here; so does a section that stops naming it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from missionctl.cli.app import COMMANDS, build_app

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def sections(pages: list[Path] = PAGES) -> list[str]:
    """The pages cut at their headings: one string per section."""
    out: list[str] = []
    for page in pages:
        out += re.split(r"^#{1,6} ", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return out


def about(command: str, text: str) -> bool:
    return re.search(rf"missionctl {command}\b|`{command}\b", text) is not None


def undocumented(tree: typer.core.TyperGroup, texts: list[str], prefix: str = "") -> list[str]:
    """What is missing; a command group (`import`) is walked: `missionctl import people` and
    its options must be documented as a command of their own."""
    missing: list[str] = []
    for name, command in sorted(tree.commands.items()):
        name = prefix + name
        if isinstance(command, typer.core.TyperGroup):
            missing += undocumented(command, texts, prefix=f"{name} ")
            continue
        mine = [t for t in texts if about(name, t)]
        if not any(f"missionctl {name}" in t for t in mine):
            missing.append(f"missionctl {name}")
        for param in command.params:
            for opt in getattr(param, "opts", ()):
                if opt.startswith("--") and not any(
                        re.search(re.escape(opt) + r"(?![\w-])", t) for t in mine):
                    missing.append(f"missionctl {name} {opt}")
    if prefix:
        return missing
    for param in tree.params:
        missing += [f"missionctl {o}" for o in getattr(param, "opts", ())
                    if o.startswith("--") and not any(o in t for t in texts)]
    return missing


def tree() -> typer.core.TyperGroup:
    group = typer.main.get_command(build_app())
    assert isinstance(group, typer.core.TyperGroup)
    return group


def test_the_tree_has_every_command() -> None:
    assert set(tree().commands) == set(COMMANDS)


def test_every_command_and_option_is_documented() -> None:
    assert undocumented(tree(), sections()) == []


def test_a_missing_option_is_found(tmp_path: Path) -> None:
    page = tmp_path / "x.md"
    page.write_text("# missionctl check\n\n`--format`, `--strict`\n\n# Other\n\n--select\n",
                    encoding="utf-8")
    missing = undocumented(tree(), sections([page]))
    assert "missionctl check --select" in missing  # named, but not where check is
    assert "missionctl check --strict" not in missing
    assert "missionctl itinerary" in missing


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_runs(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    from missionctl.cli.app import main

    assert main([command, "--help"]) == 0
    assert capsys.readouterr().out.startswith(f"Usage: missionctl {command}")
