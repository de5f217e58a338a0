"""`check --format text`: one finding per line, `file:line:col: CODE severity message`."""

from __future__ import annotations

from collections.abc import Sequence

from missionctl.findings import Finding, Severity
from missionctl.linter import FileReport, summarise
from missionctl.report import Options

# Plain ANSI escapes: importing rich for five colours would cost more start-up than a
# whole check of a small mission.
COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def line(f: Finding, color: bool) -> str:
    sev = f.severity or Severity.ERROR
    where = paint(str(f.loc), "1", color)
    label = paint(sev.label, COLOURS.get(sev, "0"), color)
    text = f"{where}: {f.code} {label} {f.message}"
    if f.waived is not None:
        text += f" [waived: {f.waived}]"
    return text


def render(reports: Sequence[FileReport], options: Options) -> str:
    out: list[str] = []
    for report in reports:
        shown = report.findings if options.show_waived else report.shown
        out.extend(line(f, options.color) for f in sorted(shown, key=Finding.sort_key))
        if not report.checked and report.mission is not None or (
            not report.checked and any(f.code.startswith("MC0") for f in report.findings)
        ):
            out.append(f"{report.file}: conflict checks skipped until the format errors above "
                       "are fixed")
    s = summarise(reports)
    parts = [f"{s[k]} {k}{'s' if s[k] != 1 and k != 'info' else ''}"
             for k in ("error", "warning", "info")]
    tail = f", {s['waived']} waived" if s["waived"] else ""
    files = f"{s['files']} file{'s' if s['files'] != 1 else ''}"
    out.append(f"{files} checked: {', '.join(parts)}{tail}")
    return "\n".join(out) + "\n"
