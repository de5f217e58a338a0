"""The `missionctl` application: commands registered here, the error boundary in `main`.

Commands stay thin (parse options, call the core, render, return an exit code). Modules
that cost start-up time (icalendar, httpx, rich, holidays) are imported inside the commands
that need them, never here: a check runs in a pre-commit hook and must feel instant. Typer
itself is imported only when the command line needs it: `run` first offers it to the fast
path of `check` (`cli/fast.py`), which runs without Typer or pydantic.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from missionctl.cli.boundary import FAILED, INTERNAL, USAGE, failure, guarded, say

if TYPE_CHECKING:
    import typer

__all__ = ["COMMANDS", "FAILED", "INTERNAL", "USAGE", "build_app", "dispatch", "failure", "main",
           "run"]

# Command name -> (module, function). Only the command being run is imported and built:
# Typer builds every option of every registered command before parsing, and importing the
# view and network modules costs more than checking a small mission (click's documented
# "lazily loading subcommands" pattern).
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("missionctl.cli.check", "check"),
    "itinerary": ("missionctl.cli.views", "itinerary"),
    "contacts": ("missionctl.cli.views", "contacts"),
    "sheets": ("missionctl.cli.sheets", "sheets"),
    "rules": ("missionctl.cli.meta", "rules"),
    "schema": ("missionctl.cli.meta", "schema"),
    "new": ("missionctl.cli.meta", "new"),
    "travel": ("missionctl.cli.network", "travel"),
    "geocode": ("missionctl.cli.network", "geocode"),
    "holidays": ("missionctl.cli.network", "holidays"),
    "publish": ("missionctl.cli.network", "publish"),
    "import": ("missionctl.cli.importer", "app"),  # a group: `import people`, `import events`
    "changes": ("missionctl.cli.changes", "changes"),
    "schedule": ("missionctl.cli.schedule", "schedule"),
}


def _version(value: bool) -> None:
    if value:
        import typer

        from missionctl import __version__
        from missionctl.tz import tzdata_version

        typer.echo(f"missionctl {__version__} (tz database {tzdata_version()})")
        raise typer.Exit(0)


def _root() -> Callable[..., None]:
    """The root callback (`--version`), made when Typer is imported: its option is a default
    value rather than an `Annotated` hint, so this module needs no Typer to be imported."""
    import typer

    def root(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True,
            help="Print missionctl's version and the tz database in use."),
    ) -> None:
        """Check, print and export trade-mission programmes kept as YAML files."""

    return root


def build_app(only: str | None = None) -> typer.Typer:
    """The application with every command, or with just `only` (the one being run)."""
    import typer

    application = typer.Typer(
        name="missionctl",
        help="Check, print and export trade-mission programmes kept as YAML files.",
        add_completion=False,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    application.callback()(_root())
    from missionctl.cli.metavars import readable

    for name, (module, function) in COMMANDS.items():
        if only is None or name == only:
            found = getattr(importlib.import_module(module), function)
            if isinstance(found, typer.Typer):  # a command group (`import people|events`)
                application.add_typer(found, name=name)
            else:
                readable(application, name, found)
    return application


def _command_in(argv: list[str]) -> str | None:
    """The command named on the command line, if it is one of ours (else: build them all)."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def __getattr__(name: str) -> Any:
    if name == "app":  # the full application, for tests and tools that want a Typer object
        return build_app()
    raise AttributeError(name)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI: the one place where errors become messages and exit codes.

    0 success; 1 findings at or above `fail_on`, a mission with format errors, or a failed
    network operation; 2 a usage error or a path that does not exist or cannot be read;
    3 an internal error (a bug in missionctl). The README's exit-code table says the same.
    """
    import typer

    # typer >= 0.29 vendors click (typer.Exit and typer.Abort are its own); older releases
    # re-export click's, so catching typer's covers both without importing click.
    try:
        from typer._click.exceptions import ClickException
    except ImportError:  # pragma: no cover
        from click.exceptions import ClickException  # type: ignore[assignment,no-redef]

    args = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(build_app(_command_in(args)))

    def run_command() -> int:
        try:
            result = command.main(args=args, prog_name="missionctl", standalone_mode=False)
        except typer.Exit as exc:
            return int(getattr(exc, "exit_code", 0) or 0)
        except typer.Abort:
            say("missionctl: aborted")
            return USAGE
        except ClickException as exc:
            exc.show()
            return USAGE
        return int(result or 0)

    return guarded(run_command)


def dispatch(argv: list[str]) -> int:
    """The console script's choice: `check` through the fast path when it reads the command
    line (`cli/fast.py`, no Typer), anything else through Typer (`main`)."""
    from missionctl.cli import fast

    code = fast.main(argv)
    return main(argv) if code is None else code


def run() -> None:
    """The console script: `dispatch`, then leave without tearing the heap down.

    After a large mission is checked, the interpreter's orderly shutdown would spend a
    noticeable share of the run freeing a million model objects one by one. Output is
    flushed and files are closed by then (exports are written atomically before `main`
    returns), so, like mypy, we exit at once.
    """
    import os

    code = dispatch(sys.argv[1:])
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
