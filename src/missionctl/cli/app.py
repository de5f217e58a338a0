"""The `missionctl` application: commands registered here, the error boundary in `main`.

Commands stay thin (parse options, call the core, render, return an exit code). Modules
that cost start-up time (icalendar, httpx, rich, holidays) are imported inside the commands
that need them, never here: a check runs in a pre-commit hook and must feel instant.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from missionctl.cli import check as check_cmd
from missionctl.cli import meta

app = typer.Typer(
    name="missionctl",
    help="Check, print and export trade-mission programmes kept as YAML files.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from missionctl import __version__
        from missionctl.tz import tzdata_version

        typer.echo(f"missionctl {__version__} (tz database {tzdata_version()})")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help="Print missionctl's version and the tz database in use."),
    ] = False,
) -> None:
    """Check, print and export trade-mission programmes kept as YAML files."""


app.command("check")(check_cmd.check)
app.command("rules")(meta.rules)
app.command("schema")(meta.schema)
app.command("new")(meta.new)


def _register_optional() -> None:
    """Commands owned by other modules, registered when present."""
    import importlib

    for module, names in (
        ("missionctl.cli.views", ("itinerary", "contacts")),
        ("missionctl.cli.network", ("travel", "geocode", "holidays", "publish")),
    ):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        for name in names:
            fn = getattr(mod, name, None)
            if fn is not None:
                app.command(name)(fn)


_register_optional()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; the one place where errors become messages and exit codes."""
    from missionctl.errors import UserError

    try:  # typer >= 0.29 vendors click; older releases use click itself
        from typer._click.exceptions import ClickException
    except ImportError:  # pragma: no cover
        from click.exceptions import ClickException  # type: ignore[assignment,no-redef]
    try:
        from click.exceptions import Abort as ClickAbort
        from click.exceptions import Exit as ClickExit
    except ImportError:
        ClickAbort, ClickExit = typer.Abort, typer.Exit  # type: ignore[misc,assignment]

    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="missionctl", standalone_mode=False)
    except (typer.Exit, ClickExit) as exc:
        return int(getattr(exc, "exit_code", 0) or 0)
    except (typer.Abort, ClickAbort):
        typer.echo("missionctl: aborted", err=True)
        return 2
    except ClickException as exc:
        exc.show()
        return 2
    except UserError as exc:
        typer.echo(f"missionctl: {exc}", err=True)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        typer.echo("missionctl: interrupted", err=True)
        return 2
    except Exception as exc:  # the boundary: never a traceback for the user
        typer.echo(
            f"missionctl: internal error ({type(exc).__name__}: {exc}). This is a bug in "
            "missionctl; please report it with the file that caused it "
            "(set MISSIONCTL_DEBUG=1 for the traceback).",
            err=True,
        )
        import os

        if os.environ.get("MISSIONCTL_DEBUG"):
            raise
        return 2
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
