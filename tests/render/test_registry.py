"""The registry of renderers: each entry is a function its module exposes, every format module
is registered, and the CLI's `--format` choices are the registry's."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import typer

from missionctl import render
from missionctl.cli.app import build_app, main

FOLDER = Path(render.__file__).parent
MODULES = sorted(p.stem for p in FOLDER.glob("*.py") if p.stem != "__init__")


def test_every_module_renders_what_the_registry_says() -> None:
    registered: dict[str, set[str]] = {}
    for view, formats in render.REGISTRY.items():
        for module in formats.values():
            registered.setdefault(module, set()).add(view)
    assert sorted(registered) == MODULES  # no format module outside the registry
    for module, views in registered.items():
        exposed = importlib.import_module(f"missionctl.render.{module}").VIEWS
        assert set(exposed) == views, module
        assert all(callable(f) for f in exposed.values())


def test_renderer_of_something_unregistered_names_it() -> None:
    with pytest.raises(KeyError, match="'contacts' in format 'ics'"):
        render.renderer("contacts", "ics")


def test_listed() -> None:
    assert render.listed("findings") == "text, json, github, sarif or junit"
    assert render.listed("rules") == "text or json"


# command -> the view its --format renders
COMMANDS = {"check": "findings", "itinerary": "itinerary", "contacts": "contacts",
            "rules": "rules", "holidays": "holidays", "schedule": "schedule"}


@pytest.mark.parametrize("command, view", COMMANDS.items())
def test_format_choices_are_the_registry(command: str, view: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    help_text = capsys.readouterr().out
    # the parser's choices (help shows `--format FORMAT` and lists them in words)
    group = typer.main.get_command(build_app(command))
    assert isinstance(group, typer.core.TyperGroup)
    (param,) = [p for p in group.commands[command].params if p.name == "format"]
    assert isinstance(param, typer.core.TyperOption)
    choices = [str(c) for c in param.type_descriptor.choices or ()]
    assert choices == list(render.formats(view))
    assert "--format FORMAT" in help_text
    assert render.listed(view) in " ".join(help_text.split())


@pytest.mark.parametrize("args", [
    ["check", "--format", "pdf", "m.yaml"],
    ["itinerary", "m.yaml", "--format", "vcf"],
    ["contacts", "m.yaml", "--format", "ics"],
    ["rules", "--format", "sarif"],
    ["holidays", "MA", "2027", "--format", "csv"],
])
def test_unknown_format_is_refused_by_the_parser(args: list[str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Invalid value for '--format'" in err and "is not one of" in err
