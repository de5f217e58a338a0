"""Plain text (no rich): `check`'s findings like a compiler's, then a summary table; the rule
catalogue, one rule explained, and the holiday calendar.

Each finding is `file:line:col: CODE severity message [rule-name]`, followed by the source
line it points at with a caret under the column, then one `note: ... here` (with its own
source line) per related location. Reports are sorted by file, findings by position. Waived
findings appear only with --show-waived, with their reason.

Plain ANSI escapes, and only when `options.color`: importing rich for five colours would cost
more start-up than a whole check of a small mission.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from missionctl.findings import Finding, Loc, Severity
from missionctl.linter import ORDER, FileReport, summarise
from missionctl.render import Options
from missionctl.rules.catalogue import RULES, RuleInfo
from missionctl.sourcelines import _BREAKS, Lines
from missionctl.wording import CONTROL as _CONTROL
from missionctl.wording import clean

if TYPE_CHECKING:
    from missionctl.netcmd.holidays import HolidaysResult
    from missionctl.views.table import Table

COLOURS = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;36"}
BOLD, DIM, GUTTER, NOTE, OK = "1", "2", "34", "1;32", "32"

# What a related location is, per rule; anything else is "related location here".
NOTES = {
    "MC005": "first defined here",
    "MC101": "the other event is here",
    "MC102": "the other event is here",
    "MC201": "the other event is here",
}

MAX_SHOWN = 160  # characters of a source line shown around the column


def paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on and text and code else text


class Sources:
    """Source lines by file (`sourcelines.Lines`), each file read once; None for a file that
    cannot be shown. The texts the loader read (`FileReport.texts`) are used as they are;
    other files are read."""

    def __init__(self) -> None:
        self._lines: dict[str, Lines | None] = {}
        self._texts: dict[str, str] = {}

    def know(self, texts: Mapping[str, str]) -> None:
        for file, text in texts.items():
            self._texts.setdefault(file, text)

    def line(self, file: str, number: int) -> str | None:
        if file not in self._lines:
            text = self._texts.pop(file, None)
            self._lines[file] = self._read(file) if text is None else Lines(text)
        lines = self._lines[file]
        return None if lines is None else lines.line(number)

    @staticmethod
    def _read(file: str) -> Lines | None:
        from pathlib import Path

        from missionctl.reading import NotReadable, read_regular

        try:  # only a regular file, bounded: never a FIFO or /dev/zero (MC001 says why)
            data = read_regular(Path(file))
        except (OSError, ValueError, NotReadable):
            return None
        if b"\x00" in data[:8192]:
            return None  # binary: MC001 already says so
        return Lines(data.decode("utf-8-sig", errors="replace"))


def _width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def snippet(line: str, column: int) -> tuple[str, str]:
    """(the line as displayed, the padding that puts a caret under `column`).

    Columns count code points (as libyaml does). Tabs stay tabs in the padding so the caret
    lines up whatever the terminal's tab width; wide characters take two cells; control
    characters are shown escaped (and padded to match).
    """
    start = 0
    end = len(line)
    if end > MAX_SHOWN:  # a very long line: a window around the column
        start = max(0, min(column - 1 - MAX_SHOWN // 3, end - MAX_SHOWN))
        end = min(end, start + MAX_SHOWN)
    part = line[start:end]
    if part.isascii() and part.isprintable():
        # Printable ASCII (no tab, no control character) is one cell per character: the
        # common line, done without the per-character loop below (which took most of the
        # time of a report of 10,000 findings).
        cut, more = ("…", " ") if start else ("", "")
        tail = "…" if end < len(line) else ""
        before = max(0, min(column - 1, end) - start)
        missing = max(0, column - 1 - len(line))
        return (cut + part + tail).rstrip(), more + " " * (before + missing)
    shown: list[str] = ["…"] if start else []
    pad: list[str] = [" "] if start else []
    for i, ch in enumerate(line[start:end], start):
        if ch == "\t":
            text, space = "\t", "\t"
        elif _CONTROL.match(ch):
            text = clean(ch)
            space = " " * len(text)
        else:
            text, space = ch, " " * _width(ch)
        shown.append(text)
        if i < column - 1:
            pad.append(space)
    if end < len(line):
        shown.append("…")
    missing = column - 1 - len(line)  # a column past the end (an error at end of line)
    if missing > 0:
        pad.append(" " * missing)
    return "".join(shown).rstrip(), "".join(pad)


def _clean(text: str) -> str:
    # Most text has nothing to escape, and `isprintable` says so faster than a search.
    return text if text.isprintable() else clean(text)


def _lines(text: str) -> list[str]:
    """`text` cut at YAML's line breaks, each part cleaned."""
    if text.isprintable():  # no line break, no control character: the usual message
        return [text]
    return [clean(part) for part in _BREAKS.split(text)]


