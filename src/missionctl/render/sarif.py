"""`check --format sarif`: a SARIF 2.1.0 log with one run, for GitHub code scanning and the
other tools that read SARIF.

- `tool.driver`: name, version, informationUri, and one `rules` entry per code that has a
  result (sorted by code), with the catalogue's summary as shortDescription and the rule's
  documentation (`rules.docs.doc_for`: why, an example that fails, the fix) as
  fullDescription and help (text and markdown).
- one result per finding, sorted like every other format: ruleId, ruleIndex, level (error,
  warning, note), message.text, one physicalLocation (artifactLocation.uri relative to the
  working directory, percent-encoded; region.startLine/startColumn) and relatedLocations.
- `columnKind` is "unicodeCodePoints": columns count characters, as libyaml does.
- Waived findings are left out like everywhere else; with --show-waived they are included
  with a `suppressions` entry (kind "inSource", the waiver's reason as justification), which
  SARIF viewers show as suppressed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from missionctl import __version__
from missionctl.findings import Finding, Loc, Severity
from missionctl.linter import FileReport
from missionctl.render import Options
from missionctl.rules.catalogue import RULES
from missionctl.rules.docs import Doc, doc_for

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://example.org/missionctl"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# What a related location is, per rule (the message SARIF viewers show beside it).
RELATED = {
    "MC005": "first defined here",
    "MC101": "the other event",
    "MC102": "the other event",
    "MC201": "the other event",
}


def rule_doc(code: str) -> Doc | None:
    """The rule's documentation (a seam for tests: conflict rules document themselves)."""
    return doc_for(code)


def artifact_uri(file: str) -> str:
    """A URI reference for a finding's file: relative to the working directory where it can
    be (GitHub resolves relative URIs against the checkout), percent-encoded, `/`-separated;
    an absolute `file:` URI otherwise."""
    if os.path.isabs(file):
        try:
            rel = os.path.relpath(file)
        except ValueError:  # another drive on Windows
            rel = ".."
        if rel.startswith(".."):
            return Path(file).as_uri()
        file = rel
    return quote(Path(file).as_posix(), safe="/")


def location(loc: Loc) -> dict[str, object]:
    return {"physicalLocation": {
        "artifactLocation": {"uri": artifact_uri(loc.file)},
        "region": {"startLine": loc.line, "startColumn": loc.column},
    }}


def rule_entry(code: str) -> dict[str, object]:
    info = RULES[code]
    summary = info.summary[:1].upper() + info.summary[1:] + "."
    doc = rule_doc(code)
    entry: dict[str, object] = {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc.why if doc else summary},
    }
    if doc:
        example = "\n".join("    " + ln for ln in doc.bad.splitlines())
        entry["help"] = {
            "text": f"{doc.why}\n\nExample that fails:\n{example}\n\nFix: {doc.fix}",
            "markdown": f"**{code} {info.name}**: {info.summary}.\n\n{doc.why}\n\n"
                        f"Example that fails:\n\n```yaml\n{doc.bad}\n```\n\n**Fix:** {doc.fix}",
        }
    else:
        entry["help"] = {"text": summary, "markdown": f"**{code} {info.name}**: {summary}"}
    entry["defaultConfiguration"] = {"level": LEVELS[Severity.parse(info.default)]}
    entry["properties"] = {"tags": ["missionctl", "format" if info.format_rule else "conflict"]}
    return entry


def result(f: Finding, index: int) -> dict[str, object]:
    out: dict[str, object] = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": LEVELS.get(f.severity or Severity.ERROR, "error"),
        "message": {"text": f.message},
        "locations": [location(f.loc)],
    }
    if f.related:
        note = RELATED.get(f.code, "related location")
        out["relatedLocations"] = [
            {"id": i, **location(loc), "message": {"text": note}}
            for i, loc in enumerate(f.related, 1)
        ]
    if f.waived is not None:
        out["suppressions"] = [{"kind": "inSource", "justification": f.waived}]
    return out


def render(reports: Sequence[FileReport], options: Options) -> str:
    findings = sorted((f for r in reports for f in (r.findings if options.show_waived
                                                    else r.shown)), key=Finding.sort_key)
    codes = sorted({f.code for f in findings})
    index = {code: i for i, code in enumerate(codes)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "missionctl",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_entry(code) for code in codes],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [result(f, index[f.code]) for f in findings],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


VIEWS = {"findings": render}
