"""Locations and findings: what every check yields and every reporter renders."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import NamedTuple


class Loc(NamedTuple):
    """A 1-based position in a file, as the user wrote it.

    A NamedTuple rather than a frozen dataclass: the loader makes one per value (about
    250,000 for a 10k-event mission) and a tuple is several times cheaper to build.
    """

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Severity(IntEnum):
    """Ordered so that `severity >= fail_on` decides the exit code."""

    OFF = 0
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        # Looked up, not `self.name.lower()`: an enum's `name` is a slow descriptor, and a
        # report of 10,000 findings asks for three labels per finding.
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


_LABELS = {s: s.name.lower() for s in Severity}


class Finding(NamedTuple):
    """One problem found. Checks leave `severity` unset: the linter stamps it from settings.

    `subject` is the id of the event the finding is about (for event `waive:`), if any.
    `day` is the local day a finding about a person is about (MC105, MC106, MC406), for a
    person's waiver of one day.
    """

    code: str
    message: str
    loc: Loc
    related: tuple[Loc, ...] = ()
    subject: str | None = None
    severity: Severity | None = None
    waived: str | None = None
    day: date | None = None

    def with_severity(self, severity: Severity) -> Finding:
        return self._replace(severity=severity)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.loc.file, self.loc.line, self.loc.column, self.code, self.message)
