"""`check --format json`: the contract's object, findings sorted, waived ones counted only."""

from __future__ import annotations

import json
from collections.abc import Sequence

from missionctl.findings import Finding
from missionctl.linter import FileReport, summarise
from missionctl.report import Options
from missionctl.rules.catalogue import RULES


def finding_dict(f: Finding) -> dict[str, object]:
    out: dict[str, object] = {
        "code": f.code,
        "rule": RULES[f.code].name,
        "severity": f.severity.label if f.severity is not None else "error",
        "message": f.message,
        "file": f.loc.file,
        "line": f.loc.line,
        "column": f.loc.column,
        "related": [{"file": r.file, "line": r.line, "column": r.column} for r in f.related],
    }
    if f.waived is not None:
        out["waived"] = f.waived
    return out


def render(reports: Sequence[FileReport], options: Options) -> str:
    findings = sorted((f for r in reports for f in (r.findings if options.show_waived
                                                    else r.shown)), key=Finding.sort_key)
    doc = {
        "version": 1,
        "findings": [finding_dict(f) for f in findings],
        "summary": summarise(reports),
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
