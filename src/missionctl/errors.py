"""The exceptions the core raises for the user; `cli/app.py` alone turns them into output.

- `UserError`: a usage error, or a path that does not exist or cannot be read. One line;
  exit 2.
- `FormatErrors`: the mission has format findings (MC0xx), so a command cannot use it. The
  findings, as `check` prints them; exit 1.
- `missionctl.net.NetError`: a network operation failed. One line; exit 1.
- anything else: a bug in missionctl. One line asking for a report; exit 3.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from missionctl.findings import Finding
    from missionctl.loader import Loaded


class UserError(Exception):
    """A usage error or an unreadable path: a one-line message, exit code 2."""

    exit_code = 2


class FormatErrors(Exception):
    """The mission file has format errors (MC0xx findings) and cannot be used.

    `loaded` is what loading gave (the file's name, the findings, the model when there is
    one); `findings` its findings. `note` is one more line the CLI prints after them (a
    network command says that nothing was sent).
    """

    def __init__(self, loaded: Loaded, note: str | None = None) -> None:
        count = len(loaded.findings)
        super().__init__(f"{loaded.file}: {count} format error{'s' if count != 1 else ''}")
        self.loaded = loaded
        self.note = note

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.loaded.findings
