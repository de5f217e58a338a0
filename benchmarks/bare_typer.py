#!/usr/bin/env python3
"""The start-up baseline: a bare Typer app with one command that reads a file.

    python benchmarks/bare_typer.py check benchmarks/tiny.yaml

The callback makes Typer keep the command as a sub-command, so it is invoked exactly like
``missionctl check FILE`` (same Click group dispatch). Everything else is Typer's defaults.
"""

from pathlib import Path

import typer

app = typer.Typer()


@app.callback()
def root() -> None:
    """Bare one-command Typer app."""


@app.command()
def check(path: Path) -> None:
    """Read PATH and print its size."""
    text = path.read_text(encoding="utf-8")
    typer.echo(f"{path}: {len(text)} characters")


if __name__ == "__main__":
    app()
