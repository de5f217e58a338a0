"""Reporters for `check`: a registry whose names are the `--format` choices."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import NamedTuple

from missionctl.linter import FileReport


class Options(NamedTuple):
    color: bool = False
    show_waived: bool = False
    strict: bool = False


Reporter = Callable[[Sequence[FileReport], Options], str]

# --format name -> module under missionctl.report exposing `render(reports, options) -> str`.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
}


def get(name: str) -> Reporter:
    module = importlib.import_module(f"missionctl.report.{FORMATS[name]}")
    render: Reporter = module.render
    return render
