"""The CLI's error boundary: an exception becomes a message on stderr and an exit code.

No Typer here: the Typer path (`cli/app.main`) and the fast path of `check` (`cli/fast.py`)
share it, so an error reads the same whichever path ran.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from missionctl.errors import FormatErrors

#: Exit codes (README, "Exit codes"): findings at or above fail_on, format errors or a failed
#: network operation; a usage error or an unreadable path; a bug in missionctl.
FAILED, USAGE, INTERNAL = 1, 2, 3

# click's own pattern (click/_compat.py): what `typer.echo` strips from text written to a
# stream that is not a terminal.
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def say(message: str) -> None:
    """`typer.echo(message, err=True)` without importing Typer: a line on stderr, without
    terminal escapes unless stderr is a terminal, flushed."""
    try:
        terminal = sys.stderr.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream, as click allows
        terminal = False
    if not terminal:
        message = _ANSI.sub("", message)
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def guarded(work: Callable[[], int]) -> int:
    """Run `work` inside the boundary: a closed pipe is success, Ctrl-C a usage exit, any
    other exception a message (`failure`), never a traceback. Both paths call it."""
    try:
        return work()
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        say("missionctl: interrupted")
        return USAGE
    except Exception as exc:  # the boundary: never a traceback for the user
        return failure(exc)


def failure(exc: Exception) -> int:
    """Say what went wrong on stderr, in the user's terms, and return the exit code."""
    from missionctl.errors import FormatErrors, UserError
    from missionctl.net.errors import NetError  # the standard library only: no httpx

    if isinstance(exc, UserError):
        say(f"missionctl: {exc}")
        return exc.exit_code
    if isinstance(exc, FormatErrors):
        _show_findings(exc)
        return FAILED
    if isinstance(exc, NetError):
        say(f"missionctl: {exc}")
        return FAILED
    say(f"missionctl: internal error ({type(exc).__name__}: {exc}). This is a bug in "
        "missionctl; please report it with the file that caused it "
        "(set MISSIONCTL_DEBUG=1 for the traceback).")
    if os.environ.get("MISSIONCTL_DEBUG"):
        raise exc
    return INTERNAL


def _show_findings(exc: FormatErrors) -> None:
    """The format findings, as `check --format text` prints them, on stderr."""
    from missionctl import render
    from missionctl.linter import lint_loaded

    colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    sys.stderr.write(render.render_text("findings", "text", [lint_loaded(exc.loaded)],
                                        render.Options(color=colour)))
    if exc.note:
        sys.stderr.write(f"missionctl: {exc.note}\n")
