"""Help names values as a person reads them (`PATH...`, `FORMAT`, `N`), never as Python types.

Typer 0.29 printed `paths... <list[Path]>`, `--person <str>`, `--width <int range>` (issue 9).
The whole command tree is walked: every command's help page, and every option and argument
that takes a value, for every command registered now or later.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

import pytest
import typer

from missionctl.cli.app import COMMANDS, build_app, main
from missionctl.cli.metavars import METAVARS, metavar, readable

# What Typer writes for an annotation: <str>, <int range>, <list[Path]>, <path>, <float>...
PYTHON_TYPE = re.compile(
    r"<(?:str|int|float|bool|bytes|path|Path|datetime|date|uuid|UUID|text|choice|"
    r"list\[[^>]*\]|tuple\[[^>]*\]|[a-z]+ range)>|\b(?:NoneType|Optional\[|list\[|int range|"
    r"float range)")
# A readable metavar: a word in capitals (FILE, PATH..., CODES), a date pattern, or a short
# list of choices (local|utc).
READABLE = re.compile(r"[A-Z][A-Z0-9-]*(?:\.\.\.)?|YYYY-MM-DD|[a-z]+(?:\|[a-z]+)+")


def tree() -> typer.core.TyperGroup:
    group = typer.main.get_command(build_app())
    assert isinstance(group, typer.core.TyperGroup)
    return group


def help_page(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main([*args, "--help"]) == 0
    return capsys.readouterr().out


def test_the_walk_covers_every_command() -> None:
    assert set(tree().commands) == set(COMMANDS)


@pytest.mark.parametrize("command", ["", *sorted(COMMANDS)])
def test_help_shows_no_python_type_name(command: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    page = help_page(capsys, *([command] if command else []))
    assert page.startswith("Usage: missionctl")
    assert PYTHON_TYPE.findall(page) == [], page


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_value_has_a_readable_metavar(command: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    page = help_page(capsys, command)
    for param in tree().commands[command].params:
        label = metavar(param)
        if label is None:  # a flag takes no value
            continue
        assert READABLE.fullmatch(label), (command, param.name, label)
        shown = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
        if param.param_type_name == "argument":
            assert re.search(rf"^  {re.escape(label)}  ", page, re.MULTILINE), label
            usage = page.splitlines()[0]
            assert label in usage, usage
        else:
            assert f"{shown[0]} {label}" in page, (shown, label)


def leaves(group: typer.core.TyperGroup) -> list[typer.core.TyperCommand]:
    """Every command, those of a command group (`import people`) included."""
    out: list[typer.core.TyperCommand] = []
    for command in group.commands.values():
        if isinstance(command, typer.core.TyperGroup):
            out += leaves(command)
        else:
            out.append(command)  # type: ignore[arg-type]
    return out


@pytest.mark.parametrize("command", ["import people", "import events"])
def test_subcommand_help_shows_no_python_type_name(command: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    page = help_page(capsys, *command.split())
    assert PYTHON_TYPE.findall(page) == [], page
    for label in re.findall(r"^  (?:-\w, )?--[\w-]+ (\S+)", page, re.MULTILINE):
        assert READABLE.fullmatch(label) or re.fullmatch(r"[A-Z]+=[A-Z]+", label), label


def test_metavars_name_real_parameters() -> None:
    """Every entry of METAVARS is a parameter of some command (no stale names)."""
    names = {p.name for c in leaves(tree()) for p in c.params}
    assert set(METAVARS) <= names, set(METAVARS) - names


def test_a_new_option_gets_a_readable_metavar_from_its_kind() -> None:
    """An option not named in METAVARS falls back on its kind, never on its annotation."""
    def command(
        folder: Annotated[Path, typer.Option("--folder")] = Path("."),
        count: Annotated[int, typer.Option("--count", min=1)] = 1,
        ratio: Annotated[float, typer.Option("--ratio")] = 1.0,
        mode: Annotated[Literal["a", "b"], typer.Option("--mode")] = "a",
        label: Annotated[list[str] | None, typer.Option("--label")] = None,
    ) -> None:
        """A command with new options."""

    application = typer.Typer(add_completion=False, rich_markup_mode=None)
    application.callback()(lambda: None)
    readable(application, "x", command)
    group = typer.main.get_command(application)
    assert isinstance(group, typer.core.TyperGroup)
    labels = {p.name: metavar(p) for p in group.commands["x"].params}
    assert labels == {"folder": "PATH", "count": "N", "ratio": "NUMBER", "mode": "a|b",
                      "label": "LABEL..."}
