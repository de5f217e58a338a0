"""Feedback for the network commands on a terminal: a progress bar and retry notes on stderr.

The core draws nothing: the network commands (`missionctl.netcmd`) take a progress hook and a
retry policy (`client_options`), and this module supplies both. Off a terminal (CI, pipes,
tests) nothing is drawn and a failure is one line: the retries happen silently and the final
`NetError` says what went wrong. rich is imported only when a bar is drawn.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from missionctl.net.http import RetryEvent, RetryPolicy
    from missionctl.netcmd.common import Hook

#: A progress bar is drawn only for operations of at least this many steps.
MIN_STEPS = 3


class Feedback:
    """Progress bar and retry notes on stderr, only when stderr is a terminal.

    Off a terminal (CI, pipes, tests) nothing is drawn and a failure is one line: the retries
    happen silently and the final NetError says what went wrong.
    """

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: Any = None
        self._task: Any = None
        self._label = ""

    def policy(self) -> RetryPolicy | None:
        """The retry policy for the client: the module default, plus retry notes on a TTY."""
        if not self.enabled:
            return None  # the client falls back to net.http.DEFAULT_POLICY at request time
        from missionctl.net import http as nethttp

        return nethttp.DEFAULT_POLICY.with_(on_retry=self.on_retry)

    def client_options(self, timeout: float, user_agent: str | None) -> dict[str, Any]:
        """`make_client` keywords: `--timeout` bounds each read and, as the budget, each
        whole network step (every try and wait included)."""
        return {"timeout": timeout, "budget": timeout, "user_agent": user_agent,
                "retry": self.policy()}

    @contextlib.contextmanager
    def progress(self, label: str) -> Iterator[Hook | None]:
        if not self.enabled:
            yield None
            return
        self._label = label
        try:
            yield self._update
        finally:
            if self._bar is not None:
                self._bar.stop()
            self._bar = self._task = None

    def _update(self, done: int, total: int, what: str) -> None:
        if self._bar is None:
            if total < MIN_STEPS or done >= total:
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self._label, total=total)
        shown = what if len(what) <= 40 else what[:39] + "…"
        self._bar.update(self._task, completed=done, total=total,
                         description=f"{self._label} {shown}")

    def on_retry(self, event: RetryEvent) -> None:
        text = (f"missionctl: {event.reason}; retrying in {event.delay:.0f} s "
                f"(attempt {event.attempt + 1} of {event.attempts})")
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=sys.stderr)