class Writer:
    def __init__(self, options: Options) -> None:
        self.color = options.color
        self.show_waived = options.show_waived
        self.sources = Sources()
        self.out: list[str] = []
        self.bar = paint("|", GUTTER, self.color)
        # Source line and caret padding by position: in a long report the same places (the
        # "other event" of many findings) are shown again and again.
        self._shown: dict[Loc, tuple[str, str] | None] = {}

    def finding(self, f: Finding) -> None:
        sev = f.severity or Severity.ERROR
        rule = RULES[f.code].name if f.code in RULES else ""
        first, *rest = _lines(f.message)
        label = sev.label + (" (waived)" if f.waived is not None else "")
        if not self.color:  # the same line as below, without a call per colour
            head = f"{_clean(str(f.loc))}: {f.code} {label} {first}" + (
                f" [{rule}]" if rule else "")
        else:
            head = (f"{paint(_clean(str(f.loc)), BOLD, True)}: {paint(f.code, BOLD, True)} "
                    f"{paint(label, COLOURS.get(sev, BOLD), True)} {first}")
            if rule:
                head += " " + paint(f"[{rule}]", DIM, True)
        self.out.append(head)
        self.out.extend(f"    {more}" for more in rest)
        line = f.loc.line
        for loc in f.related:
            line = max(line, loc.line)
        width = len(str(line))
        self.source(f.loc, width, COLOURS.get(sev, BOLD))
        if f.waived is not None:
            reason = " ".join(_lines(f.waived))
            self.out.append(f"  {' ' * width} = waived: {reason}")
        note = NOTES.get(f.code, "related location here")
        for loc in f.related:
            self.out.append(f"{paint(_clean(str(loc)), BOLD, self.color)}: "
                            f"{paint('note', NOTE, self.color)}: {note}")
            self.source(loc, width, NOTE)

    def source(self, loc: Loc, width: int, colour: str) -> None:
        if loc in self._shown:
            found = self._shown[loc]
        else:
            text = self.sources.line(loc.file, loc.line)
            found = self._shown[loc] = None if text is None else snippet(text, loc.column)
        if found is None:
            return
        shown, pad = found
        if not self.color:  # the same lines as below, without a call per colour
            self.out.append(f"  {loc.line:>{width}} | {shown}".rstrip())
            self.out.append(f"  {' ' * width} | {pad}^")
            return
        bar = self.bar
        number = paint(f"{loc.line:>{width}}", GUTTER, self.color)
        self.out.append(f"  {number} {bar} {shown}".rstrip())
        self.out.append(f"  {' ' * width} {bar} {pad}{paint('^', colour, self.color)}")

    def report(self, report: FileReport) -> None:
        self.sources.know(report.texts)
        shown = report.findings if self.show_waived else report.shown
        for f in sorted(shown, key=ORDER):  # Finding.sort_key, as a C-level key
            self.finding(f)
            self.out.append("")
        if not report.checked and any(f.code.startswith("MC0") for f in report.findings):
            name = paint(clean(report.file), BOLD, self.color)
            self.out.append(f"{name}: conflict checks skipped until the format errors above "
                            "are fixed")
            self.out.append("")

    def table(self, reports: Sequence[FileReport], strict: bool) -> None:
        head = ("file", "error", "warning", "info", "waived", "fails at", "result")
        rows: list[tuple[str, ...]] = []
        for r in reports:
            counts = summarise([r])
            bar = min(r.fail_on, Severity.WARNING) if strict else r.fail_on
            rows.append((clean(r.file), *(str(counts[k]) for k in head[1:5]), bar.label,
                         "failed" if r.failed(strict) else "passed"))
        widths = [max(len(row[i]) for row in (head, *rows)) for i in range(len(head))]

        def cells(row: tuple[str, ...], colours: Sequence[str] = ()) -> str:
            parts = []
            for i, (text, w) in enumerate(zip(row, widths, strict=True)):
                text = text.rjust(w) if 1 <= i <= 4 else text.ljust(w)
                parts.append(paint(text, colours[i], self.color) if colours else text)
            return "  ".join(parts).rstrip()

        self.out.append(paint(cells(head), BOLD, self.color))
        for row in rows:
            count_colours = [COLOURS[s] if n != "0" else "" for s, n in zip(
                (Severity.ERROR, Severity.WARNING, Severity.INFO), row[1:4], strict=True)]
            result = COLOURS[Severity.ERROR] if row[-1] == "failed" else OK
            self.out.append(cells(row, ["", *count_colours, "", "", result]))


