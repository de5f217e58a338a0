"""The `missionctl` application: commands registered here, the error boundary in `main`.

Commands stay thin (parse options, call the core, render, return an exit code). Modules
that cost start-up time (icalendar, httpx, rich, holidays) are imported inside the commands
that need them, never here: a check runs in a pre-commit hook and must feel instant.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from missionctl.errors import FormatErrors

#: Exit codes (README, "Exit codes"): findings at or above fail_on, format errors or a failed
#: network operation; a usage error or an unreadable path; a bug in missionctl.
FAILED, USAGE, INTERNAL = 1, 2, 3

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
        from missionctl import __version__
        from missionctl.tz import tzdata_version

        typer.echo(f"missionctl {__version__} (tz database {tzdata_version()})")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help="Print missionctl's version and the tz database in use."),
    ] = False,
) -> None:
    """Check, print and export trade-mission programmes kept as YAML files."""


def build_app(only: str | None = None) -> typer.Typer:
    """The application with every command, or with just `only` (the one being run)."""
    application = typer.Typer(
        name="missionctl",
        help="Check, print and export trade-mission programmes kept as YAML files.",
        add_completion=False,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    application.callback()(_root)
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
    # typer >= 0.29 vendors click (typer.Exit and typer.Abort are its own); older releases
    # re-export click's, so catching typer's covers both without importing click.
    try:
        from typer._click.exceptions import ClickException
    except ImportError:  # pragma: no cover
        from click.exceptions import ClickException  # type: ignore[assignment,no-redef]

    args = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(build_app(_command_in(args)))
    try:
        result = command.main(args=args, prog_name="missionctl", standalone_mode=False)
    except typer.Exit as exc:
        return int(getattr(exc, "exit_code", 0) or 0)
    except typer.Abort:
        typer.echo("missionctl: aborted", err=True)
        return USAGE
    except ClickException as exc:
        exc.show()
        return USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        typer.echo("missionctl: interrupted", err=True)
        return USAGE
    except Exception as exc:  # the boundary: never a traceback for the user
        return failure(exc)
    return int(result or 0)


def failure(exc: Exception) -> int:
    """Say what went wrong on stderr, in the user's terms, and return the exit code."""
    from missionctl.errors import FormatErrors, UserError
    from missionctl.net.errors import NetError  # the standard library only: no httpx

    if isinstance(exc, UserError):
        typer.echo(f"missionctl: {exc}", err=True)
        return exc.exit_code
    if isinstance(exc, FormatErrors):
        _show_findings(exc)
        return FAILED
    if isinstance(exc, NetError):
        typer.echo(f"missionctl: {exc}", err=True)
        return FAILED
    typer.echo(
        f"missionctl: internal error ({type(exc).__name__}: {exc}). This is a bug in "
        "missionctl; please report it with the file that caused it "
        "(set MISSIONCTL_DEBUG=1 for the traceback).",
        err=True,
    )
    import os

    if os.environ.get("MISSIONCTL_DEBUG"):
        raise exc
    return INTERNAL


def _show_findings(exc: FormatErrors) -> None:
    """The format findings, as `check --format text` prints them, on stderr."""
    import os

    from missionctl import render
    from missionctl.linter import lint_loaded

    colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    sys.stderr.write(render.render_text("findings", "text", [lint_loaded(exc.loaded)],
                                        render.Options(color=colour)))
    if exc.note:
        sys.stderr.write(f"missionctl: {exc.note}\n")


def run() -> None:
    """The console script: `main`, then leave without tearing the heap down.

    After a large mission is checked, the interpreter's orderly shutdown would spend a
    noticeable share of the run freeing a million model objects one by one. Output is
    flushed and files are closed by then (exports are written atomically before `main`
    returns), so, like mypy, we exit at once.
    """
    import os

    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
