"""A small checked tree for the reporter tests, and golden-file comparison.

The sample is built by hand (FileReport and Finding objects), not by running the conflict
rules, so the golden files do not move when a rule's wording does. Its files are written to a
temporary directory that becomes the working directory, because the text format reads the
source lines the findings point at (paths are relative to the working directory, as the CLI
gives them).

Regenerate every golden file after an intended change of output with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/report

and review the diff of tests/report/golden/ before committing it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from missionctl.findings import Finding, Loc, Severity
from missionctl.linter import FileReport

GOLDEN = Path(__file__).parent / "golden"

CASA = "missions/casablanca.yaml"
PEOPLE = "missions/people.yaml"
RABAT = "missions/rabat, day 1: 100%.yaml"  # `,` `:` `%` and a space in a path
CLEAN = "missions/clean.yaml"

SOURCES = {
    CASA: """\
missionctl: 1
mission:
  id: casa-2027
  title: "Casablanca: 100% <industry> & more, week 1"
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
include: [people.yaml]
checks:
  waive:
    MC302: "agreed with the host, 2027-03-01: 50% <ok> & fine"
events:
  lunch:
    title: "Lunch: Renault, 100% <tour> & co"
    kind: meal
    start: 2027-05-11 12:30
    end: 13:30
    attendees: [ana-silva]
  plant-visit:
    title: Plant visit
    kind: visit
    start: 2027-05-11 13:00
    end: 15:00
    attendees: [ana-silva, kenji-tanaka]
  dinner:
    title: Dinner
    kind: meal
    start: 2027-05-15 20:00
    end: 22:00
    waive: {MC404: "the riad confirms by phone\\nno e-mail"}
    status: tentative
""",
    PEOPLE: """\
people:
  ana-silva:
    name: Ana Silva
    phone: +351 220 000 101
  kenji-tanaka:
    name: 田中 健二
    languages: [ja]
""",
    RABAT: """\
missionctl: 1
mission:
  id: rabat
  title: 会議 Rabat
  host_country: MA
  timezone: Africa/Rabat
  start: 2027-05-15
  end: 2027-05-16
events:
  talk:
    title: "会議 <talk> & Q&A"
    attendees: [田中-kenji, ana]
    start:\t2027-05-15 09:00
    duration: 1h
""",
    CLEAN: """\
missionctl: 1
mission:
  id: clean
  title: Clean
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
""",
}

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _f(code: str, message: str, loc: Loc, severity: Severity, related: tuple[Loc, ...] = (),
       waived: str | None = None, subject: str | None = None) -> Finding:
    return Finding(code, message, loc, related, subject, severity, waived)


def sample_reports() -> list[FileReport]:
    """Three mission files, deliberately out of order: one with conflicts of every severity
    (a related location in the same file and one in an include file, a finding in the
    include file, a multi-line message, two waived findings), one with format errors (so its
    conflict checks were skipped), one clean."""
    casa = [
        _f("MC101", "Ana Silva is in 'Plant visit' and 'Lunch: Renault, 100% <tour> & co' at "
               "once (Tue 11 May 13:00–13:30)", Loc(CASA, 20, 3), E, (Loc(CASA, 14, 3),),
           subject="plant-visit"),
        _f("MC107", "'Plant visit': visitors speak ja, hosts speak fr, ar and no interpreter "
               "bridges them", Loc(CASA, 20, 3), W, (Loc(PEOPLE, 7, 5),),
           subject="plant-visit"),
        _f("MC104", "'Dinner' (Sat 15 May) is after the mission ends (2027-05-14)",
           Loc(CASA, 29, 12), W, subject="dinner"),
        _f("MC402", "Kenji Tanaka (kenji-tanaka) has neither phone nor e-mail",
           Loc(PEOPLE, 5, 3), W),
        _f("MC106", "Ana Silva has no lunch break on Tue 11 May:\n  busy 12:30–15:00\r\n"
               "leave 45 minutes free between 11:30 and 15:00", Loc(CASA, 14, 3), INFO),
        _f("MC404", "'Dinner' is still tentative", Loc(CASA, 26, 3), INFO,
           waived="the riad confirms by phone\nno e-mail", subject="dinner"),
        _f("MC302", "'Dinner' (Sat 15 May) falls on the weekend in MA", Loc(CASA, 26, 3), W,
           waived="agreed with the host, 2027-03-01: 50% <ok> & fine", subject="dinner"),
    ]
    rabat = [
        _f("MC003", "'Africa/Rabat' is not a time zone (did you mean 'Africa/Casablanca'?)",
           Loc(RABAT, 6, 13), E),
        _f("MC003", "'田中-kenji' is not an id: ids start with a letter or digit and use "
               "A-Z a-z 0-9 . _ -", Loc(RABAT, 12, 17), E),
        _f("MC006", "no person 'ana' (did you mean 'ana-silva'?)", Loc(RABAT, 12, 27), E),
        _f("MC003", "'2027-05-15 09:00\x1b[2J' is not a date-time (a control character, "
               "ESC, is in it)", Loc(RABAT, 13, 12), E),
    ]
    return [
        FileReport(RABAT, tuple(rabat), E, False, None),
        FileReport(CASA, tuple(casa), E, True, None),
        FileReport(CLEAN, (), W, True, None),
    ]


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[FileReport]:
    for name, text in SOURCES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return sample_reports()


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """golden(name, text): compare with tests/report/golden/NAME byte for byte, or rewrite it
    when UPDATE_GOLDEN=1."""

    def _check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            return
        assert path.exists(), f"no golden file {path}; run UPDATE_GOLDEN=1 pytest tests/report"
        expected = path.read_bytes().decode("utf-8")
        assert text == expected, (f"{name} differs from its golden file; if the change is "
                                  "intended, run UPDATE_GOLDEN=1 pytest tests/report")

    return _check