def render(reports: Sequence[FileReport], options: Options) -> str:
    ordered = sorted(reports, key=lambda r: r.file)
    w = Writer(options)
    for report in ordered:
        w.report(report)
    if ordered:
        w.table(ordered, options.strict)
    s = summarise(ordered)
    parts = [f"{s[k]} {k}{'s' if s[k] != 1 and k != 'info' else ''}"
             for k in ("error", "warning", "info")]
    tail = f", {s['waived']} waived" if s["waived"] else ""
    files = f"{s['files']} file{'s' if s['files'] != 1 else ''}"
    w.out.append(f"{files} checked: {', '.join(parts)}{tail}")
    return "\n".join(w.out) + "\n"


# --- the rule catalogue, one rule explained, the holiday calendar -----------------------


def rules(rows: Sequence[RuleInfo], options: Options) -> str:
    """`missionctl rules`: one line per rule."""
    width = max((len(r.name) for r in rows), default=0)
    lines = [f"{r.code}  {r.name:<{width}}  {r.default:<7}  {r.summary}" for r in rows]
    return "\n".join(lines) + "\n"


def rule(info: RuleInfo, options: Options) -> str:
    """`missionctl rules CODE`: the rule, why it exists, an example that fails, the fix."""
    from missionctl.rules.docs import doc_for

    doc = doc_for(info.code)
    note = " (a format rule: always an error)" if info.format_rule else ""
    if info.optional:
        note = f" (optional: off unless checks.severity or --select {info.code} turns it on)"
    out = [f"{info.code} {info.name}: {info.summary}",
           f"default severity: {info.default}{note}", ""]
    if doc:
        out += [doc.why, "", "Example that fails:", *("    " + ln for ln in doc.bad.splitlines()),
                "", f"Fix: {doc.fix}"]
    else:
        out.append("(not checked by this version yet)")
    return "\n".join(out) + "\n"


def holidays(result: HolidaysResult, options: Options) -> str:
    """`missionctl holidays COUNTRY YEAR`: the calendar the checks use, estimates marked."""
    lines = [f"Public holidays in {result.country}, {result.year}, as `missionctl check` uses "
             "them"]
    if not result.holidays:
        lines.append("  (none known: neither the built-in calendar nor an override has this "
                     "country; MC301 finds nothing here)")
    width = max((len(h.name) for h in result.holidays), default=0)
    for h in result.holidays:
        mark = "estimated" if h.estimated else ""
        lines.append(f"{h.date.isoformat()}  {h.date:%a}  {h.name:<{width}}  {mark:<9}  "
                     f"{h.source}".rstrip())
    estimated = sum(h.estimated for h in result.holidays)
    if estimated:
        lines.append(f"{estimated} estimated: Islamic dates follow the sighting of the moon and "
                     "can move by a day; check the official announcement.")
    if result.override is not None:
        lines.append(f"Override in use: {result.override}")
    return "\n".join(lines) + "\n"


def sheet(t: Table, options: Options) -> str:
    """An operational sheet: its title, then each section's heading and aligned rows, within
    `options.width` columns (the widest columns give way; a cut cell ends in "…")."""
    from missionctl.i18n import translator
    from missionctl.views.table import heading_text, shown

    lines = [clean(t.title), t.heading + (f" · {t.dates}" if t.dates else "")]
    if not t.rows:
        lines += ["", translator(t.lang)._("Nothing in this selection.")]
    cols = t.body_columns
    for key, rows in t.sections():
        cells = [[clean(shown(v, c.kind, t.lang)) for v, c in zip(row, cols, strict=False)]
                 for row in rows]
        widths = _fit([max([len(c.label)] + [len(r[i]) for r in cells])
                       for i, c in enumerate(cols)], options.width)
        lines.append("")
        if t.group:
            lines.append(clean(heading_text(key, t.columns, t.lang)))
        for row in [[c.label for c in cols], *cells]:
            lines.append("  ".join(_cut(v, w).ljust(w) for v, w in zip(row, widths,
                                                                      strict=False)).rstrip())
    return "\n".join(lines) + "\n"


def _fit(widths: list[int], total: int) -> list[int]:
    """Column widths that fit `total` with two spaces between: the widest shrinks first."""
    widths = list(widths)
    while widths and sum(widths) + 2 * (len(widths) - 1) > total and max(widths) > 4:
        widths[widths.index(max(widths))] -= 1
    return widths


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(0, width - 1)] + "…"


VIEWS = {"findings": render, "rules": rules, "rule": rule, "holidays": holidays, "sheet": sheet}
