"""`check --format github`: GitHub Actions workflow commands, one per finding.

    ::error file=missions/x.yaml,line=40,col=3,title=MC101 person-double-booked::message

error -> `::error`, warning -> `::warning`, info -> `::notice`. GitHub turns each into an
annotation on the line of the pull request's diff. Related locations follow the message on
lines of their own (`related: file:line:col`). With --show-waived, waived findings come as
`::notice` with "(waived)" in the title and the reason in the message. A plain summary line
ends the output (the runner prints it as an ordinary log line), with a reminder when there
are more findings of one kind than GitHub turns into annotations (10 per step).

Escaping is the runner's (actions/toolkit `escapeData` / `escapeProperty`): in the message
`%` `\\r` `\\n` become `%25` `%0D` `%0A`; in properties also `:` -> `%3A` and `,` -> `%2C`.
Other control characters (an ESC quoted from a file) are written as `\\xNN`, never passed on
to the log viewer, which would obey them.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence

from missionctl.findings import Finding, Severity
from missionctl.linter import FileReport, summarise
from missionctl.render import Options
from missionctl.rules.catalogue import RULES

# GitHub turns at most this many commands of one kind (error, warning, notice) per step into
# annotations; the rest stay in the log.
ANNOTATIONS_PER_KIND = 10
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def escape_data(text: str) -> str:
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(file: str) -> str:
    """The path GitHub matches against the repository: relative, with forward slashes.

    Paths are relative to the working directory already unless given absolute; an absolute
    path inside the working directory is made relative (the runner's working directory is
    the checkout unless the job changes it).
    """
    if os.path.isabs(file):
        try:
            rel = os.path.relpath(file)
        except ValueError:  # another drive on Windows
            rel = file
        if not rel.startswith(".."):
            file = rel
    return file.replace(os.sep, "/") if os.sep != "/" else file


def command(f: Finding) -> str:
    sev = f.severity or Severity.ERROR
    name = COMMANDS.get(sev, "error")
    title = f"{f.code} {RULES[f.code].name}" if f.code in RULES else f.code
    message = f.message
    if f.waived is not None:
        name = "notice"
        title += " (waived)"
        message += f"\nwaived: {f.waived}"
    for loc in f.related:
        message += f"\nrelated: {workspace_path(loc.file)}:{loc.line}:{loc.column}"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in (
        ("file", workspace_path(f.loc.file)),
        ("line", str(f.loc.line)),
        ("col", str(f.loc.column)),
        ("title", title),
    ))
    return f"::{name} {props}::{escape_data(message)}"


def render(reports: Sequence[FileReport], options: Options) -> str:
    findings = sorted((f for r in reports for f in (r.findings if options.show_waived
                                                    else r.shown)), key=Finding.sort_key)
    out = [command(f) for f in findings]
    kinds = Counter(line.split(" ", 1)[0] for line in out)
    s = summarise(reports)
    waived = f", {s['waived']} waived" if s["waived"] else ""
    out.append(f"missionctl: {s['files']} file{'s' if s['files'] != 1 else ''} checked: "
               f"{s['error']} error{'s' if s['error'] != 1 else ''}, "
               f"{s['warning']} warning{'s' if s['warning'] != 1 else ''}, "
               f"{s['info']} info{waived}")
    if any(n > ANNOTATIONS_PER_KIND for n in kinds.values()):
        out.append(f"missionctl: GitHub shows at most {ANNOTATIONS_PER_KIND} annotations of "
                   "each kind per step; every finding is in this log (upload --format sarif to "
                   "code scanning to see them all on the pull request)")
    return "\n".join(out) + "\n"


VIEWS = {"findings": render}
